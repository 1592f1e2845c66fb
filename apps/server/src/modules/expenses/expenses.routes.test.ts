import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';

let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext({ dataDir: await mkdtemp(path.join(tmpdir(), 'guanxi-expenses-')) });
  p = await createPersonas(ctx, { customersEach: 1 });
});
afterAll(() => ctx.close());

let n = 0;
const file = (client: Client, body: Record<string, unknown> = {}) =>
  client.post('/api/v1/expenses', {
    category: 'meals',
    amountFen: 12_345,
    spentOn: '2025-03-10',
    description: `客户招待 ${n++}`,
    ...body,
  });
async function expense(client: Client, body: Record<string, unknown> = {}) {
  const response = await file(client, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const auditActions = async (entityId: string) =>
  (
    await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity_id = ${entityId} order by id`,
    )
  ).map((a) => a.action);

describe('expenses: create and validation', () => {
  it('files a draft for the caller in CNY with the customer named, and audits it', async () => {
    const created = await expense(p.clients.r1, { customerId: p.customers.r1[0]!, category: 'travel' });
    expect(created).toMatchObject({
      employeeId: p.users.r1.id,
      category: 'travel',
      amountFen: 12_345,
      currency: 'CNY',
      spentOn: '2025-03-10',
      customerId: p.customers.r1[0]!,
      customerName: 'r1客户0号贸易有限公司',
      status: 'draft',
      attachments: [],
      approval: null,
      version: 1,
    });
    expect(await auditActions(created.id)).toEqual(['create']);
  });

  it('answers 400 naming the field, in Chinese and in English, and writes nothing', async () => {
    const before = (await p.clients.r2.get('/api/v1/expenses?mine=true')).json().items.length;
    const zero = await file(p.clients.r2, { amountFen: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields).toEqual([
      { field: 'amountFen', message: '金额必须是 1 到 99999999999 之间的整数（单位：分）' },
    ]);
    const tooMuch = await file(p.clients.r2, { amountFen: 100_000_000_000 });
    expect(tooMuch.json().error.fields[0].field).toBe('amountFen');

    const blank = await file(p.clients.r2, { description: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual([{ field: 'description', message: '描述为必填项' }]);

    const category = await file(p.clients.r2, { category: 'fuel' });
    expect(category.statusCode).toBe(400);
    expect(category.json().error.fields[0].field).toBe('category');

    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await file(p.clients.r2, { spentOn: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([{ field: 'spentOn', message: '发生日期不能是将来的日期' }]);

    // Another salesperson's customer is not one r2 can see: the field is invalid, nothing leaks.
    const foreign = await file(p.clients.r2, { customerId: p.customers.r1[0]! });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].field).toBe('customerId');

    await p.clients.r2.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await file(p.clients.r2, { amountFen: 0 });
    const englishDate = await file(p.clients.r2, { spentOn: tomorrow });
    await p.clients.r2.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields).toEqual([
      { field: 'amountFen', message: 'Amount must be a whole number of fen (1/100 yuan) from 1 to 99999999999' },
    ]);
    expect(englishDate.json().error.fields[0].message).toBe('Date spent must not be in the future');

    expect((await p.clients.r2.get('/api/v1/expenses?mine=true')).json().items).toHaveLength(before);
  });

  it('needs expenses.create to file and expenses.view to read', async () => {
    expect((await file(p.clients.warehouse)).statusCode).toBe(403);
    expect((await p.clients.warehouse.get('/api/v1/expenses')).statusCode).toBe(403);
    expect(
      (await p.clients.warehouse.get('/api/v1/reports/expense-totals?month=2025-03&groupBy=employee')).statusCode,
    ).toBe(403);
  });
});

describe('expenses: scope', () => {
  it('the employee, their manager and finance see an expense; another salesperson gets 404', async () => {
    const mine = await expense(p.clients.r1);
    expect((await p.clients.r2.get(`/api/v1/expenses/${mine.id}`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/expenses/${mine.id}`)).statusCode).toBe(404);
    expect((await p.clients.eastManager.get(`/api/v1/expenses/${mine.id}`)).json().employeeId).toBe(p.users.r1.id);
    expect((await p.clients.finance.get(`/api/v1/expenses/${mine.id}`)).statusCode).toBe(200);
    expect((await p.clients.head.get(`/api/v1/expenses/${mine.id}`)).statusCode).toBe(200);

    const r2List = (await p.clients.r2.get('/api/v1/expenses')).json().items as { id: string }[];
    expect(r2List.map((e) => e.id)).not.toContain(mine.id);
    const team = (await p.clients.eastManager.get(`/api/v1/expenses?employeeId=${p.users.r1.id}`)).json().items;
    expect(team.map((e: { id: string }) => e.id)).toContain(mine.id);
    // "mine" is the caller's own only, even for a manager who sees the team.
    const managerMine = (await p.clients.eastManager.get('/api/v1/expenses?mine=true')).json().items;
    expect(managerMine.map((e: { id: string }) => e.id)).not.toContain(mine.id);

    // Changing it stays with its employee: out of scope 404, the manager (who sees it) 403.
    expect((await p.clients.r2.patch(`/api/v1/expenses/${mine.id}`, { amountFen: 1, version: 1 })).statusCode).toBe(
      404,
    );
    expect((await p.clients.r2.delete(`/api/v1/expenses/${mine.id}`)).statusCode).toBe(404);
    expect((await p.clients.r2.post(`/api/v1/expenses/${mine.id}/submit`)).statusCode).toBe(404);
    expect(
      (await p.clients.eastManager.patch(`/api/v1/expenses/${mine.id}`, { amountFen: 1, version: 1 })).statusCode,
    ).toBe(403);
  });

  it('pages with a keyset cursor, latest spending first, and filters by month and category', async () => {
    for (const spentOn of ['2024-01-05', '2024-01-20', '2024-01-31', '2024-02-01']) {
      await expense(p.clients.r3, { spentOn, category: spentOn === '2024-01-20' ? 'gifts' : 'samples' });
    }
    const first = (await p.clients.r3.get('/api/v1/expenses?month=2024-01&limit=2')).json();
    expect(first.items.map((e: { spentOn: string }) => e.spentOn)).toEqual(['2024-01-31', '2024-01-20']);
    const second = (await p.clients.r3.get(`/api/v1/expenses?month=2024-01&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: { spentOn: string }) => e.spentOn)).toEqual(['2024-01-05']);
    expect(second.nextCursor).toBeNull();
    const gifts = (await p.clients.r3.get('/api/v1/expenses?category=gifts')).json().items;
    expect(gifts.map((e: { spentOn: string }) => e.spentOn)).toEqual(['2024-01-20']);
    expect((await p.clients.r3.get('/api/v1/expenses?month=2024-13')).statusCode).toBe(400);
    expect((await p.clients.r3.get('/api/v1/expenses?cursor=bad')).statusCode).toBe(400);
  });
});

describe('expenses: edit and delete', () => {
  it('edits a draft with its version; a stale version is 409 and changes nothing', async () => {
    const draft = await expense(p.clients.r1);
    const edited = await p.clients.r1.patch(`/api/v1/expenses/${draft.id}`, {
      amountFen: 50_000,
      customerId: p.customers.r1[0]!,
      version: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ amountFen: 50_000, customerId: p.customers.r1[0]!, version: 2 });
    const stale = await p.clients.r1.patch(`/api/v1/expenses/${draft.id}`, { amountFen: 1, version: draft.version });
    expect(stale.statusCode).toBe(409);
    expect((await p.clients.r1.get(`/api/v1/expenses/${draft.id}`)).json().amountFen).toBe(50_000);
    const blank = await p.clients.r1.patch(`/api/v1/expenses/${draft.id}`, { description: ' ', version: 2 });
    expect(blank.statusCode).toBe(400);
    expect(await auditActions(draft.id)).toEqual(['create', 'update']);
  });

  it('deletes a draft softly and audits it', async () => {
    const draft = await expense(p.clients.r1);
    expect((await p.clients.r1.delete(`/api/v1/expenses/${draft.id}`)).statusCode).toBe(204);
    expect((await p.clients.r1.get(`/api/v1/expenses/${draft.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.delete(`/api/v1/expenses/${draft.id}`)).statusCode).toBe(404);
    const [row] = await queryRows<{ deleted: boolean }>(
      ctx.database.db,
      sql`select deleted_at is not null as deleted from expenses where org_id = ${p.orgId} and id = ${draft.id}`,
    );
    expect(row?.deleted).toBe(true);
    expect(await auditActions(draft.id)).toEqual(['create', 'delete']);
  });
});

