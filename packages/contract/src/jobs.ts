import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, pageOf } from './common.js';

/** Daily at a local time of the organization's time zone, or every N minutes. */
export const JobSchedule = Type.Union([
  Type.Object({ kind: Type.Literal('daily'), at: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }) }),
  Type.Object({ kind: Type.Literal('interval'), minutes: Type.Integer({ minimum: 1, maximum: 10080 }) }),
]);
export type JobSchedule = Static<typeof JobSchedule>;

export const JOB_STATUSES = ['succeeded', 'failed'] as const;
export const JobStatus = Type.Enum(JOB_STATUSES);
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_TRIGGERS = ['schedule', 'manual'] as const;
export const JobTrigger = Type.Enum(JOB_TRIGGERS);
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

export const Job = Type.Object({
  name: Type.String(),
  /** `organization`: runs for this organization only; `global`: one run covers every organization. */
  scope: Type.Enum(['organization', 'global']),
  /**
   * The work spans the whole installation even when run by hand (e.g. the nightly ANALYZE), so only
   * a system operator may run it.
   */
  installationWide: Type.Boolean(),
  schedule: JobSchedule,
  timeZone: Type.String(),
  nextRunAt: Timestamp,
  running: Type.Boolean(),
  lastRunAt: Nullable(Timestamp),
  lastStatus: Nullable(JobStatus),
  lastError: Nullable(Type.String()),
  lastDurationMs: Nullable(Type.Integer()),
});
export type Job = Static<typeof Job>;
export const JobList = Type.Object({ items: Type.Array(Job) });
export type JobList = Static<typeof JobList>;

export const JobRun = Type.Object({
  id: Id,
  name: Type.String(),
  trigger: JobTrigger,
  triggeredBy: Nullable(Id),
  status: JobStatus,
  startedAt: Timestamp,
  finishedAt: Timestamp,
  durationMs: Type.Integer(),
  error: Nullable(Type.String()),
  /** Counts the job reports, e.g. `{ reclaimed: 3 }`. */
  summary: Type.Record(Type.String(), Type.Number()),
});
export type JobRun = Static<typeof JobRun>;
export const JobRunPage = pageOf(JobRun);
export type JobRunPage = Static<typeof JobRunPage>;

export const JobNameParams = Type.Object(
  { name: Type.String({ pattern: '^[a-z][a-zA-Z0-9_.-]{0,63}$' }) },
  { additionalProperties: false },
);
export type JobNameParams = Static<typeof JobNameParams>;
export const JobRunQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type JobRunQuery = Static<typeof JobRunQuery>;
