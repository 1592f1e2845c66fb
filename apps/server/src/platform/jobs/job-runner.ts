import type { JobTrigger } from '@guanxi/contract';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import type { JobInstallation, JobRegistry } from './job-registry.js';
import { jobsRepository, type JobRow, type JobRunRow } from './jobs.repository.js';
import { nextRunAfter } from '../time/index.js';

export interface JobRunnerOptions {
  db: Db;
  registry: JobRegistry;
  /** Handed to every run (the backup job dumps the store and writes under the data directory). */
  installation?: JobInstallation;
  /** How often the runner looks for due jobs. */
  pollIntervalMs?: number;
  /** A run that takes longer than this may be taken over by another runner. */
  leaseMs?: number;
  onError?: (error: unknown) => void;
}

export interface JobRunner {
  /** Polls for due jobs until `stop`. */
  start(): void;
  /** Stops polling and waits for the run in progress. */
  stop(): Promise<void>;
  /** Runs every job due at `now`, one after another; answers how many ran. */
  runDue(now?: Date): Promise<number>;
  /** Runs one job at once ("run now"); null when it is running already. */
  runNow(options: {
    name: string;
    orgId: string | null;
    now?: Date;
    triggeredBy?: string | null;
  }): Promise<JobRunRow | null>;
}

const MAX_ERROR_LENGTH = 2000;

/** The durable job runner of the server process (design §6). */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, registry } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const leaseMs = options.leaseMs ?? 30 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** One organization's hand-runs of global jobs in progress in this process (`name:orgId`). */
  const handRuns = new Set<string>();

  async function execute(
    job: JobRow,
    context: { now: Date; trigger: JobTrigger; triggeredBy: string | null; orgId?: string | null; leased: boolean },
  ): Promise<JobRunRow> {
    // A global job run by hand from one organization is limited to it (tenant isolation).
    const orgId = job.orgId ?? context.orgId ?? null;
    const definition = registry.get(job.name);
    const startedAt = new Date();
    let status: 'succeeded' | 'failed' = 'succeeded';
    let error: string | null = null;
    let summary: Record<string, number> = {};
    try {
      if (!definition) throw new Error(`no handler registered for job ${job.name}`);
      summary =
        (await definition.run({
          db,
          orgId,
          now: context.now,
          ...(options.installation ? { installation: options.installation } : {}),
        })) ?? {};
    } catch (caught) {
      status = 'failed';
      error = (caught instanceof Error ? caught.message : String(caught)).slice(0, MAX_ERROR_LENGTH);
    }
    const finishedAt = new Date();
    const schedule = definition?.schedule ?? (job.schedule as NonNullable<typeof definition>['schedule']);
    // A manual run keeps the schedule; a scheduled one moves to the next slot after `now`.
    const nextRunAt = context.trigger === 'manual' ? job.nextRunAt : nextRunAfter(schedule, context.now, job.timeZone);
    return jobsRepository.finish(
      db,
      job,
      {
        id: newId(),
        orgId,
        trigger: context.trigger,
        triggeredBy: context.triggeredBy,
        status,
        startedAt,
        finishedAt,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        error,
        summary,
      },
      { nextRunAt, leased: context.leased },
    );
  }

  async function runDue(now = new Date()): Promise<number> {
    const definitions = registry.list();
    await jobsRepository.ensureScheduled(db, definitions, now);
    const names = definitions.map((d) => d.name);
    let ran = 0;
    while (!stopped) {
      const job = await jobsRepository.leaseDue(db, { names, now, leaseUntil: new Date(now.getTime() + leaseMs) });
      if (!job) break;
      await execute(job, { now, trigger: 'schedule', triggeredBy: null, leased: true });
      ran++;
    }
    return ran;
  }

  const tick = () => {
    current = current.then(() => runDue()).catch((error: unknown) => options.onError?.(error));
  };

  return {
    start() {
      if (timer) return;
      stopped = false;
      timer = setInterval(tick, pollIntervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await current;
    },
    runDue,
    async runNow({ name, orgId, now = new Date(), triggeredBy = null }) {
      const definition = registry.get(name);
      if (!definition) return null;
      await jobsRepository.ensureScheduled(db, [definition], now, orgId ?? undefined);
      if (definition.scope === 'global' && !definition.installationWide && orgId !== null) {
        // One organization's run of a global job touches only that organization: it neither leases
        // nor blocks the row every organization shares (one tenant must not hold up another's
        // run, nor see when it runs — security A11). Handlers are idempotent, so it may overlap
        // the scheduled run; a second hand-run for the same organization waits its turn (409).
        const key = `${name}:${orgId}`;
        const shared = await jobsRepository.getForOrg(db, { orgId, name });
        if (!shared || handRuns.has(key)) return null;
        handRuns.add(key);
        try {
          return await execute(shared, { now, trigger: 'manual', triggeredBy, orgId, leased: false });
        } finally {
          handRuns.delete(key);
        }
      }
      const job = await jobsRepository.leaseByName(db, {
        name,
        orgId: definition.scope === 'global' ? null : orgId,
        now,
        leaseUntil: new Date(now.getTime() + leaseMs),
      });
      if (!job) return null;
      return execute(job, { now, trigger: 'manual', triggeredBy, orgId, leased: true });
    },
  };
}
