import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/query.js';
import { listExportJobs } from '../db/schema/index.js';

export type ExportJobRow = typeof listExportJobs.$inferSelect;
export type ExportJobInsert = typeof listExportJobs.$inferInsert;

/** SQL of background list exports; a user's reads see only the jobs they asked for. */
export const exportJobsRepository = {
  async insert(db: Executor, row: ExportJobInsert): Promise<void> {
    await db.insert(listExportJobs).values(row);
  },

  async findOwn(db: Executor, user: { orgId: string; userId: string }, limit = 20): Promise<ExportJobRow[]> {
    return db
      .select()
      .from(listExportJobs)
      .where(and(eq(listExportJobs.orgId, user.orgId), eq(listExportJobs.requestedBy, user.userId)))
      .orderBy(desc(listExportJobs.createdAt), desc(listExportJobs.id))
      .limit(limit);
  },

  async findOwnById(db: Executor, user: { orgId: string; userId: string }, id: string): Promise<ExportJobRow | null> {
    const rows = await db
      .select()
      .from(listExportJobs)
      .where(
        and(
          eq(listExportJobs.orgId, user.orgId),
          eq(listExportJobs.requestedBy, user.userId),
          eq(listExportJobs.id, id),
        ),
      );
    return rows[0] ?? null;
  },

  /**
   * Takes the oldest waiting or abandoned job for `leaseMs` (FOR UPDATE SKIP LOCKED: several
   * workers never take the same one); a crashed worker's job is taken again when its lease ends.
   */
  async claim(db: Executor, leaseMs: number): Promise<ExportJobRow | null> {
    const rows = await queryRows<{ org_id: string; id: string }>(
      db,
      sql`update list_export_jobs set locked_until = now() + make_interval(secs => ${leaseMs / 1000}),
                 attempts = attempts + 1
           where (org_id, id) = (
             select org_id, id from list_export_jobs
              where status in ('queued', 'running')
                and (locked_until is null or locked_until < now())
              order by created_at, id
              limit 1
              for update skip locked)
         returning org_id, id`,
    );
    const claimed = rows[0];
    if (!claimed) return null;
    const jobs = await db
      .select()
      .from(listExportJobs)
      .where(and(eq(listExportJobs.orgId, claimed.org_id), eq(listExportJobs.id, claimed.id)));
    return jobs[0] ?? null;
  },

  /** Progress or outcome; the lease is renewed with each progress write. */
  async update(
    db: Executor,
    job: { orgId: string; id: string },
    values: Partial<
      Pick<ExportJobRow, 'status' | 'rowsDone' | 'rowsTotal' | 'bytes' | 'finishedAt' | 'lockedUntil'>
    > & {
      leaseMs?: number;
    },
  ): Promise<void> {
    const { leaseMs, ...rest } = values;
    await db
      .update(listExportJobs)
      .set({
        ...rest,
        ...(leaseMs !== undefined ? { lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` } : {}),
      })
      .where(and(eq(listExportJobs.orgId, job.orgId), eq(listExportJobs.id, job.id)));
  },

  /** Jobs whose download time is over (their files are deleted with them). */
  async findExpired(
    db: Executor,
    now: Date,
    orgId: string | null,
    limit = 500,
  ): Promise<Pick<ExportJobRow, 'orgId' | 'id' | 'format'>[]> {
    return db
      .select({ orgId: listExportJobs.orgId, id: listExportJobs.id, format: listExportJobs.format })
      .from(listExportJobs)
      .where(and(lt(listExportJobs.expiresAt, now), orgId === null ? undefined : eq(listExportJobs.orgId, orgId)))
      .limit(limit);
  },

  async delete(db: Executor, job: { orgId: string; id: string }): Promise<void> {
    await db.delete(listExportJobs).where(and(eq(listExportJobs.orgId, job.orgId), eq(listExportJobs.id, job.id)));
  },
};
