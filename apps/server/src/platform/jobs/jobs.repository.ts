import { and, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { newId } from '../db/ids.js';
import { jobRuns, jobs, organizations } from '../db/schema/index.js';
import type { Cursor } from '../pagination.js';
import type { JobDefinition } from './job-registry.js';
import { nextRunAfter } from '../time/index.js';
import { firstRow } from '../db/row-reads.js';

export type JobRow = typeof jobs.$inferSelect;
export type JobRunRow = typeof jobRuns.$inferSelect;

/** Global jobs are scheduled in this zone. */
export const GLOBAL_TIME_ZONE = 'Asia/Shanghai';

const isFree = (now: Date) => or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now));

/** All SQL of the job runner. Jobs are system records: the admin API filters them by organization. */
export const jobsRepository = {
  /** Creates the missing schedule rows: one per organization for organization jobs, one for global jobs. */
  async ensureScheduled(
    db: Executor,
    definitions: readonly JobDefinition[],
    now: Date,
    onlyOrgId?: string,
  ): Promise<void> {
    for (const definition of definitions) {
      const schedule = definition.schedule;
      if (definition.scope === 'global') {
        const values = { id: newId(), orgId: null, name: definition.name, schedule, timeZone: GLOBAL_TIME_ZONE };
        await db
          .insert(jobs)
          .values({ ...values, nextRunAt: nextRunAfter(schedule, now, GLOBAL_TIME_ZONE) })
          .onConflictDoNothing();
        continue;
      }
      const missing = await db
        .select({ id: organizations.id, timeZone: organizations.timeZone })
        .from(organizations)
        .where(
          and(
            onlyOrgId === undefined ? undefined : eq(organizations.id, onlyOrgId),
            sql`not exists (select 1 from ${jobs} where ${jobs.orgId} = ${organizations.id} and ${jobs.name} = ${definition.name})`,
          ),
        );
      if (missing.length === 0) continue;
      await db
        .insert(jobs)
        .values(
          missing.map((org) => ({
            id: newId(),
            orgId: org.id,
            name: definition.name,
            schedule,
            timeZone: org.timeZone,
            nextRunAt: nextRunAfter(schedule, now, org.timeZone),
          })),
        )
        .onConflictDoNothing();
    }
  },

  /**
   * Leases one due job. `FOR UPDATE SKIP LOCKED` lets several server processes share the table;
   * the transaction only takes the lease, so it stays short (PGlite runs one at a time).
   */
  async leaseDue(db: Executor, options: { names: string[]; now: Date; leaseUntil: Date }): Promise<JobRow | null> {
    if (options.names.length === 0) return null;
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(inArray(jobs.name, options.names), lte(jobs.nextRunAt, options.now), isFree(options.now)))
        .orderBy(jobs.nextRunAt)
        .limit(1)
        .for('update', { skipLocked: true });
      const id = due[0]?.id;
      if (!id) return null;
      const leased = await tx.update(jobs).set({ lockedUntil: options.leaseUntil }).where(eq(jobs.id, id)).returning();
      return leased[0] ?? null;
    });
  },

  /** Leases a named job now, whatever its schedule; null when it is running already. */
  async leaseByName(
    db: Executor,
    options: { name: string; orgId: string | null; now: Date; leaseUntil: Date },
  ): Promise<JobRow | null> {
    return db.transaction(async (tx) => {
      const found = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            eq(jobs.name, options.name),
            options.orgId === null ? isNull(jobs.orgId) : eq(jobs.orgId, options.orgId),
            isFree(options.now),
          ),
        )
        .for('update', { skipLocked: true });
      const id = found[0]?.id;
      if (!id) return null;
      const leased = await tx.update(jobs).set({ lockedUntil: options.leaseUntil }).where(eq(jobs.id, id)).returning();
      return leased[0] ?? null;
    });
  },

  /**
   * Records a finished run and releases the lease, in one transaction. The row's last run is its
   * own runs' only: a global job run by hand for one organization leaves it as it was — every
   * organization lists the global row, and would see when another ran it and how it failed.
   */
  async finish(
    db: Executor,
    job: JobRow,
    run: Omit<typeof jobRuns.$inferInsert, 'jobId' | 'name'>,
    after: { nextRunAt: Date; leased: boolean },
  ): Promise<JobRunRow> {
    const { nextRunAt, leased } = after;
    return db.transaction(async (tx) => {
      const inserted = await tx
        .insert(jobRuns)
        .values({ ...run, jobId: job.id, name: job.name })
        .returning();
      const ownRun = (run.orgId ?? null) === job.orgId;
      // A run that neither is the row's own nor holds its lease leaves the row alone.
      if (!ownRun && !leased) return inserted[0]!;
      await tx
        .update(jobs)
        .set(
          ownRun
            ? {
                lastRunAt: run.startedAt,
                lastStatus: run.status,
                lastError: run.error ?? null,
                lastDurationMs: run.durationMs,
                nextRunAt,
                lockedUntil: null,
              }
            : { lockedUntil: null },
        )
        .where(eq(jobs.id, job.id));
      return inserted[0]!;
    });
  },

  /** An organization's jobs and the global ones. */
  async findForOrg(db: Executor, options: { orgId: string; names: string[] }): Promise<JobRow[]> {
    if (options.names.length === 0) return [];
    return db
      .select()
      .from(jobs)
      .where(and(inArray(jobs.name, options.names), or(eq(jobs.orgId, options.orgId), isNull(jobs.orgId))))
      .orderBy(jobs.name);
  },

  async getForOrg(db: Executor, options: { orgId: string; name: string }): Promise<JobRow | null> {
    return firstRow(
      db
        .select()
        .from(jobs)
        .where(and(eq(jobs.name, options.name), or(eq(jobs.orgId, options.orgId), isNull(jobs.orgId))))
        .orderBy(jobs.orgId)
        .limit(1),
    );
  },

  /** The newest run of each job that `viewerOrgId` may see (the runs findRuns lists), by job id. */
  async latestRuns(db: Executor, options: { jobIds: string[]; viewerOrgId: string }): Promise<Map<string, JobRunRow>> {
    if (options.jobIds.length === 0) return new Map();
    const rows = await db
      .selectDistinctOn([jobRuns.jobId])
      .from(jobRuns)
      .where(
        and(inArray(jobRuns.jobId, options.jobIds), or(isNull(jobRuns.orgId), eq(jobRuns.orgId, options.viewerOrgId))),
      )
      .orderBy(jobRuns.jobId, desc(jobRuns.startedAt), desc(jobRuns.id));
    return new Map(rows.map((row) => [row.jobId, row]));
  },

  /**
   * Run history of one job row as `viewerOrgId` may see it, newest first (keyset on started_at,
   * id): a global job's scheduled runs (no organization) and the viewer's own organization's runs,
   * never another organization's manual runs.
   */
  async findRuns(
    db: Executor,
    options: { jobId: string; viewerOrgId: string; cursor: Cursor | null; limit: number },
  ): Promise<JobRunRow[]> {
    const { cursor } = options;
    return db
      .select()
      .from(jobRuns)
      .where(
        and(
          eq(jobRuns.jobId, options.jobId),
          or(isNull(jobRuns.orgId), eq(jobRuns.orgId, options.viewerOrgId)),
          cursor
            ? sql`(${jobRuns.startedAt}, ${jobRuns.id}) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
      .limit(options.limit);
  },
};
