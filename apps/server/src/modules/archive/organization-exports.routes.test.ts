import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationExport, OrganizationExportList } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';

let ctx: TestContext;
let dataDir: string;
let admin: Client;
let salesperson: Client;
let otherAdmin: Client;

/** Waits until no export of the admin's organization is running; answers the newest. */
async function finished(client: Client): Promise<OrganizationExport> {
  for (;;) {
    const list = (await client.get('/api/v1/organization-exports')).json<OrganizationExportList>();
    if (list.items.every((e) => e.state !== 'running')) return list.items[0]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-exports-'));
  ctx = await createTestContext({ dataDir });
  const org = await ctx.createOrg();
  admin = await ctx.login(await ctx.createUser({ orgId: org.orgId, roleIds: [org.roleIds.admin!] }));
  salesperson = await ctx.login(await ctx.createUser({ orgId: org.orgId, roleIds: [org.roleIds.salesperson!] }));
  const other = await ctx.createOrg();
  otherAdmin = await ctx.login(await ctx.createUser({ orgId: other.orgId, roleIds: [other.roleIds.admin!] }));
}, 60_000);
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('exporting all of the organization’s data from the admin screen', () => {
  it('an administrator starts an export, sees it finish and downloads a zip with a manifest; the start is audited', async () => {
    const started = await admin.post('/api/v1/organization-exports');
    expect(started.statusCode).toBe(202);
    const id = started.json<OrganizationExport>().id;
    const done = await finished(admin);
    expect(done).toMatchObject({ id, state: 'succeeded' });
    expect(done.rows).toBeGreaterThan(0);
    expect(done.tablesDone).toBe(done.tablesTotal);

    const download = await admin.get(`/api/v1/organization-exports/${id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toContain(done.fileName);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const file = path.join(dataDir, 'download.zip');
    writeFileSync(file, download.rawPayload);
    const zip = await yauzl.openPromise(file, { lazyEntries: true });
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(entry.fileName);
    zip.close();
    expect(names).toEqual(
      expect.arrayContaining(['README.md', 'manifest.json', 'tables/users.ndjson', 'tables/audit_log.ndjson']),
    );

    const audit = await queryRows<{ action: string; actor_id: string }>(
      ctx.database.db,
      sql`select action, actor_id from audit_log where org_id = ${admin.user.orgId} and entity = 'organization' and action = 'export'`,
    );
    expect(audit).toEqual([{ action: 'export', actor_id: admin.user.id }]);
  });

  it('a user without the organization-admin permission can neither start, list nor download exports', async () => {
    const [{ id }] = (await admin.get('/api/v1/organization-exports')).json<OrganizationExportList>().items as [
      OrganizationExport,
    ];
    expect((await salesperson.post('/api/v1/organization-exports')).statusCode).toBe(403);
    expect((await salesperson.get('/api/v1/organization-exports')).statusCode).toBe(403);
    expect((await salesperson.get(`/api/v1/organization-exports/${id}/file`)).statusCode).toBe(403);
  });

  it('another organization’s administrator sees none of its exports and cannot download them (404)', async () => {
    const [{ id }] = (await admin.get('/api/v1/organization-exports')).json<OrganizationExportList>().items as [
      OrganizationExport,
    ];
    expect((await otherAdmin.get('/api/v1/organization-exports')).json<OrganizationExportList>().items).toEqual([]);
    expect((await otherAdmin.get(`/api/v1/organization-exports/${id}/file`)).statusCode).toBe(404);
  });

  it('a second export while one runs is refused with 409 and a message', async () => {
    const first = await admin.post('/api/v1/organization-exports');
    const second = await admin.post('/api/v1/organization-exports');
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { message: string } }>().error.message).toBe(
      '本组织的数据导出正在进行中，请等待其完成。',
    );
    await finished(admin);
  });
});