describe('expenses: receipts', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const upload = (client: Client, expenseId: string, fileName: string, bytes: Buffer) =>
    client.upload(`/api/v1/expenses/${expenseId}/attachments`, { fileName, bytes });

  it('uploads a checked receipt, serves it with nosniff to who sees the expense, and deletes it', async () => {
    const draft = await expense(p.clients.r1);
    const uploaded = await upload(p.clients.r1, draft.id, '发票.png', PNG);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id } = uploaded.json();
    const download = await p.clients.eastManager.get(`/api/v1/expenses/${draft.id}/attachments/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E5%8F%91%E7%A5%A8.png");
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await p.clients.r2.get(`/api/v1/expenses/${draft.id}/attachments/${id}`)).statusCode).toBe(404);

    const shown = (await p.clients.r1.get(`/api/v1/expenses/${draft.id}`)).json();
    expect(shown).toMatchObject({
      attachmentCount: 1,
      attachments: [{ id, fileName: '发票.png', sizeBytes: PNG.length }],
    });

    // A text file posing as an image is refused (415), and the expense keeps one receipt.
    const disguised = await upload(p.clients.r1, draft.id, 'fake.png', Buffer.from('hello'));
    expect(disguised.statusCode).toBe(415);
    expect((await upload(p.clients.r2, draft.id, 'r.png', PNG)).statusCode).toBe(404);

    expect((await p.clients.r2.delete(`/api/v1/expenses/${draft.id}/attachments/${id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.delete(`/api/v1/expenses/${draft.id}/attachments/${id}`)).statusCode).toBe(204);
    expect((await p.clients.r1.get(`/api/v1/expenses/${draft.id}/attachments/${id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/expenses/${draft.id}`)).json().attachments).toEqual([]);
    expect(await auditActions(id)).toEqual(['create', 'delete']);
  });
});
