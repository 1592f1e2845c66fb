import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ListExportJob } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';
import type { Client } from '../../test/test-app.js';
import { deleteExpiredExports, exportJobFile } from './index.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-export-jobs-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
// Four rows stream at once; a longer list becomes a background job.
const { ctx, p } = usePersonas({ config: { dataDir, exportInlineMaxRows: 4, exportRateLimitPerMinute: 0 } });

async function finished(client: Client, id: string): Promise<ListExportJob> {
  for (let i = 0; i < 200; i++) {
    const job = (await client.get(`/api/v1/export-jobs/${id}`)).json() as ListExportJob;
    if (job.state === 'completed' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the export job did not finish');
}

describe('large list exports as background jobs', () => {
  it("a list past the inline limit answers 202 with a job whose file holds exactly the reader's rows", async () => {
    const manager = p.clients.eastManager;
    const answer = await manager.get('/api/v1/customers/export?format=csv&sort=name');
    expect(answer.statusCode).toBe(202);
    const queued = answer.json() as ListExportJob;
    // East manager's scope: their own customers and their two salespeople's, three each.
    expect(queued).toMatchObject({ state: 'queued', format: 'csv', rowsTotal: 9, downloadUrl: null });
    expect(queued.fileName).toMatch(/^客户-\d{8}-\d{4}\.csv$/);

    const done = await finished(manager, queued.id);
    expect(done).toMatchObject({ state: 'completed', rowsDone: 9, rowsTotal: 9 });
    expect(done.downloadUrl).toBe(`/api/v1/export-jobs/${queued.id}/file`);
    expect((await manager.get('/api/v1/export-jobs')).json().items[0]).toMatchObject({ id: queued.id });

    const file = await manager.get(done.downloadUrl!);
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(file.headers['content-disposition']!.split("''")[1]!)).toBe(done.fileName);
    const list = (await manager.get('/api/v1/customers?limit=200&sort=name')).json().items as { name: string }[];
    expect(columnOf(csvRows(file), '客户名称')).toEqual(list.map((c) => c.name));
    expect(list).toHaveLength(9);

    // The request and the download are audited.
    const audit = (await p.clients.admin.get('/api/v1/audit-log?limit=200')).json().items as {
      action: string;
      actorId: string;
      entityId: string;
      after: Record<string, unknown>;
    }[];
    const mine = audit.filter((entry) => entry.actorId === p.users.eastManager.id);
    expect(mine.find((entry) => entry.action === 'export')).toMatchObject({ after: { job: queued.id, rows: 9 } });
    expect(mine.find((entry) => entry.action === 'download')).toMatchObject({ entityId: queued.id });
  });

  it("another user gets 404 for someone's export job and its file, even an administrator", async () => {
    const manager = p.clients.eastManager;
    const queued = (await manager.get('/api/v1/customers/export?format=xlsx')).json() as ListExportJob;
    const done = await finished(manager, queued.id);
    expect(columnOf(await xlsxRows(await manager.get(done.downloadUrl!)), '客户名称')).toHaveLength(9);
    for (const other of [p.clients.r1, p.clients.admin]) {
      expect((await other.get(done.downloadUrl!)).statusCode).toBe(404);
      expect((await other.get(`/api/v1/export-jobs/${queued.id}`)).statusCode).toBe(404);
      const theirs = (await other.get('/api/v1/export-jobs')).json().items as ListExportJob[];
      expect(theirs.map((job) => job.id)).not.toContain(queued.id);
    }
  });

  it('a list within the limit still streams at once, with the filters applied', async () => {
    const response = await p.clients.eastManager.get(`/api/v1/customers/export?format=csv&ownerId=${p.users.r2.id}`);
    expect(response.statusCode).toBe(200);
    expect(columnOf(csvRows(response), '客户名称')).toHaveLength(3);
  });

  it('a job whose worker died (its lease ran out) is taken over and written again from the start', async () => {
    const manager = p.clients.eastManager;
    const queued = (await manager.get('/api/v1/customers/export?format=csv')).json() as ListExportJob;
    await finished(manager, queued.id);
    const file = exportJobFile(dataDir, { orgId: p.orgId, id: queued.id, format: 'csv' });
    // As a server killed half-way leaves it: running, some rows done, no file, the lease over.
    rmSync(file);
    await ctx.database.db.execute(
      sql`update list_export_jobs set status = 'running', rows_done = 4, finished_at = null,
                 locked_until = now() - interval '1 second' where id = ${queued.id}`,
    );
    expect((await manager.get(`/api/v1/export-jobs/${queued.id}`)).json()).toMatchObject({ state: 'running' });
    const done = await finished(manager, queued.id);
    expect(done).toMatchObject({ state: 'completed', rowsDone: 9 });
    expect(columnOf(csvRows(await manager.get(done.downloadUrl!)), '客户名称')).toHaveLength(9);
  });

  it('an expired export is deleted with its file by the clean-up, and its link answers 404', async () => {
    const manager = p.clients.eastManager;
    const queued = (await manager.get('/api/v1/customers/export?format=csv')).json() as ListExportJob;
    const done = await finished(manager, queued.id);
    const orgId = p.orgId;
    const file = exportJobFile(dataDir, { orgId, id: queued.id, format: 'csv' });
    expect(existsSync(file)).toBe(true);
    const later = new Date(Date.parse(done.expiresAt) + 1000);
    expect(await deleteExpiredExports(ctx.database.db, dataDir, later, orgId)).toBeGreaterThanOrEqual(1);
    expect(existsSync(file)).toBe(false);
    expect((await manager.get(done.downloadUrl!)).statusCode).toBe(404);
  });
});
