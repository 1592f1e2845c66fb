import type { Job, JobList, JobRun, JobRunPage, JobRunQuery, JobSchedule } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import type { JobRegistry } from '../../platform/jobs/job-registry.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { jobsRepository, type JobRow, type JobRunRow } from '../../platform/jobs/jobs.repository.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { iso } from '../../platform/db/row-values.js';

/**
 * The job as one organization sees it: the last run is the newest run it may see (the global
 * schedule's or its own), not the row's, which another organization's hand-run of a global job
 * would otherwise show (cross-organization isolation, security A11).
 */
function toJob(row: JobRow, now: Date, installationWide: boolean, lastRun: JobRunRow | undefined): Job {
  return {
    name: row.name,
    scope: row.orgId === null ? 'global' : 'organization',
    installationWide,
    schedule: row.schedule as JobSchedule,
    timeZone: row.timeZone,
    nextRunAt: row.nextRunAt.toISOString(),
    running: row.lockedUntil !== null && row.lockedUntil > now,
    lastRunAt: iso(lastRun?.startedAt ?? null),
    lastStatus: (lastRun?.status ?? null) as Job['lastStatus'],
    lastError: lastRun?.error ?? null,
    lastDurationMs: lastRun?.durationMs ?? null,
  };
}

const toRun = (row: JobRunRow): JobRun => ({
  id: row.id,
  name: row.name,
  trigger: row.trigger as JobRun['trigger'],
  triggeredBy: row.triggeredBy,
  status: row.status as JobRun['status'],
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt.toISOString(),
  durationMs: row.durationMs,
  error: row.error,
  summary: row.summary,
});

/** The admin view of durable jobs: schedules, last runs, history and "run now". */
export function createJobsService({ db, registry, runner }: { db: Db; registry: JobRegistry; runner: JobRunner }) {
  const names = () => registry.list().map((d) => d.name);

  async function jobOf(actor: Actor, name: string): Promise<JobRow> {
    const job = registry.get(name) ? await jobsRepository.getForOrg(db, { orgId: actor.orgId, name }) : null;
    if (!job) throw notFound('entity.job');
    return job;
  }

  return {
    async list(actor: Actor): Promise<JobList> {
      const now = new Date();
      await jobsRepository.ensureScheduled(db, registry.list(), now, actor.orgId);
      const rows = await jobsRepository.findForOrg(db, { orgId: actor.orgId, names: names() });
      const lastRuns = await jobsRepository.latestRuns(db, { jobIds: rows.map((r) => r.id), viewerOrgId: actor.orgId });
      return {
        items: rows.map((row) =>
          toJob(row, now, registry.get(row.name)?.installationWide === true, lastRuns.get(row.id)),
        ),
      };
    },

    async findRuns(actor: Actor, name: string, query: JobRunQuery): Promise<JobRunPage> {
      const job = await jobOf(actor, name);
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const rows = await jobsRepository.findRuns(db, {
        jobId: job.id,
        viewerOrgId: actor.orgId,
        cursor,
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.startedAt.toISOString() });
      return { items: page.rows.map(toRun), nextCursor: page.nextCursor };
    },

    /**
     * Runs the job at once for the caller's organization and answers the finished run. A job
     * whose work spans every organization answers 403 to anyone but a system operator: it is
     * listed (its schedule is no secret), so 404 would contradict the list.
     */
    async runNow(actor: Actor, name: string): Promise<JobRun> {
      const definition = registry.get(name);
      if (!definition) throw notFound('entity.job');
      if (definition.installationWide && !actor.systemOperator)
        throw new AppError('forbidden', 'error.operatorOnlyJob');
      const run = await runner.runNow({ name, orgId: actor.orgId, triggeredBy: actor.userId });
      if (!run) throw new AppError('conflict', 'error.jobRunning');
      await recordAudit(db, actor, {
        action: 'run',
        entity: 'job',
        entityId: name,
        after: { runId: run.id, status: run.status },
      });
      return toRun(run);
    },
  };
}
