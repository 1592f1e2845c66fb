import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';
import { createImportWorker } from './import-worker.js';
import { csvOf, encode, uploadAndMap, uploadImport, xlsxOf, testEventBus } from './imports.fixtures.js';

let ctx: TestContext;
let p: Personas;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-imports-cl-'));
  ctx = await createTestContext({ dataDir });
  p = await createPersonas(ctx, { customersEach: 0 });
});
afterAll(() => ctx.close());

async function finish(client: Client, jobId: string, phase: 'check' | 'run'): Promise<ImportJob> {
  const started = await client.post(`/api/v1/imports/${jobId}/${phase}`, {});
  expect(started.statusCode, started.body).toBe(200);
  await createImportWorker({ db: ctx.database.db, events: testEventBus(), dataDir, batchSize: 2 }).drain();
  return (await client.get(`/api/v1/imports/${jobId}`)).json() as ImportJob;
}

const contactsOf = (customerName: string) =>
  queryRows<{ name: string; mobile: string | null; title: string | null; external_id: string | null }>(
    ctx.database.db,
    sql`select ct.name, ct.mobile, ct.title, ct.external_id from contacts ct
          join customers c on c.org_id = ct.org_id and c.id = ct.customer_id
         where c.org_id = ${p.orgId} and c.name = ${customerName} and ct.deleted_at is null order by ct.name`,
  );

const leadsNamed = (pattern: string) =>
  queryRows<{ name: string; company_name: string | null; source: string | null; owner_id: string; status: string }>(
    ctx.database.db,
    sql`select name, company_name, source, owner_id, status from leads
         where org_id = ${p.orgId} and name like ${pattern} and deleted_at is null order by name`,
  );

