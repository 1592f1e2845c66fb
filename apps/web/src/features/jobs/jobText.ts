import type { Job, JobSchedule } from '@guanxi/contract';
import type { TFunction } from 'i18next';

/** Known job names → catalog keys; an unknown (newer) job reads as "系统任务", never as its code name. */
const JOB_NAME_KEYS = {
  'pools.reclaim': 'job.name_pools_reclaim',
  'pools.reminders': 'job.name_pools_reminders',
  'lifecycle.markLost': 'job.name_lifecycle_markLost',
  'lifecycle.relationshipPhases': 'job.name_lifecycle_relationshipPhases',
  'lifecycle.stuckAlerts': 'job.name_lifecycle_stuckAlerts',
  'maintenance.analyze': 'job.name_maintenance_analyze',
  'backup.pglite': 'job.name_backup_pglite',
  'exports.cleanup': 'job.name_exports_cleanup',
  'payments.markOverdue': 'payment.jobMarkOverdue',
  'customerValue.compute': 'customerValue.jobCompute',
  'tasks.reminders': 'job.name_tasks_reminders',
  'members.expirePoints': 'job.name_members_expirePoints',
  'members.levels': 'job.name_members_levels',
} as const;

export function jobLabel(t: TFunction, name: string): string {
  return t(name in JOB_NAME_KEYS ? JOB_NAME_KEYS[name as keyof typeof JOB_NAME_KEYS] : 'job.name_other');
}

/** What a run's summary counts (the jobs' `run` results) → catalog keys; an unknown count reads as "处理 N". */
const SUMMARY_KEYS = {
  processed: 'job.summary_processed',
  reminded: 'job.summary_reminded',
  reclaimed: 'job.summary_reclaimed',
  backups: 'job.summary_backups',
  removed: 'job.summary_removed',
  deleted: 'job.summary_deleted',
} as const;

export function summaryText(t: TFunction, key: string, count: number): string {
  return t(key in SUMMARY_KEYS ? SUMMARY_KEYS[key as keyof typeof SUMMARY_KEYS] : 'job.summary_processed', { count });
}

export function scheduleText(t: TFunction, schedule: JobSchedule): string {
  return schedule.kind === 'daily'
    ? t('job.dailyAt', { at: schedule.at })
    : t('job.everyMinutes', { minutes: schedule.minutes });
}

export function durationText(t: TFunction, ms: number | null): string {
  if (ms === null) return t('common.empty');
  return ms < 10_000 ? t('job.durationMs', { ms }) : `${(ms / 1000).toFixed(1)} s`;
}

export const jobScopeKey = (job: Job) =>
  job.scope === 'global' ? ('job.scope_global' as const) : ('job.scope_organization' as const);

const ZONE_CITY_KEYS = {
  'Asia/Shanghai': 'job.zoneCity_Shanghai',
  'Asia/Hong_Kong': 'job.zoneCity_Hong_Kong',
  'Asia/Taipei': 'job.zoneCity_Taipei',
  'Asia/Singapore': 'job.zoneCity_Singapore',
  'Asia/Tokyo': 'job.zoneCity_Tokyo',
} as const;

/**
 * A time zone as people name it, never its IANA code: "中国标准时间（上海）", "China Standard Time
 * (Shanghai)"; a zone without a city of ours is its name alone ("协调世界时").
 */
export function timeZoneLabel(t: TFunction, locale: string, zone: string): string {
  let name: string;
  try {
    name =
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
  const cityKey = zone in ZONE_CITY_KEYS ? ZONE_CITY_KEYS[zone as keyof typeof ZONE_CITY_KEYS] : null;
  return cityKey ? t('job.timeZone', { name, city: t(cityKey) }) : name;
}
