import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows } from '../../test/export-files.js';
import type { Client } from '../../test/test-app.js';

const { ctx, p } = usePersonas({ customersEach: 0 });

const entries = async (client: Client, kind: string): Promise<DictionaryEntry[]> => {
  const response = await client.get('/api/v1/dictionaries');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as DictionaryEntry[]).filter((entry) => entry.kind === kind);
};
const entry = async (kind: string, code: string) =>
  (await entries(p.clients.admin, kind)).find((e) => e.code === code)!;
const auditOf = (entityId: string) =>
  queryRows<{ action: string; before: { nameZh?: string } | null; after: { nameZh?: string; active?: boolean } }>(
    ctx.database.db,
    sql`select action, before, after from audit_log where org_id = ${p.orgId} and entity = 'dictionary_entry'
         and entity_id = ${entityId} order by at, id`,
  );
async function addSource(nameZh: string, nameEn: string, code?: string): Promise<DictionaryEntry> {
  const response = await p.clients.admin.post('/api/v1/dictionaries/source/entries', {
    nameZh,
    nameEn,
    ...(code ? { code } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('dictionaries', () => {
  it('every organization starts with the built-in sources, levels and industries under their old codes', async () => {
    const sources = await entries(p.clients.r1, 'source');
    expect(sources.map((e) => e.code)).toEqual([
      'trade_fair',
      'referral',
      'search_engine',
      'advertising',
      'online_inquiry',
      'phone_inquiry',
      'cold_visit',
      'walk_in',
      'other',
    ]);
    expect(sources[0]).toMatchObject({ nameZh: '展会', nameEn: 'Trade fair', active: true, builtIn: true });
    expect((await entries(p.clients.r1, 'tier')).map((e) => [e.code, e.nameZh])).toEqual([
      ['A', 'A 重点'],
      ['B', 'B 普通'],
      ['C', 'C 非优先'],
    ]);
    expect((await entries(p.clients.r1, 'industry')).find((e) => e.code === 'manufacturing')?.nameZh).toBe('制造业');
  });

  it('an admin adds a source with a code made from its Chinese name; each change is audited; a salesperson may not', async () => {
    expect(
      (await p.clients.r1.post('/api/v1/dictionaries/source/entries', { nameZh: '抖音', nameEn: 'Douyin' })).statusCode,
    ).toBe(403);
    const douyin = await addSource('抖音', 'Douyin');
    expect(douyin).toMatchObject({ code: 'douyin', nameZh: '抖音', active: true, builtIn: false, version: 1 });
    // The next one after the last: the new entry is offered last.
    expect((await entries(p.clients.r1, 'source')).at(-1)?.code).toBe('douyin');
    const taken = await p.clients.admin.post('/api/v1/dictionaries/source/entries', {
      nameZh: '抖音直播',
      nameEn: 'Douyin live',
      code: 'douyin',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual([expect.objectContaining({ field: 'code' })]);
    expect(await auditOf('source:douyin')).toEqual([
      expect.objectContaining({ action: 'create', after: expect.objectContaining({ nameZh: '抖音' }) }),
    ]);
  });

  it('renames, reorders and deactivates entries, refusing a stale version and an incomplete order', async () => {
    const xhs = await addSource('小红书', 'Xiaohongshu', 'xiaohongshu');
    const renamed = await p.clients.admin.patch('/api/v1/dictionaries/source/entries/xiaohongshu', {
      nameZh: '小红书笔记',
      version: xhs.version,
    });
    expect(renamed.json()).toMatchObject({ nameZh: '小红书笔记', nameEn: 'Xiaohongshu', version: 2 });
    const stale = await p.clients.admin.patch('/api/v1/dictionaries/source/entries/xiaohongshu', {
      nameZh: '又改',
      version: xhs.version,
    });
    expect(stale.statusCode).toBe(409);

    const codes = (await entries(p.clients.admin, 'source')).map((e) => e.code);
    const reversed = [...codes].reverse();
    const reordered = await p.clients.admin.put('/api/v1/dictionaries/source/order', { codes: reversed });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect((await entries(p.clients.r1, 'source')).map((e) => e.code)).toEqual(reversed);
    const incomplete = await p.clients.admin.put('/api/v1/dictionaries/source/order', { codes: reversed.slice(1) });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toEqual([expect.objectContaining({ field: 'codes' })]);
    expect((await p.clients.r1.put('/api/v1/dictionaries/source/order', { codes: reversed })).statusCode).toBe(403);

    const current = await entry('source', 'xiaohongshu');
    const off = await p.clients.admin.patch('/api/v1/dictionaries/source/entries/xiaohongshu', {
      active: false,
      version: current.version,
    });
    expect(off.json()).toMatchObject({ active: false });
    expect((await auditOf('source:xiaohongshu')).map((row) => row.action)).toEqual([
      'create',
      'update',
      'update',
      'archive',
    ]);
    expect(
      (await p.clients.admin.patch('/api/v1/dictionaries/source/entries/nope', { active: false, version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('a customer or lead with a source, level or industry outside the active dictionary is refused, naming the field, and nothing is written', async () => {
    const before = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from customers where org_id = ${p.orgId}`,
    );
    const refused = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '来源不明有限公司',
      source: 'tiktok',
      tier: 'Z',
      industry: '航天',
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['industry', 'source', 'tier']);
    expect(fields.find((f) => f.field === 'source')?.message).toContain('客户来源');
    expect((await p.clients.r2.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const english = await p.clients.r2.post('/api/v1/customers', {
      kind: 'company',
      name: 'Unknown source Ltd',
      source: 'tiktok',
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.fields[0]).toMatchObject({ field: 'source' });
    expect(english.json().error.fields[0].message).toContain('Source');
    const after = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from customers where org_id = ${p.orgId}`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);

    const lead = await p.clients.r1.post('/api/v1/leads', { name: '王五', source: 'tiktok' });
    expect(lead.statusCode).toBe(400);
    expect(lead.json().error.fields).toEqual([expect.objectContaining({ field: 'source' })]);
  });

  it('a deactivated entry stays on the records that carry it and reads in lists and files, but is refused for new choices', async () => {
    await addSource('快手', 'Kuaishou', 'kuaishou');
    const created = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '快手来源有限公司',
      source: 'kuaishou',
      tier: 'B',
      industry: 'manufacturing',
    });
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.json();
    const kuaishou = await entry('source', 'kuaishou');
    await p.clients.admin.patch('/api/v1/dictionaries/source/entries/kuaishou', {
      active: false,
      version: kuaishou.version,
    });

    // Other edits of the record keep the inactive source; choosing it anew is refused.
    const edited = await p.clients.r1.patch(`/api/v1/customers/${customer.id}`, {
      name: '快手来源（华东）有限公司',
      source: 'kuaishou',
      version: customer.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ source: 'kuaishou' });
    const another = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '又一家',
      source: 'kuaishou',
    });
    expect(another.statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/customers?source=kuaishou')).json().items).toHaveLength(1);

    // A lead from that source converts into a customer that keeps it.
    await ctx.database.db.execute(
      sql`update dictionary_entries set active = true where org_id = ${p.orgId} and code = 'kuaishou'`,
    );
    const lead = await p.clients.r1.post('/api/v1/leads', {
      name: '赵六',
      companyName: '快手线索有限公司',
      source: 'kuaishou',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    await ctx.database.db.execute(
      sql`update dictionary_entries set active = false where org_id = ${p.orgId} and code = 'kuaishou'`,
    );
    const converted = await p.clients.r1.post(`/api/v1/leads/${lead.json().id}/convert`, {});
    expect(converted.statusCode, converted.body).toBe(201);
    expect(converted.json().customer).toMatchObject({ source: 'kuaishou' });
  });

  it("a customer's added source is listed, filtered and exported under its name in the reader's language", async () => {
    await addSource('视频号', 'WeChat Channels', 'channels');
    const created = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '视频号客户有限公司',
      source: 'channels',
      tier: 'A',
      industry: 'it',
    });
    expect(created.statusCode, created.body).toBe(201);
    const exporter = await ctx.login(p.users.admin);
    const csv = await exporter.get('/api/v1/customers/export?format=csv&source=channels');
    expect(csv.statusCode).toBe(200);
    const rows = csvRows(csv);
    expect(columnOf(rows, '客户名称')).toEqual(['视频号客户有限公司']);
    expect(columnOf(rows, '客户来源')).toEqual(['视频号']);
    expect(columnOf(rows, '行业')).toEqual(['信息技术']);
    expect(columnOf(rows, '客户等级（手动）')).toEqual(['A 重点']);

    expect((await exporter.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const english = csvRows(await exporter.get('/api/v1/customers/export?format=csv&source=channels'));
    expect(columnOf(english, 'Source')).toEqual(['WeChat Channels']);
    expect(columnOf(english, 'Industry')).toEqual(['Information technology']);
  });

  it('an industry typed as free text before the dictionary stays on the record through other edits', async () => {
    const created = await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '旧行业有限公司' });
    const customer = created.json();
    await ctx.database.db.execute(
      sql`update customers set industry = '航天' where org_id = ${p.orgId} and id = ${customer.id}`,
    );
    const edited = await p.clients.r1.patch(`/api/v1/customers/${customer.id}`, {
      name: '旧行业（新）有限公司',
      industry: '航天',
      version: customer.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().industry).toBe('航天');
  });

  it('clearing a dictionary field is not a choice to check: a company edited into a person drops its industry', async () => {
    const created = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '改个人测试有限公司',
      industry: 'manufacturing',
    });
    const customer = created.json();
    const cleared = await p.clients.r1.patch(`/api/v1/customers/${customer.id}`, {
      kind: 'person',
      name: '改个人测试先生',
      industry: null,
      version: customer.version,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().industry || null).toBeNull();
  });
});
