import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { ImportKindName, ImportMapping } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { importJobErrors, importJobs, importTemplates, users } from '../../platform/db/schema/index.js';

export type ImportJobRow = typeof importJobs.$inferSelect & { createdByName: string };
export type ImportJobInsert = typeof importJobs.$inferInsert;
export type ImportJobPatch = Partial<Omit<ImportJobInsert, 'orgId' | 'id'>>;
export type ImportErrorInsert = typeof importJobErrors.$inferInsert;
export type ImportErrorRow = typeof importJobErrors.$inferSelect;
export type ImportTemplateRow = typeof importTemplates.$inferSelect;

/** Statuses the worker picks up. */
export const WORKER_STATUSES = ['checking', 'queued', 'running'] as const;

const jobSelect = (executor: Executor) =>
  executor
    .select({ job: importJobs, createdByName: users.displayName })
    .from(importJobs)
    .innerJoin(users, and(eq(users.orgId, importJobs.orgId), eq(users.id, importJobs.createdBy)));

const flatten = (row: { job: typeof importJobs.$inferSelect; createdByName: string }): ImportJobRow => ({
  ...row.job,
  createdByName: row.createdByName,
});

/** Import jobs, their errors and the saved templates. Jobs are the creator's own; see the service. */
export const importsRepository = {
  async insertJob(db: Executor, row: ImportJobInsert): Promise<void> {
    await db.insert(importJobs).values(row);
  },

  async getJob(db: Executor, orgId: string, id: string): Promise<ImportJobRow | null> {
    const rows = await jobSelect(db).where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, id)));
    return rows[0] ? flatten(rows[0]) : null;
  },

  /** The job locked for the rest of the caller's transaction. */
  /**
   * Lets a batch's transaction commit return before its WAL is flushed: the batch's rows and the
   * job's resume point commit together, so a crash that loses the last batches loses them together
   * and the worker resumes before them — never a half state — while each of a large import's
   * hundreds of commits no longer waits for the disk.
   */
  async commitWithoutFlushWait(tx: Executor): Promise<void> {
    await tx.execute(sql`set local synchronous_commit = off`);
  },

  async lockJob(db: Executor, orgId: string, id: string): Promise<typeof importJobs.$inferSelect | null> {
    const rows = await db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, id)))
      .for('update');
    return rows[0] ?? null;
  },

  async findJobs(
    db: Executor,
    options: {
      orgId: string;
      createdBy: string | null;
      kinds: readonly ImportKindName[];
      beforeId: string | null;
      limit: number;
    },
  ): Promise<ImportJobRow[]> {
    if (options.kinds.length === 0) return [];
    const rows = await jobSelect(db)
      .where(
        and(
          eq(importJobs.orgId, options.orgId),
          inArray(importJobs.kind, [...options.kinds]),
          options.createdBy ? eq(importJobs.createdBy, options.createdBy) : undefined,
          options.beforeId ? lt(importJobs.id, options.beforeId) : undefined,
        ),
      )
      .orderBy(desc(importJobs.id))
      .limit(options.limit + 1);
    return rows.map(flatten);
  },

  async updateJob(db: Executor, orgId: string, id: string, patch: ImportJobPatch): Promise<void> {
    await db
      .update(importJobs)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, id)));
  },

  async deleteJob(db: Executor, orgId: string, id: string): Promise<void> {
    await db.delete(importJobErrors).where(and(eq(importJobErrors.orgId, orgId), eq(importJobErrors.importId, id)));
    await db.delete(importJobs).where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, id)));
  },

  /**
   * System worker (every organization): leases the oldest job waiting for the worker whose lease is
   * free or expired, skipping rows another worker holds.
   */
  async claimJob(db: Executor, leaseMs: number): Promise<typeof importJobs.$inferSelect | null> {
    const rows = await queryRows<{ org_id: string; id: string }>(
      db,
      sql`update import_jobs set locked_until = now() + make_interval(secs => ${leaseMs / 1000}),
                 attempts = attempts + 1, updated_at = now()
           where (org_id, id) = (
             select org_id, id from import_jobs
              where status in ('checking', 'queued', 'running')
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
      .from(importJobs)
      .where(and(eq(importJobs.orgId, claimed.org_id), eq(importJobs.id, claimed.id)));
    return jobs[0] ?? null;
  },

  async insertErrors(db: Executor, rows: readonly ImportErrorInsert[]): Promise<void> {
    if (rows.length > 0) await db.insert(importJobErrors).values([...rows]);
  },

  async deleteErrors(db: Executor, orgId: string, importId: string, phase: 'check' | 'run'): Promise<void> {
    await db
      .delete(importJobErrors)
      .where(
        and(eq(importJobErrors.orgId, orgId), eq(importJobErrors.importId, importId), eq(importJobErrors.phase, phase)),
      );
  },

  /** Errors in file order, after a (row number, id) position. */
  async findErrors(
    db: Executor,
    options: {
      orgId: string;
      importId: string;
      phase: 'check' | 'run';
      after: { row: number; id: string } | null;
      limit: number;
    },
  ): Promise<ImportErrorRow[]> {
    const after = options.after;
    return db
      .select()
      .from(importJobErrors)
      .where(
        and(
          eq(importJobErrors.orgId, options.orgId),
          eq(importJobErrors.importId, options.importId),
          eq(importJobErrors.phase, options.phase),
          after
            ? or(
                gt(importJobErrors.rowNumber, after.row),
                and(eq(importJobErrors.rowNumber, after.row), gt(importJobErrors.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(importJobErrors.rowNumber), asc(importJobErrors.id))
      .limit(options.limit);
  },

  async findTemplates(db: Executor, orgId: string, kinds: readonly string[]): Promise<ImportTemplateRow[]> {
    if (kinds.length === 0) return [];
    return db
      .select()
      .from(importTemplates)
      .where(and(eq(importTemplates.orgId, orgId), inArray(importTemplates.kind, [...kinds])))
      .orderBy(asc(importTemplates.kind), asc(importTemplates.name));
  },

  async getTemplate(db: Executor, orgId: string, id: string): Promise<ImportTemplateRow | null> {
    const rows = await db
      .select()
      .from(importTemplates)
      .where(and(eq(importTemplates.orgId, orgId), eq(importTemplates.id, id)));
    return rows[0] ?? null;
  },

  /** Saves a template; one of the same kind and name is replaced. */
  async upsertTemplate(
    db: Executor,
    row: {
      orgId: string;
      id: string;
      kind: string;
      name: string;
      headers: string[];
      mapping: ImportMapping;
      createdBy: string;
    },
  ): Promise<ImportTemplateRow> {
    const rows = await db
      .insert(importTemplates)
      .values(row)
      .onConflictDoUpdate({
        target: [importTemplates.orgId, importTemplates.kind, importTemplates.name],
        set: { headers: row.headers, mapping: row.mapping, updatedAt: sql`now()` },
      })
      .returning();
    return rows[0]!;
  },

  async deleteTemplate(db: Executor, orgId: string, id: string): Promise<void> {
    await db.delete(importTemplates).where(and(eq(importTemplates.orgId, orgId), eq(importTemplates.id, id)));
  },
};
