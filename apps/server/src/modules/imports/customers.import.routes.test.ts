import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
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
  dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-imports-'));
  ctx = await createTestContext({ dataDir });
  p = await createPersonas(ctx, { customersEach: 0 });
});
afterAll(() => ctx.close());

const worker = () => createImportWorker({ db: ctx.database.db, events: testEventBus(), dataDir, batchSize: 3 });

/** Starts a phase and lets the worker finish it; answers the job as the client then sees it. */
async function finish(client: Client, jobId: string, phase: 'check' | 'run'): Promise<ImportJob> {
  const started = await client.post(`/api/v1/imports/${jobId}/${phase}`, {});
  expect(started.statusCode, started.body).toBe(200);
  await worker().drain();
  return (await client.get(`/api/v1/imports/${jobId}`)).json() as ImportJob;
}

const customersNamed = (pattern: string) =>
  queryRows<{
    name: string;
    phone: string | null;
    source: string | null;
    owner_id: string;
    external_id: string | null;
    search_tokens: string;
  }>(
    ctx.database.db,
    sql`select name, phone, source, owner_id, external_id, search_tokens::text from customers
         where org_id = ${p.orgId} and name like ${pattern} and deleted_at is null order by name`,
  );

const HEADER = ['客户名称', '电话', '邮箱', '来源', '客户编号', '负责人'];

