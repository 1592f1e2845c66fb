import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob, ImportRowError } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';
import { createImportWorker } from './import-worker.js';
import { csvOf, testEventBus, uploadAndMap } from './imports.fixtures.js';

let ctx: TestContext;
let p: Personas;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-imports-similar-'));
  ctx = await createTestContext({ dataDir });
  p = await createPersonas(ctx, { customersEach: 0 });
  const create = async (client: Client, name: string, phone: string) => {
    const response = await client.post('/api/v1/customers', { kind: 'company', name, phone });
    expect(response.statusCode, response.body).toBe(201);
  };
  // R1's customer is in the head of sales' scope; the administrator's is not.
  await create(p.clients.r1, '上海明达贸易有限公司', '13911110001');
  await create(p.clients.admin, '广州远洋物流有限公司', '13911110002');
  await create(p.clients.r1, '深圳星河电子有限公司', '13911110003');
});
afterAll(() => ctx.close());

/** Batches of three rows: the file's earlier rows are matched across batches too. */
const worker = () => createImportWorker({ db: ctx.database.db, events: testEventBus(), dataDir, batchSize: 3 });

async function finish(client: Client, jobId: string, phase: 'check' | 'run'): Promise<ImportJob> {
  const started = await client.post(`/api/v1/imports/${jobId}/${phase}`, {});
  expect(started.statusCode, started.body).toBe(200);
  await worker().drain();
  return (await client.get(`/api/v1/imports/${jobId}`)).json() as ImportJob;
}

const rowsOf = async (client: Client, jobId: string, phase: 'check' | 'run') =>
  ((await client.get(`/api/v1/imports/${jobId}/errors?phase=${phase}`)).json() as { items: ImportRowError[] }).items;

const FILE = {
  name: '客户.csv',
  bytes: Buffer.from(
    csvOf([
      ['客户名称', '电话'],
      ['明达贸易（上海）有限公司', ''],
      ['远洋物流（广州）有限公司', ''],
      ['杭州新星光电有限公司', ''],
      ['新星光电（杭州）有限公司', ''],
      ['成都蓝天餐饮有限公司', ''],
      ['星河电子', '139 1111 0003'],
    ]),
  ),
};

describe('similar names in a customer import (duplicate rules, domain §4)', () => {
  it('the check warns about names similar to stored customers and earlier rows; the run imports those rows', async () => {
    const job = await uploadAndMap(p.clients.head, 'customers', FILE, { duplicatePolicy: 'skip' });
    const checked = await finish(p.clients.head, job.id, 'check');
    expect(checked.checkSummary).toMatchObject({ created: 5, duplicates: 1, errors: 0, similarNames: 3 });
    // Warnings are not problems: nothing is listed among the reasons rows are refused.
    expect(checked.checkSummary!.reasons).toEqual([]);

    const warnings = await rowsOf(p.clients.head, job.id, 'check');
    expect(warnings.map((w) => [w.rowNumber, w.severity, w.field, w.code])).toEqual([
      [2, 'warning', 'name', 'imports.customers.warning.similarName'],
      [3, 'warning', 'name', 'imports.customers.warning.similarHidden'],
      [5, 'warning', 'name', 'imports.customers.warning.similarInFile'],
    ]);
    expect(warnings[0]!.message).toBe('客户名称与已有客户“上海明达贸易有限公司”相似');
    // The administrator's customer is outside the head of sales' scope: its name is not revealed.
    expect(warnings[1]!.message).toBe('客户名称与一个已有客户相似');
    expect(warnings[2]!.message).toBe('客户名称与本文件第 4 行的“杭州新星光电有限公司”相似');
    expect(warnings[0]!.values).toEqual(['明达贸易（上海）有限公司', '']);

    const report = await p.clients.head.get(`/api/v1/imports/${job.id}/error-report?phase=check`);
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      2,
      '客户名称',
      '提醒（该行照常导入）：客户名称与已有客户“上海明达贸易有限公司”相似',
      '明达贸易（上海）有限公司',
    ]);
    expect(String(sheet.getRow(3).getCell(3).value)).not.toContain('广州');

    await p.clients.head.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await rowsOf(p.clients.head, job.id, 'check');
    expect(english.map((w) => w.message)).toEqual([
      'Customer name is similar to existing customer “上海明达贸易有限公司”',
      'Customer name is similar to an existing customer',
      'Customer name is similar to “杭州新星光电有限公司” in row 4 of this file',
    ]);
    await p.clients.head.patch('/api/v1/auth/me', { locale: 'zh-CN' });

    const done = await finish(p.clients.head, job.id, 'run');
    expect(done.status).toBe('completed');
    // The warnings were the check's, for review before running; the run does not repeat them.
    expect(done.runSummary).toMatchObject({ created: 5, duplicates: 1, errors: 0, similarNames: 0 });
    expect(await rowsOf(p.clients.head, job.id, 'run')).toEqual([]);
    const stored = await queryRows<{ name: string }>(
      ctx.database.db,
      sql`select name from customers where org_id = ${p.orgId} and deleted_at is null order by name`,
    );
    expect(stored.map((row) => row.name)).toEqual(
      [
        '上海明达贸易有限公司',
        '广州远洋物流有限公司',
        '深圳星河电子有限公司',
        '明达贸易（上海）有限公司',
        '远洋物流（广州）有限公司',
        '杭州新星光电有限公司',
        '新星光电（杭州）有限公司',
        '成都蓝天餐饮有限公司',
      ].sort(),
    );
  });

  it('still refuses a row whose phone another customer holds; a same-name row created anyway is warned', async () => {
    const deleted = await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '重庆山城火锅有限公司' });
    expect(deleted.statusCode).toBe(201);
    const removed = await p.clients.head.delete(`/api/v1/customers/${(deleted.json() as { id: string }).id}`);
    expect(removed.statusCode).toBeLessThan(300);
    const file = {
      name: 'phone.csv',
      bytes: Buffer.from(
        csvOf([
          ['客户名称', '电话'],
          ['星河电子科技', '13911110003'],
          ['上海明达贸易有限公司', ''],
          ['山城火锅（重庆）', ''],
        ]),
      ),
    };
    const job = await uploadAndMap(p.clients.head, 'customers', file, { duplicatePolicy: 'create' });
    const checked = await finish(p.clients.head, job.id, 'check');
    expect(checked.checkSummary).toMatchObject({ created: 2, errors: 1, similarNames: 1 });
    const listed = await rowsOf(p.clients.head, job.id, 'check');
    // The phone clash is refused as before; a customer in the trash is no reason to warn.
    expect(listed.map((row) => [row.rowNumber, row.severity, row.field])).toEqual([
      [2, 'error', 'phone'],
      [3, 'warning', 'name'],
    ]);
    expect(listed[1]!.message).toBe('客户名称与已有客户“上海明达贸易有限公司”相似');
  });
});
