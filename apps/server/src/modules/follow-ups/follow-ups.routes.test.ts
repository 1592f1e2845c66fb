import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type Client, type TestContext } from '../../test/test-app.js';
import { DAY_MS } from '../../platform/time/index.js';

let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext({ dataDir: await mkdtemp(path.join(tmpdir(), 'guanxi-attachments-')) });
  p = await createPersonas(ctx, { customersEach: 4 });
});
afterAll(() => ctx.close());

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const log = (client: Client, body: Record<string, unknown>) =>
  client.post('/api/v1/follow-ups', { type: 'call', content: '电话沟通报价', ...body });
const daysUntilReclaim = async (customerId: string) =>
  (await p.clients.r1.get(`/api/v1/customers/${customerId}/ownership`)).json().daysUntilReclaim as number;
const customerTimes = async (customerId: string) =>
  (
    await queryRows<{ last: string | null; next: string | null }>(
      ctx.database.db,
      sql`select last_follow_up_at::text as last, next_contact_at::text as next from customers where id = ${customerId}`,
    )
  )[0]!;
/** The ownership began `days` ago, as if the customer had been held that long. */
const ownedFor = (customerId: string, days: number) =>
  ctx.database.db.execute(
    sql`update customers set owned_since = now() - make_interval(days => ${days}) where id = ${customerId}`,
  );