describe('importing customers', () => {
  it('imports a UTF-8 CSV: detects columns, checks, runs, and a second run changes nothing', async () => {
    const csv = csvOf([
      HEADER,
      ['甲一贸易有限公司', '021-6666 1001', 'a1@example.cn', '展会', 'C-001', ''],
      ['甲二科技有限公司', '13800138001', '', '转介绍', 'C-002', ''],
      ['甲三实业有限公司', '', '', '', 'C-003', ''],
      ['甲四电子有限公司', '0755-8888 1234', '', '官网', 'C-004', ''],
    ]);
    const file = { name: '客户.csv', bytes: Buffer.from(csv) };
    const uploaded = (await uploadImport(p.clients.clerk, 'customers', file)).json() as ImportJob;
    expect(uploaded.source).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headerRow: 1 });
    expect(uploaded.progress.total).toBe(4);
    expect(uploaded.mapping.columns).toMatchObject({
      name: 0,
      phone: 1,
      email: 2,
      source: 3,
      externalId: 4,
      ownerId: 5,
    });

    const job = await uploadAndMap(p.clients.clerk, 'customers', file);
    const checked = await finish(p.clients.clerk, job.id, 'check');
    expect(checked.status).toBe('checked');
    expect(checked.checkSummary).toMatchObject({ created: 4, updated: 0, duplicates: 0, errors: 0 });
    expect(await customersNamed('甲%')).toHaveLength(0);

    const done = await finish(p.clients.clerk, job.id, 'run');
    expect(done.status).toBe('completed');
    expect(done.runSummary).toMatchObject({ created: 4, errors: 0 });
    const rows = await customersNamed('甲%');
    expect(rows.map((row) => row.name)).toEqual([
      '甲一贸易有限公司',
      '甲三实业有限公司',
      '甲二科技有限公司',
      '甲四电子有限公司',
    ]);
    expect(rows.find((row) => row.external_id === 'C-001')).toMatchObject({
      source: 'trade_fair',
      owner_id: p.users.clerk.id,
    });
    expect(rows.find((row) => row.external_id === 'C-004')?.source).toBe('online_inquiry');
    expect(rows[0]!.search_tokens).toContain('贸易');

    // The customers are searchable and carry a lifecycle history like ones made by hand.
    const found = (await p.clients.clerk.get(`/api/v1/customers?q=${encodeURIComponent('甲一')}`)).json();
    expect(found.items.map((c: { name: string }) => c.name)).toContain('甲一贸易有限公司');
    const [transitions] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from stage_transitions t join customers c on c.org_id = t.org_id and c.id = t.customer_id
           where c.org_id = ${p.orgId} and c.name like '甲%'`,
    );
    expect(transitions!.n).toBe(4);
    const [audit] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where entity = 'import_job' and entity_id = ${job.id} and action = 'import'`,
    );
    expect(audit!.n).toBeGreaterThan(0);

    // The same file again, with updates allowed: everything is found, nothing created or changed.
    const again = await uploadAndMap(p.clients.clerk, 'customers', file, { duplicatePolicy: 'update' });
    const rerun = await finish(p.clients.clerk, again.id, 'run');
    expect(rerun.runSummary).toMatchObject({ created: 0, updated: 0, unchanged: 4, errors: 0 });
    expect(await customersNamed('甲%')).toHaveLength(4);
  });

  it('imports the same rows from XLSX, with Excel dates and a title row above the header', async () => {
    const bytes = await xlsxOf([
      ['客户导出 2024-03-01'],
      [],
      ['Customer Name', 'Phone', 'Type', 'Birthday', 'External ID'],
      ['乙一', '13900139001', '个人', new Date(Date.UTC(1990, 4, 17)), 'X-1'],
      ['乙二', '13900139002', '个人', 33000, 'X-2'],
    ]);
    const job = await uploadAndMap(p.clients.clerk, 'customers', { name: 'customers.xlsx', bytes });
    expect(job.source).toMatchObject({ format: 'xlsx', headerRow: 3, sheet: 'Sheet1' });
    expect(job.mapping.columns).toMatchObject({ name: 0, phone: 1, kind: 2, birthday: 3, externalId: 4 });
    const done = await finish(p.clients.clerk, job.id, 'run');
    expect(done.runSummary).toMatchObject({ created: 2, errors: 0 });
    const rows = await queryRows<{ name: string; kind: string; birthday: string }>(
      ctx.database.db,
      sql`select name, kind, birthday::text from customers where org_id = ${p.orgId} and name like '乙%' order by name`,
    );
    expect(rows).toEqual([
      { name: '乙一', kind: 'person', birthday: '1990-05-17' },
      { name: '乙二', kind: 'person', birthday: '1990-05-07' },
    ]);
  });

  it('offers every distinct value of a column for its value map, not only the first rows', async () => {
    const sources = ['官网', '展会', '朋友介绍', '官网', '广告', '电话营销', '老客户', '地推'];
    const rows = [HEADER, ...sources.map((source, i) => [`丁${i}商行`, '', '', source, '', ''])];
    const uploaded = (
      await uploadImport(p.clients.clerk, 'customers', { name: '来源.csv', bytes: Buffer.from(csvOf(rows)) })
    ).json() as ImportJob;
    const column = uploaded.columns.find((candidate) => candidate.header === '来源')!;
    expect(column.samples).toHaveLength(5);
    // The last source of the file is in the list a value map is made from.
    expect(column.values).toEqual(['官网', '展会', '朋友介绍', '广告', '电话营销', '老客户', '地推']);
  });

  it('reads GBK and UTF-16 files', async () => {
    const rows = [HEADER, ['丙一贸易有限公司', '010-8888 0001', '', '展会', '', ''], ['丙二商行', '', '', '', '', '']];
    for (const [encoding, name] of [
      ['gbk', '丙-gbk.csv'],
      ['utf-16le', '丙-utf16.csv'],
    ] as const) {
      const text = encoding === 'utf-16le' ? csvOf(rows, '\t') : csvOf(rows);
      const uploaded = (
        await uploadImport(p.clients.clerk, 'customers', { name, bytes: encode(text, encoding) })
      ).json() as ImportJob;
      expect(uploaded.source.encoding).toBe(encoding === 'gbk' ? 'gb18030' : 'utf-16le');
      expect(uploaded.columns[0]).toMatchObject({ header: '客户名称', samples: ['丙一贸易有限公司', '丙二商行'] });
    }
    const job = await uploadAndMap(p.clients.clerk, 'customers', {
      name: 'gbk.csv',
      bytes: encode(csvOf(rows), 'gbk'),
    });
    expect((await finish(p.clients.clerk, job.id, 'run')).runSummary).toMatchObject({ created: 2 });
    expect((await customersNamed('丙%')).map((row) => row.name)).toEqual(['丙一贸易有限公司', '丙二商行']);
  });

  it('finds one customer for three spellings of one phone number', async () => {
    const file = {
      name: 'phones.csv',
      bytes: Buffer.from(
        csvOf([
          ['客户名称', '电话'],
          ['丁一有限公司', '+86 21 6666 8888'],
          ['丁一有限公司（上海）', '021-6666 8888'],
          ['丁一上海分公司', '0086-21-66668888'],
        ]),
      ),
    };
    const job = await uploadAndMap(p.clients.clerk, 'customers', file);
    const done = await finish(p.clients.clerk, job.id, 'run');
    expect(done.runSummary).toMatchObject({ created: 1, duplicates: 2, errors: 0 });
    expect(await customersNamed('丁一%')).toHaveLength(1);
  });

  it('reports a bad row with its reason and writes the good ones whole', async () => {
    const file = {
      name: 'bad.csv',
      bytes: Buffer.from(
        csvOf([
          ['客户名称', '电话', '统一社会信用代码', '来源'],
          ['戊一有限公司', '12345', '', ''],
          ['戊二有限公司', '', '91310000MA1FL1234X', ''],
          ['戊三有限公司', '', '', '路边'],
          ['', '13800138999', '', ''],
          ['戊四有限公司', '13800138998', '', '展会'],
        ]),
      ),
    };
    const job = await uploadAndMap(p.clients.clerk, 'customers', file);
    const checked = await finish(p.clients.clerk, job.id, 'check');
    expect(checked.checkSummary).toMatchObject({ created: 1, errors: 4 });
    const errors = (await p.clients.clerk.get(`/api/v1/imports/${job.id}/errors?phase=check`)).json();
    expect(errors.items.map((e: { rowNumber: number; field: string }) => [e.rowNumber, e.field])).toEqual([
      [2, 'phone'],
      [3, 'creditCode'],
      [4, 'source'],
      [5, 'name'],
    ]);
    expect(errors.items[0].message).toContain('电话');
    expect(errors.items[0].values).toEqual(['戊一有限公司', '12345', '', '']);
    expect(errors.items[2].message).toContain('路边');

    const done = await finish(p.clients.clerk, job.id, 'run');
    expect(done.runSummary).toMatchObject({ created: 1, errors: 4 });
    expect((await customersNamed('戊%')).map((row) => row.name)).toEqual(['戊四有限公司']);

    const report = await p.clients.clerk.get(`/api/v1/imports/${job.id}/error-report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '行号',
      '字段',
      '原因',
      '客户名称',
      '电话',
      '统一社会信用代码',
      '来源',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe(2);
  });

  it('needs customers.import: a salesperson may not import, and sees no kinds', async () => {
    const file = { name: 'x.csv', bytes: Buffer.from(csvOf([['客户名称'], ['己一']])) };
    expect((await uploadImport(p.clients.r1, 'customers', file)).statusCode).toBe(403);
    expect((await p.clients.r1.get('/api/v1/imports/kinds')).json().items).toEqual([]);
    const listed = (await p.clients.clerk.get('/api/v1/imports/kinds')).json();
    // The wizard's hint names the server's upload limit (UPLOAD_MAX_MB, 50 by default).
    expect(listed.maxUploadBytes).toBe(50 * 1024 * 1024);
    const kinds = listed.items;
    expect(kinds.map((k: { kind: string }) => k.kind)).toContain('customers');
    // Another user's job is not visible to a clerk-level colleague without the whole-organization scope.
    const job = await uploadAndMap(p.clients.clerk, 'customers', file);
    expect((await p.clients.r1.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
  });

  it("maps a file's sources onto the organization's dictionary: an added source by its name, a deactivated one no more", async () => {
    const added = await p.clients.admin.post('/api/v1/dictionaries/source/entries', {
      nameZh: '抖音',
      nameEn: 'Douyin',
    });
    expect(added.statusCode, added.body).toBe(201);
    const walkIn = (await p.clients.admin.get('/api/v1/dictionaries'))
      .json()
      .items.find((e: { kind: string; code: string }) => e.kind === 'source' && e.code === 'walk_in');
    await p.clients.admin.patch('/api/v1/dictionaries/source/entries/walk_in', {
      active: false,
      version: walkIn.version,
    });
    const kinds = (await p.clients.clerk.get('/api/v1/imports/kinds')).json().items;
    const sourceField = kinds
      .find((k: { kind: string }) => k.kind === 'customers')
      .fields.find((f: { key: string }) => f.key === 'source');
    expect(sourceField.options).toContainEqual({ value: 'douyin', label: '抖音' });
    expect(sourceField.options.map((o: { value: string }) => o.value)).not.toContain('walk_in');

    const csv = csvOf([
      ['客户名称', '来源', '行业'],
      ['字典甲有限公司', '抖音', '制造业'],
      ['字典乙有限公司', 'Douyin', '信息技术'],
      ['字典丙有限公司', '上门', ''],
    ]);
    const job = await uploadAndMap(p.clients.clerk, 'customers', { name: '字典.csv', bytes: Buffer.from(csv) });
    const done = await finish(p.clients.clerk, job.id, 'run');
    expect(done.runSummary).toMatchObject({ created: 2, errors: 1 });
    expect((await customersNamed('字典%')).map((c) => [c.name, c.source])).toEqual([
      ['字典乙有限公司', 'douyin'],
      ['字典甲有限公司', 'douyin'],
    ]);
    await p.clients.admin.patch('/api/v1/dictionaries/source/entries/walk_in', {
      active: true,
      version: walkIn.version + 1,
    });
  });
});
