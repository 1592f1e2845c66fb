import { DEFAULT_SERVICE_SETTINGS, type ComplaintSeverity, type ServiceSettings } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { addBusinessMinutes, orgTimeZone, type WorkingCalendar } from '../../platform/time/index.js';
import { complaintSettingsRepository } from './complaints.repository.js';

/** A warning goes out when this share of the business time to a deadline has passed. */
export const WARN_SHARE = 0.8;

/** The organization's service settings; a missing row reads as the defaults. */
export async function loadServiceSettings(db: Executor, orgId: string): Promise<ServiceSettings> {
  const row = await complaintSettingsRepository.settings(db, orgId);
  if (!row) return DEFAULT_SERVICE_SETTINGS;
  return { calendar: row.calendar, sla: row.sla, assignmentRules: row.assignmentRules };
}

/** The working calendar SLA clocks run in: the settings' hours and days in the organization's zone. */
export async function workingCalendarOf(
  db: Executor,
  orgId: string,
  settings: ServiceSettings,
): Promise<WorkingCalendar> {
  return { ...settings.calendar, timeZone: await orgTimeZone(db, orgId) };
}

export interface Deadline {
  dueAt: Date;
  warnAt: Date;
}

/** A deadline `minutes` business minutes after `from`, warned at `WARN_SHARE` of the way. */
export function deadlineAfter(from: Date, minutes: number, calendar: WorkingCalendar): Deadline {
  return {
    dueAt: addBusinessMinutes(from, minutes, calendar),
    warnAt: addBusinessMinutes(from, Math.max(1, Math.floor(minutes * WARN_SHARE)), calendar),
  };
}

export function deadlinesOf(
  from: Date,
  severity: ComplaintSeverity,
  settings: ServiceSettings,
  calendar: WorkingCalendar,
): { firstResponse: Deadline; resolution: Deadline } {
  const target = settings.sla[severity];
  return {
    firstResponse: deadlineAfter(from, target.firstResponseMinutes, calendar),
    resolution: deadlineAfter(from, target.resolutionMinutes, calendar),
  };
}

/** What the SLA job looks at on a ticket. */
export interface SlaState {
  state: string;
  firstRespondedAt: Date | null;
  firstResponseWarnAt: Date;
  firstResponseDueAt: Date;
  firstResponseWarned: boolean;
  firstResponseBreached: boolean;
  resolutionWarnAt: Date;
  resolutionDueAt: Date;
  resolutionWarned: boolean;
  resolutionBreached: boolean;
}

const isOpen = (state: string) => state === 'new' || state === 'assigned' || state === 'in_progress';

/** The next instant a warning or breach of the ticket falls due, null when none is pending. */
export function nextSlaCheck(t: SlaState): Date | null {
  if (!isOpen(t.state)) return null;
  const pending: Date[] = [];
  if (t.firstRespondedAt === null) {
    if (!t.firstResponseWarned) pending.push(t.firstResponseWarnAt);
    if (!t.firstResponseBreached) pending.push(t.firstResponseDueAt);
  }
  if (!t.resolutionWarned) pending.push(t.resolutionWarnAt);
  if (!t.resolutionBreached) pending.push(t.resolutionDueAt);
  if (pending.length === 0) return null;
  return new Date(Math.min(...pending.map((d) => d.getTime())));
}

export type SlaClock = 'first_response' | 'resolution';
export interface SlaEvent {
  clock: SlaClock;
  kind: 'warning' | 'breach';
  dueAt: Date;
}

/**
 * The warnings and breaches that have fallen due at `now` and were not sent yet. A breach makes
 * its own warning moot: both are marked, only the breach is sent.
 */
export function dueSlaEvents(t: SlaState, now: Date): SlaEvent[] {
  if (!isOpen(t.state)) return [];
  const events: SlaEvent[] = [];
  const at = now.getTime();
  const check = (clock: SlaClock, warnAt: Date, dueAt: Date, warned: boolean, breached: boolean) => {
    if (!breached && dueAt.getTime() <= at) events.push({ clock, kind: 'breach', dueAt });
    else if (!warned && !breached && warnAt.getTime() <= at) events.push({ clock, kind: 'warning', dueAt });
  };
  if (t.firstRespondedAt === null)
    check(
      'first_response',
      t.firstResponseWarnAt,
      t.firstResponseDueAt,
      t.firstResponseWarned,
      t.firstResponseBreached,
    );
  check('resolution', t.resolutionWarnAt, t.resolutionDueAt, t.resolutionWarned, t.resolutionBreached);
  return events;
}