describe('logging follow-ups', () => {
  it('logs a call with contacts and a next contact time; the customer carries both times', async () => {
    const customerId = p.customers.r1[0]!;
    const contact = (
      await p.clients.r1.post('/api/v1/contacts', { customerId, name: '王经理', mobile: '13911112222' })
    ).json();
    const next = inDays(3);
    const response = await log(p.clients.r1, { customerId, contactIds: [contact.id], nextContactAt: next });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      customerId,
      type: 'call',
      contacts: [{ id: contact.id, name: '王经理' }],
      authorId: p.users.r1.id,
      version: 1,
    });
    const times = await customerTimes(customerId);
    expect(new Date(times.next!).toISOString()).toBe(next);
    expect(times.last).not.toBeNull();
    const audit = await queryRows(
      ctx.database.db,
      sql`select 1 from audit_log where entity = 'follow_up' and entity_id = ${response.json().id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('rejects a next contact time in the past, an unknown type, another customer’s contacts and a future time', async () => {
    const customerId = p.customers.r1[1]!;
    const past = await log(p.clients.r1, { customerId, nextContactAt: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0]).toMatchObject({
      field: 'nextContactAt',
      message: '下次联系时间必须晚于当前时间',
    });
    const unknown = await log(p.clients.r1, { customerId, type: 'telepathy' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('type');
    const otherContact = (
      await p.clients.r1.post('/api/v1/contacts', {
        customerId: p.customers.r1[2]!,
        name: '李总',
        mobile: '13911113333',
      })
    ).json();
    const foreign = await log(p.clients.r1, { customerId, contactIds: [otherContact.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].field).toBe('contactIds');
    const future = await log(p.clients.r1, { customerId, occurredAt: inDays(1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('occurredAt');
    const both = await log(p.clients.r1, { customerId, leadId: newId() });
    expect(both.statusCode).toBe(400);
    const empty = await log(p.clients.r1, { customerId, content: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(await customerTimes(customerId)).toEqual({ last: null, next: null });
  });

  it('scope: r1 cannot log on r2’s customer (404) nor list its follow-ups (an empty page); the manager reads them', async () => {
    const r2Customer = p.customers.r2[0]!;
    expect((await log(p.clients.r1, { customerId: r2Customer })).statusCode).toBe(404);
    const own = (await log(p.clients.r2, { customerId: r2Customer })).json();
    const listed = await p.clients.r1.get(`/api/v1/follow-ups?customerId=${r2Customer}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([]);
    expect((await p.clients.r1.get(`/api/v1/follow-ups/${own.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.patch(`/api/v1/follow-ups/${own.id}`, { content: 'x', version: 1 })).statusCode).toBe(
      404,
    );
    const managerView = await p.clients.eastManager.get(`/api/v1/follow-ups?customerId=${r2Customer}`);
    expect(managerView.json().items.map((f: { id: string }) => f.id)).toEqual([own.id]);
    expect((await p.clients.r3.get(`/api/v1/follow-ups/${own.id}`)).statusCode).toBe(404);
  });

  it('logging a follow-up restarts the reclaim clock; a backdated one does not move it past a later ownership start', async () => {
    const customerId = p.customers.r1[3]!;
    await ownedFor(customerId, 20);
    expect(await daysUntilReclaim(customerId)).toBe(10);
    const backdated = await log(p.clients.r1, { customerId, occurredAt: inDays(-25) });
    expect(backdated.statusCode).toBe(201);
    expect(await daysUntilReclaim(customerId)).toBe(10);
    const today = await log(p.clients.r1, { customerId, nextContactAt: inDays(2) });
    expect(today.statusCode).toBe(201);
    expect(await daysUntilReclaim(customerId)).toBe(30);
  });

  it('edit and delete recompute the last follow-up and next contact times; stale versions answer 409', async () => {
    const customerId = p.customers.eastManager[0]!;
    const manager = p.clients.eastManager;
    const older = (await log(manager, { customerId, occurredAt: inDays(-5), nextContactAt: inDays(5) })).json();
    const newer = (await log(manager, { customerId, occurredAt: inDays(-1), nextContactAt: inDays(9) })).json();
    expect(new Date((await customerTimes(customerId)).next!).toISOString()).toBe(newer.nextContactAt);
    const edited = await manager.patch(`/api/v1/follow-ups/${newer.id}`, { occurredAt: inDays(-10), version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    // Now `older` is the latest: its times lead.
    const afterEdit = await customerTimes(customerId);
    expect(new Date(afterEdit.next!).toISOString()).toBe(older.nextContactAt);
    expect(new Date(afterEdit.last!).toISOString()).toBe(older.occurredAt);
    expect((await manager.patch(`/api/v1/follow-ups/${newer.id}`, { content: 'late', version: 1 })).statusCode).toBe(
      409,
    );
    expect((await p.clients.r1.delete(`/api/v1/follow-ups/${older.id}`)).statusCode).toBe(403);
    expect((await manager.delete(`/api/v1/follow-ups/${older.id}`)).statusCode).toBe(204);
    const afterDelete = await customerTimes(customerId);
    expect(new Date(afterDelete.next!).toISOString()).toBe(newer.nextContactAt);
    expect((await manager.delete(`/api/v1/follow-ups/${newer.id}`)).statusCode).toBe(204);
    expect(await customerTimes(customerId)).toEqual({ last: null, next: null });
    expect((await manager.get(`/api/v1/follow-ups?customerId=${customerId}`)).json().items).toEqual([]);
  });

  it('pages a long timeline newest first with a cursor, no repeats', async () => {
    const customerId = p.customers.head[0]!;
    const base = Date.now() - 200 * 60_000;
    const rows = Array.from(
      { length: 120 },
      (_, i) =>
        sql`(${p.orgId}, ${newId()}, ${customerId}, 'call', ${`记录 ${i}`}, ${new Date(base + (i % 60) * 60_000).toISOString()}::timestamptz, ${p.users.head.id})`,
    );
    await ctx.database.db.execute(
      sql`insert into follow_ups (org_id, id, customer_id, type, content, occurred_at, author_id) values ${sql.join(rows, sql`, `)}`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: { items: { id: string; occurredAt: string }[]; nextCursor: string | null } = (
        await p.clients.head.get(`/api/v1/follow-ups?customerId=${customerId}${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      sizes.push(page.items.length);
      seen.push(...page.items.map((f: { id: string }) => f.id));
      const times = page.items.map((f: { occurredAt: string }) => f.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
  });

  it('logs on an opportunity of the same customer, listed by opportunity; another customer’s or an unseen one is refused', async () => {
    const [customerId, otherCustomerId] = [p.customers.r1[2]!, p.customers.r1[3]!];
    const deal = await p.clients.r1.post('/api/v1/opportunities', {
      customerId,
      name: '二期扩容',
      amountFen: 5_000_000,
    });
    expect(deal.statusCode, deal.body).toBe(201);
    const opportunityId = deal.json().id as string;
    const logged = await log(p.clients.r1, { customerId, opportunityId, content: '商机沟通：确认预算' });
    expect(logged.statusCode, logged.body).toBe(201);
    const listed = (await p.clients.r1.get(`/api/v1/follow-ups?opportunityId=${opportunityId}`)).json();
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([logged.json().id]);

    const wrongCustomer = await log(p.clients.r1, { customerId: otherCustomerId, opportunityId });
    expect(wrongCustomer.statusCode).toBe(400);
    expect(wrongCustomer.json().error.fields[0].field).toBe('opportunityId');
    const r2Deal = await p.clients.r2.post('/api/v1/opportunities', {
      customerId: p.customers.r2[0],
      name: '别人的商机',
      amountFen: 100,
    });
    const unseen = await log(p.clients.r1, { customerId, opportunityId: r2Deal.json().id });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.json().error.fields[0].field).toBe('opportunityId');
  });

  it('lists the caller’s own follow-ups by default and a lead’s follow-ups', async () => {
    const lead = (await p.clients.r1.post('/api/v1/leads', { name: '展会客户', mobile: '13922223333' })).json();
    const onLead = await log(p.clients.r1, { leadId: lead.id, type: 'wechat', nextContactAt: inDays(1) });
    expect(onLead.statusCode, onLead.body).toBe(201);
    const leadList = (await p.clients.r1.get(`/api/v1/follow-ups?leadId=${lead.id}`)).json();
    expect(leadList.items.map((f: { id: string }) => f.id)).toEqual([onLead.json().id]);
    const mine = (await p.clients.r1.get('/api/v1/follow-ups')).json();
    expect(mine.items.every((f: { authorId: string }) => f.authorId === p.users.r1.id)).toBe(true);
    expect(mine.items.length).toBeGreaterThan(2);
    const leadRow = await queryRows<{ next: string | null }>(
      ctx.database.db,
      sql`select next_contact_at::text as next from leads where id = ${lead.id}`,
    );
    expect(leadRow[0]!.next).not.toBeNull();
  });
});

describe('follow-up types', () => {
  it('lists the defaults; only followups.manage replaces them; a deactivated type is refused for new follow-ups', async () => {
    const list = (await p.clients.r1.get('/api/v1/follow-up-types')).json();
    expect(list.items.map((t: { code: string }) => t.code)).toEqual([
      'call',
      'visit',
      'email',
      'sms',
      'wechat',
      'meeting',
      'other',
    ]);
    const items = list.items.map((t: { code: string }) => (t.code === 'sms' ? { ...t, active: false } : t));
    expect((await p.clients.r1.put('/api/v1/follow-up-types', { items })).statusCode).toBe(403);
    const dropped = await p.clients.admin.put('/api/v1/follow-up-types', { items: items.slice(1) });
    expect(dropped.statusCode).toBe(400);
    const saved = await p.clients.admin.put('/api/v1/follow-up-types', {
      items: [...items, { code: 'dinner', nameZh: '宴请', nameEn: 'Dinner', sortOrder: 80, active: true }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await log(p.clients.r1, { customerId: p.customers.r1[0]!, type: 'sms' })).statusCode).toBe(400);
    expect((await log(p.clients.r1, { customerId: p.customers.r1[0]!, type: 'dinner' })).statusCode).toBe(201);
  });
});

describe('attachments', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const upload = (client: Client, followUpId: string, fileName: string, bytes: Buffer) =>
    client.upload(`/api/v1/follow-ups/${followUpId}/attachments`, { fileName, bytes });

  it('stores a checked file and serves it as a download with nosniff; scope follows the follow-up', async () => {
    const followUp = (await log(p.clients.r1, { customerId: p.customers.r1[0]! })).json();
    const response = await upload(p.clients.r1, followUp.id, '名片.png', PNG);
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json();
    const download = await p.clients.r1.get(`/api/v1/attachments/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="__\.png"; filename\*=UTF-8''%E5%90%8D%E7%89%87\.png$/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await p.clients.r2.get(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect((await p.clients.eastManager.get(`/api/v1/attachments/${id}`)).statusCode).toBe(200);
    const shown = (await p.clients.r1.get(`/api/v1/follow-ups/${followUp.id}`)).json();
    expect(shown.attachments).toMatchObject([
      { id, fileName: '名片.png', contentType: 'image/png', sizeBytes: PNG.length },
    ]);
  });

  it('refuses unknown extensions and disguised content (415) and files over the limit (413)', async () => {
    const followUp = (await log(p.clients.r1, { customerId: p.customers.r1[0]! })).json();
    expect((await upload(p.clients.r1, followUp.id, 'run.exe', Buffer.from('MZ\x90\x00'))).statusCode).toBe(415);
    const disguised = await upload(
      p.clients.r1,
      followUp.id,
      'photo.jpg',
      Buffer.from('<html><script>alert(1)</script>'),
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.fields[0].field).toBe('file');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(p.clients.r1, followUp.id, 'big.pdf', big)).statusCode).toBe(413);
    expect((await upload(p.clients.r2, followUp.id, 'ok.png', PNG)).statusCode).toBe(404);
  });

  it('the author removes a file: it is no longer listed or served; out of scope answers 404', async () => {
    const followUp = (await log(p.clients.r1, { customerId: p.customers.r1[0]! })).json();
    const { id } = (await upload(p.clients.r1, followUp.id, 'quote.png', PNG)).json();
    expect((await p.clients.r2.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(204);
    expect((await p.clients.r1.get(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/follow-ups/${followUp.id}`)).json().attachments).toEqual([]);
    expect((await p.clients.r1.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
  });
});