describe('importing contacts', () => {
  it('attaches contacts from CSV and XLSX to existing customers; a second import changes nothing', async () => {
    for (const name of ['联系甲有限公司', '联系乙有限公司']) {
      const created = await p.clients.clerk.post('/api/v1/customers', { kind: 'company', name });
      expect(created.statusCode, created.body).toBe(201);
    }
    const csv = {
      name: '联系人.csv',
      bytes: encode(
        csvOf([
          ['客户名称', '联系人', '手机', '职务', '联系人编号'],
          ['联系甲有限公司', '张伟', '13700137001', '采购经理', 'P-1'],
          ['联系甲有限公司', '李娜', '137 0013 7002', '总经理', 'P-2'],
          ['不存在的公司', '王强', '13700137003', '', 'P-3'],
          ['联系乙有限公司', '赵敏', '021-6666 0000', '', 'P-4'],
        ]),
        'gbk',
      ),
    };
    const job = await uploadAndMap(p.clients.clerk, 'contacts', csv);
    expect(job.mapping.columns).toMatchObject({ customerName: 0, name: 1, mobile: 2, title: 3, externalId: 4 });
    const done = await finish(p.clients.clerk, job.id, 'run');
    expect(done.runSummary).toMatchObject({ created: 2, errors: 2 });
    const errors = (await p.clients.clerk.get(`/api/v1/imports/${job.id}/errors`)).json();
    expect(errors.items.map((e: { rowNumber: number; field: string }) => [e.rowNumber, e.field])).toEqual([
      [4, 'customerName'],
      [5, 'mobile'],
    ]);
    expect(await contactsOf('联系甲有限公司')).toEqual([
      { name: '张伟', mobile: '13700137001', title: '采购经理', external_id: 'P-1' },
      { name: '李娜', mobile: '137 0013 7002', title: '总经理', external_id: 'P-2' },
    ]);

    const xlsx = {
      name: 'contacts.xlsx',
      bytes: await xlsxOf([
        ['Company', 'Contact Name', 'Mobile', 'Title', 'Contact ID'],
        ['联系甲有限公司', '张伟', '13700137001', '采购总监', 'P-1'],
        ['联系乙有限公司', '周杰', '13700137005', '', 'P-5'],
      ]),
    };
    const updating = await uploadAndMap(p.clients.clerk, 'contacts', xlsx, { duplicatePolicy: 'update' });
    expect(updating.mapping.columns).toMatchObject({ customerName: 0, name: 1, mobile: 2, title: 3, externalId: 4 });
    expect((await finish(p.clients.clerk, updating.id, 'run')).runSummary).toMatchObject({ created: 1, updated: 1 });
    expect((await contactsOf('联系甲有限公司'))[0]!.title).toBe('采购总监');
    expect((await contactsOf('联系乙有限公司')).map((c) => c.name)).toEqual(['周杰']);

    const again = await uploadAndMap(p.clients.clerk, 'contacts', xlsx, { duplicatePolicy: 'update' });
    expect((await finish(p.clients.clerk, again.id, 'run')).runSummary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });
});

describe('primary contacts on import', () => {
  const primaryOf = async (customerName: string) =>
    (
      await queryRows<{ name: string }>(
        ctx.database.db,
        sql`select ct.name from contacts ct join customers c on c.org_id = ct.org_id and c.id = ct.customer_id
             where c.org_id = ${p.orgId} and c.name = ${customerName} and ct.is_primary and ct.deleted_at is null`,
      )
    ).map((row) => row.name);

  it('gives each customer exactly one primary: the first new contact, or the one the file marks', async () => {
    for (const name of ['主联甲有限公司', '主联乙有限公司']) {
      const created = await p.clients.clerk.post('/api/v1/customers', { kind: 'company', name });
      expect(created.statusCode, created.body).toBe(201);
    }
    const first = await uploadAndMap(p.clients.clerk, 'contacts', {
      name: 'primary.csv',
      bytes: Buffer.from(
        csvOf([
          ['客户名称', '联系人', '主联系人'],
          ['主联甲有限公司', '钱一', '否'],
          ['主联甲有限公司', '钱二', ''],
          ['主联乙有限公司', '孙一', ''],
          ['主联乙有限公司', '孙二', '是'],
        ]),
      ),
    });
    expect(first.mapping.columns).toMatchObject({ customerName: 0, name: 1, isPrimary: 2 });
    expect((await finish(p.clients.clerk, first.id, 'run')).runSummary).toMatchObject({ created: 4, errors: 0 });
    expect(await primaryOf('主联甲有限公司')).toEqual(['钱一']);
    expect(await primaryOf('主联乙有限公司')).toEqual(['孙二']);

    // A later file marks an existing contact primary: the old primary gives way, both audited.
    const second = await uploadAndMap(
      p.clients.clerk,
      'contacts',
      {
        name: 'primary2.csv',
        bytes: Buffer.from(
          csvOf([
            ['客户名称', '联系人', '主联系人'],
            ['主联甲有限公司', '钱二', '是'],
          ]),
        ),
      },
      { duplicatePolicy: 'update' },
    );
    expect((await finish(p.clients.clerk, second.id, 'run')).runSummary).toMatchObject({ updated: 1 });
    expect(await primaryOf('主联甲有限公司')).toEqual(['钱二']);
    const audits = await queryRows<{ after: { isPrimary: boolean } }>(
      ctx.database.db,
      sql`select a.after from audit_log a join contacts ct on ct.org_id = a.org_id and ct.id::text = a.entity_id
           where a.org_id = ${p.orgId} and a.entity = 'contact' and ct.name in ('钱一', '钱二')
             and a.after ->> 'isPrimary' is not null order by a.at, a.id`,
    );
    expect(audits.map((row) => row.after.isPrimary).sort()).toEqual([false, true]);
  });
});

describe('importing leads', () => {
  it('imports leads from CSV with owners by column and sources by value map, then from XLSX; re-import skips', async () => {
    const file = {
      name: 'leads.csv',
      bytes: Buffer.from(
        csvOf([
          ['姓名', '公司名称', '手机', '来源', '负责人'],
          ['线索一', '线索甲公司', '13600136001', '春季展', p.users.r1.username],
          ['线索二', '线索乙公司', '13600136002', '百度', p.users.r2.username],
          ['线索三', '线索丙公司', '+86 136 0013 6001', '展会', ''],
          ['线索四', '', '', '', 'nobody'],
        ]),
      ),
    };
    const uploaded = (await uploadImport(p.clients.head, 'leads', file)).json() as ImportJob;
    const mapped = await p.clients.head.put(`/api/v1/imports/${uploaded.id}/mapping`, {
      ...uploaded.mapping,
      owner: { mode: 'column' },
      valueMaps: { source: { 春季展: 'trade_fair' } },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const checked = await finish(p.clients.head, uploaded.id, 'check');
    expect(checked.checkSummary).toMatchObject({ created: 2, duplicates: 1, errors: 1 });
    expect(checked.checkSummary!.reasons[0]!.message).toContain('nobody');
    const done = await finish(p.clients.head, uploaded.id, 'run');
    expect(done.runSummary).toMatchObject({ created: 2, duplicates: 1, errors: 1 });
    expect(await leadsNamed('线索%')).toEqual([
      { name: '线索一', company_name: '线索甲公司', source: 'trade_fair', owner_id: p.users.r1.id, status: 'assigned' },
      {
        name: '线索二',
        company_name: '线索乙公司',
        source: 'search_engine',
        owner_id: p.users.r2.id,
        status: 'assigned',
      },
    ]);

    const xlsx = await xlsxOf([
      ['Name', 'Company', 'Mobile', 'Lead Source'],
      ['线索一', '线索甲公司', '13600136001', 'Trade fair'],
      ['线索五', '线索戊公司', '13600136005', 'Referral'],
    ]);
    const second = await uploadAndMap(p.clients.head, 'leads', { name: 'leads.xlsx', bytes: xlsx });
    expect((await finish(p.clients.head, second.id, 'run')).runSummary).toMatchObject({ created: 1, duplicates: 1 });
    expect((await leadsNamed('线索五'))[0]).toMatchObject({ source: 'referral', owner_id: p.users.head.id });
  });

  it('a salesperson may not import leads; a clerk may deal them round-robin to colleagues', async () => {
    const file = { name: 'l.csv', bytes: Buffer.from(csvOf([['姓名'], ['线索六']])) };
    expect((await uploadImport(p.clients.r1, 'leads', file)).statusCode).toBe(403);
    const job = (await uploadImport(p.clients.clerk, 'leads', file)).json() as ImportJob;
    // A clerk has leads.assign; giving the leads to a colleague is allowed.
    const saved = await p.clients.clerk.put(`/api/v1/imports/${job.id}/mapping`, {
      ...job.mapping,
      owner: { mode: 'round_robin', userIds: [p.users.r1.id, p.users.r2.id] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
});
