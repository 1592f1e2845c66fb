import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin } from '../../test/personas.js';
import { createLead, createLeadPool, nextMobile } from './leads.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

describe('leads API', () => {
  it('creates a lead for its creator with an audit row in the same transaction', async () => {
    const response = await p.clients.r1.post('/api/v1/leads', {
      name: '赵敏',
      companyName: '华光照明有限公司',
      mobile: nextMobile(),
      email: 'zm@huaguang.cn',
      source: 'trade_fair',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      ownerId: p.users.r1.id,
      status: 'assigned',
      poolId: null,
      duplicateWarnings: [],
    });
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where entity = 'lead' and action = 'create' and entity_id = ${response.json().id}`,
    );
    expect(rows[0]!.n).toBe(1);
    const found = (await p.clients.r1.get('/api/v1/leads?q=hg')).json().items.map((l: { id: string }) => l.id);
    expect(found).toContain(response.json().id);
  });

  it('blocks a second lead with the same mobile or email, naming the holder but not their data', async () => {
    const mobile = nextMobile();
    const first = await createLead(p.clients.r1, { mobile, email: 'dup@fair.cn' });
    const byMobile = await p.clients.r2.post('/api/v1/leads', { name: '重复名片', mobile });
    expect(byMobile.statusCode).toBe(409);
    expect(byMobile.json().error).toMatchObject({
      code: 'duplicate',
      fields: [expect.objectContaining({ field: 'mobile' })],
    });
    expect(byMobile.json().error.duplicates[0]).toMatchObject({ entity: 'lead', id: first.id, accessible: false });
    expect(byMobile.json().error.duplicates[0]).not.toHaveProperty('mobile');
    const byPhone = await p.clients.r2.post('/api/v1/leads', { name: '座机也算', phone: mobile });
    expect(byPhone.statusCode).toBe(409);
    expect((await p.clients.r2.post('/api/v1/leads', { name: '重复邮箱', email: 'DUP@fair.cn' })).statusCode).toBe(409);
    const standalone = (await p.clients.r2.get(`/api/v1/duplicates?phone=${mobile}`)).json().matches;
    expect(standalone).toEqual([expect.objectContaining({ entity: 'lead', id: first.id, matchedOn: ['phone'] })]);
  });

  it('explains a malformed mobile number in the reader language', async () => {
    const zh = await p.clients.r1.post('/api/v1/leads', { name: '格式错误', mobile: '12345' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields).toEqual([
      { field: 'mobile', message: '手机号应为有效的手机号（如 138 0013 8000 或 +86 138 0013 8000）' },
    ]);
    const reader = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.salesperson!] }));
    await reader.patch('/api/v1/auth/me', { locale: 'en' });
    const en = await reader.post('/api/v1/leads', { name: 'Bad number', mobile: '12345' });
    expect(en.json().error.fields).toEqual([
      { field: 'mobile', message: 'Mobile must be a valid mobile number (e.g. 138 0013 8000 or +86 138 0013 8000)' },
    ]);
  });

  it('edits with optimistic locking; out of scope answers 404 and changes nothing', async () => {
    const lead = await createLead(p.clients.r1, { companyName: '锁定测试有限公司' });
    expect(
      (await p.clients.r2.patch(`/api/v1/leads/${lead.id}`, { title: '越权', version: lead.version })).statusCode,
    ).toBe(404);
    const ok = await p.clients.r1.patch(`/api/v1/leads/${lead.id}`, { title: '厂长', version: lead.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '厂长', version: lead.version + 1 });
    expect(
      (await p.clients.r1.patch(`/api/v1/leads/${lead.id}`, { title: '旧版本', version: lead.version })).statusCode,
    ).toBe(409);
    expect(
      (await p.clients.r1.patch(`/api/v1/leads/${lead.id}`, { ownerId: p.users.r1.id, version: lead.version + 1 }))
        .statusCode,
    ).toBe(400);
    const invalid = await p.clients.r1.patch(`/api/v1/leads/${lead.id}`, {
      status: 'invalid',
      version: lead.version + 1,
    });
    expect(invalid.json().status).toBe('invalid');
    expect((await p.clients.r1.post(`/api/v1/leads/${lead.id}/convert`, {})).statusCode).toBe(409);
  });

  it('does not let a salesperson hand a new lead to someone else', async () => {
    const response = await p.clients.r1.post('/api/v1/leads', { name: '转手', ownerId: p.users.r2.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('ownerId');
  });

  it('soft-deletes into the trash and restores whole', async () => {
    const lead = await createLead(p.clients.r1);
    expect((await p.clients.r1.delete(`/api/v1/leads/${lead.id}`)).statusCode).toBe(403);
    expect((await p.clients.admin.delete(`/api/v1/leads/${lead.id}`)).statusCode).toBe(204);
    expect((await p.clients.r1.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    expect(
      (await p.clients.admin.get('/api/v1/leads?deleted=true')).json().items.map((l: { id: string }) => l.id),
    ).toContain(lead.id);
    const restored = await p.clients.admin.post(`/api/v1/leads/${lead.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({
      id: lead.id,
      ownerId: p.users.r1.id,
      deletedAt: null,
    });
  });

  it('filters by pool, status and owner within the caller scope', async () => {
    const poolId = await createLeadPool(p.clients.eastManager);
    const waiting = await createLead(p.clients.clerk, { poolId });
    const own = await createLead(p.clients.r2, { poolId, ownerId: p.users.r2.id });
    const ids = async (url: string) =>
      (await p.clients.clerk.get(url))
        .json()
        .items.map((l: { id: string }) => l.id)
        .sort();
    expect(await ids(`/api/v1/leads?poolId=${poolId}`)).toEqual([waiting.id, own.id].sort());
    expect(await ids(`/api/v1/leads?poolId=${poolId}&status=new`)).toEqual([waiting.id]);
    expect(await ids(`/api/v1/leads?poolId=${poolId}&ownerId=${p.users.r2.id}`)).toEqual([own.id]);
    expect((await p.clients.r1.get(`/api/v1/leads?poolId=${poolId}`)).json().items).toEqual([]);
  });

  it('keeps organizations apart on every lead route', async () => {
    const other = await createOtherOrgAdmin(ctx);
    const poolId = await createLeadPool(p.clients.eastManager);
    const lead = await createLead(p.clients.r1, { companyName: '隔离测试有限公司' });
    expect((await other.client.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/leads')).json().items).toEqual([]);
    expect(
      (await other.client.patch(`/api/v1/leads/${lead.id}`, { title: 'x', version: lead.version })).statusCode,
    ).toBe(404);
    expect((await other.client.post(`/api/v1/leads/${lead.id}/convert`, {})).statusCode).toBe(404);
    expect((await other.client.post(`/api/v1/leads/${lead.id}/claim`)).statusCode).toBe(404);
    const assign = await other.client.post('/api/v1/leads/assign', {
      leadIds: [lead.id],
      userIds: [other.client.user.id],
      mode: 'each',
    });
    expect(assign.json()).toMatchObject({ assigned: [], notFound: [lead.id] });
    expect((await other.client.get(`/api/v1/lead-pools/${poolId}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/lead-pools')).json().items).toEqual([]);
    expect((await other.client.get('/api/v1/search?q=隔离')).json().leads).toEqual([]);
    expect((await p.clients.r1.get(`/api/v1/leads/${lead.id}`)).json().version).toBe(lead.version);
  });

  it('a name of only spaces answers 400 naming the field, for leads and lead pools', async () => {
    const blank = (r: { statusCode: number; json: () => { error: { fields: { field: string }[] } } }) => [
      r.statusCode,
      r.json().error.fields.map((f) => f.field),
    ];
    expect(blank(await p.clients.r1.post('/api/v1/leads', { name: '   ' }))).toEqual([400, ['name']]);
    const lead = await createLead(p.clients.r1);
    expect(blank(await p.clients.r1.patch(`/api/v1/leads/${lead.id}`, { name: ' ', version: lead.version }))).toEqual([
      400,
      ['name'],
    ]);
    expect(blank(await p.clients.eastManager.post('/api/v1/lead-pools', { name: '  ' }))).toEqual([400, ['name']]);
    const poolId = await createLeadPool(p.clients.eastManager);
    expect(blank(await p.clients.eastManager.patch(`/api/v1/lead-pools/${poolId}`, { name: ' ', version: 1 }))).toEqual(
      [400, ['name']],
    );
  });
});
