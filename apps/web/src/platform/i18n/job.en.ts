import type { Strings } from './catalog';
import type jobZhCN from './job.zh-CN';

/** Durable jobs admin page (en). */
const jobEn: Strings<typeof jobZhCN> = {
  job: {
    menu: 'Scheduled jobs',
    title: 'Scheduled jobs',
    name: 'Job',
    scope: 'Scope',
    scope_organization: 'This organization',
    scope_global: 'All organizations',
    schedule: 'Schedule',
    dailyAt: 'Daily at {{at}}',
    everyMinutes: 'Every {{minutes}} min',
    nextRunAt: 'Next run',
    lastRunAt: 'Last run',
    status: 'Status',
    status_succeeded: 'Succeeded',
    status_failed: 'Failed',
    running: 'Running',
    never: 'Never run',
    duration: 'Duration',
    durationMs: '{{ms}} ms',
    lastError: 'Last error',
    runNow: 'Run now',
    ranOk: 'Job has run',
    history: 'Run history',
    historyOf: 'Run history: {{name}}',
    trigger: 'Trigger',
    trigger_schedule: 'Schedule',
    trigger_manual: 'Manual',
    startedAt: 'Started',
    summary: 'Result',
    error: 'Error',
    name_pools_reclaim: 'Pool reclaim',
    name_pools_reminders: 'Reclaim reminders',
    name_lifecycle_markLost: 'Mark lost customers',
    name_lifecycle_relationshipPhases: 'Relationship phases',
    name_lifecycle_stuckAlerts: 'Stuck alerts',
    name_maintenance_analyze: 'Vacuum and refresh database statistics',
    name_backup_pglite: 'Back up the database (PGlite)',
    name_tasks_reminders: 'Task reminders',
    installationWide: 'Whole installation',
    operatorOnly: 'This job works on every organization of the installation; only a system operator can run it.',
  },
};

export default jobEn;
