import { DEFAULT_POOL_RULES, type CustomerPool } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createPoolCustomers } from '../../test/customer-ownership.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas();

describe('customer pools API', () => {
  it('every new organization starts with one default pool, open to all, with the default rules', async () => {
    const pools = (await p.clients.r1.get('/api/v1/customer-pools')).json().items;
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({
      isDefault: true,
      openToAll: true,
      rules: DEFAULT_POOL_RULES,
      visibleFields: ['industry', 'tier', 'source', 'stage', 'city'],
    });
    expect(DEFAULT_POOL_RULES).toMatchObject({
      noFollowUpDays: 30,
      notWonDays: 90,
      reminderDaysBefore: 2,
      dailyClaimLimit: 10,
      previousOwnerCooldownDays: 7,
      ownershipCap: null,
    });
  });

  it('managers create and edit pools with admins and members; salespeople may not', async () => {
    expect((await p.clients.r1.post('/api/v1/customer-pools', { name: '华东公海' })).statusCode).toBe(403);
    const created = await p.clients.eastManager.post('/api/v1/customer-pools', {
      name: '华东公海',
      adminUserIds: [p.users.eastManager.id],
      memberDepartmentIds: [p.departments.east],
      visibleFields: ['industry', 'phone'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ isDefault: false, openToAll: false, rules: DEFAULT_POOL_RULES, version: 1 });
    const id = created.json().id;
    expect((await p.clients.eastManager.post('/api/v1/customer-pools', { name: '华东公海' })).statusCode).toBe(409);
    const edited = await p.clients.eastManager.patch(`/api/v1/customer-pools/${id}`, {
      rules: { ...DEFAULT_POOL_RULES, dailyClaimLimit: 3 },
      memberUserIds: [p.users.r3.id],
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      memberUserIds: [p.users.r3.id],
      memberDepartmentIds: [p.departments.east],
    });
    expect(edited.json().rules.dailyClaimLimit).toBe(3);
    expect(
      (await p.clients.eastManager.patch(`/api/v1/customer-pools/${id}`, { name: '旧版本', version: 1 })).statusCode,
    ).toBe(409);
  });

  it('rejects unknown members and invalid rules with field messages', async () => {
    const unknownUser = await p.clients.admin.post('/api/v1/customer-pools', {
      name: '坏公海',
      memberUserIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json().error.fields[0].field).toBe('memberUserIds');
    const badRules = await p.clients.admin.post('/api/v1/customer-pools', {
      name: '坏规则',
      rules: { ...DEFAULT_POOL_RULES, noFollowUpDays: 4000 },
    });
    expect(badRules.statusCode).toBe(400);
    expect(badRules.json().error.fields[0].field).toBe('rules.noFollowUpDays');
  });

  it('members list only the pool fields visible before claiming; the phone shows once claimed', async () => {
    const pool = (
      await p.clients.admin.post('/api/v1/customer-pools', {
        name: '只看名称',
        memberUserIds: [p.users.r1.id],
        visibleFields: ['industry'],
      })
    ).json();
    const [id] = await createPoolCustomers(p.clients.admin, 1, { poolId: pool.id });
    const listed = await p.clients.r1.get(`/api/v1/customer-pools/${pool.id}/customers`);
    expect(listed.statusCode).toBe(200);
    const item = listed.json().items.find((c: { id: string }) => c.id === id);
    expect(Object.keys(item).sort()).toEqual(['customerNo', 'id', 'industry', 'kind', 'name', 'previousOwnerId']);
    expect((await p.clients.r1.get(`/api/v1/customers/${id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/claim`, {})).statusCode).toBe(200);
    const detail = await p.clients.r1.get(`/api/v1/customers/${id}`);
    expect(detail.json().phone).toMatch(/^1391234/);
    expect((await p.clients.r1.get(`/api/v1/customer-pools/${pool.id}/customers`)).json().items).toEqual([]);
  });

  it('non-members get 404 for a pool and its customers, and do not see it listed', async () => {
    const pool = (
      await p.clients.admin.post('/api/v1/customer-pools', {
        name: '西区专属',
        memberDepartmentIds: [p.departments.west],
      })
    ).json();
    const [id] = await createPoolCustomers(p.clients.admin, 1, { poolId: pool.id });
    expect((await p.clients.r1.get(`/api/v1/customer-pools/${pool.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/customer-pools/${pool.id}/customers`)).statusCode).toBe(404);
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/claim`, {})).statusCode).toBe(404);
    expect(
      (await p.clients.r1.get('/api/v1/customer-pools')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(pool.id);
    expect(
      (await p.clients.r3.get(`/api/v1/customer-pools/${pool.id}/customers`))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([id]);
  });

  it('pages through a pool with a keyset cursor', async () => {
    const pool = (await p.clients.admin.post('/api/v1/customer-pools', { name: '分页公海', openToAll: true })).json();
    const ids = await createPoolCustomers(p.clients.admin, 3, { poolId: pool.id });
    const first = (await p.clients.r2.get(`/api/v1/customer-pools/${pool.id}/customers?limit=2`)).json();
    expect(first.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    const second = (
      await p.clients.r2.get(`/api/v1/customer-pools/${pool.id}/customers?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('a name of only spaces answers 400 naming the field', async () => {
    const blank = (r: { statusCode: number; json: () => { error: { fields: { field: string }[] } } }) => [
      r.statusCode,
      r.json().error.fields.map((f) => f.field),
    ];
    expect(blank(await p.clients.admin.post('/api/v1/customer-pools', { name: '   ' }))).toEqual([400, ['name']]);
    const pool = (await p.clients.admin.get('/api/v1/customer-pools')).json().items[0];
    expect(
      blank(await p.clients.admin.patch(`/api/v1/customer-pools/${pool.id}`, { name: ' ', version: pool.version })),
    ).toEqual([400, ['name']]);
  });

  it("per-level days follow the organization's levels: an unknown level answers 400 and writes nothing", async () => {
    const pools = (await p.clients.admin.get('/api/v1/customer-pools')).json().items as CustomerPool[];
    const pool = pools.find((candidate) => candidate.isDefault)!;
    const audits = () =>
      queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from audit_log where entity_id = ${pool.id}`,
      );
    const auditsBefore = await audits();
    const withDays = (days: Record<string, number>) => ({ rules: { ...pool.rules, tierNoFollowUpDays: days } });
    const unknown = await p.clients.admin.patch(`/api/v1/customer-pools/${pool.id}`, {
      ...withDays({ A: 60, X9: 5 }),
      version: pool.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['rules.tierNoFollowUpDays.X9']);
    expect(unknown.json().error.message).toContain('各级别未跟进天数');
    expect(unknown.json().error.message).toContain('不是本组织的客户等级');
    await p.clients.admin.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await p.clients.admin.post('/api/v1/customer-pools', { name: '未知等级', ...withDays({ X9: 5 }) });
    await p.clients.admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toContain('Days without follow-up per tier');
    expect(english.json().error.message).toContain('is not a customer tier of this organization');
    const zero = await p.clients.admin.patch(`/api/v1/customer-pools/${pool.id}`, {
      ...withDays({ C: 0 }),
      version: pool.version,
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields[0].field).toBe('rules.tierNoFollowUpDays.C');
    const after = (await p.clients.admin.get(`/api/v1/customer-pools/${pool.id}`)).json();
    expect(after).toMatchObject({ version: pool.version, rules: pool.rules });
    expect((await p.clients.admin.get('/api/v1/customer-pools')).json().items).toHaveLength(pools.length);
    expect(await audits()).toEqual(auditsBefore);

    // A deactivated level keeps its days: its customers are still reclaimed.
    const added = await p.clients.admin.post('/api/v1/dictionaries/tier/entries', {
      nameZh: '沉睡',
      nameEn: 'Dormant',
    });
    expect(added.statusCode, added.body).toBe(201);
    const code = added.json().code as string;
    const off = await p.clients.admin.patch(`/api/v1/dictionaries/tier/entries/${code}`, {
      active: false,
      version: added.json().version,
    });
    expect(off.statusCode, off.body).toBe(200);
    const saved = await p.clients.admin.patch(`/api/v1/customer-pools/${pool.id}`, {
      ...withDays({ A: 60, [code]: 5 }),
      version: pool.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rules.tierNoFollowUpDays).toEqual({ A: 60, [code]: 5 });
    // The change is audited like any rule change, with the days before and after.
    const [audit] = await queryRows<{ before: CustomerPool; after: CustomerPool }>(
      ctx.database.db,
      sql`select before, after from audit_log where entity_id = ${pool.id} order by at desc, id desc limit 1`,
    );
    expect(audit!.before.rules.tierNoFollowUpDays).toEqual(pool.rules.tierNoFollowUpDays);
    expect(audit!.after.rules.tierNoFollowUpDays).toEqual({ A: 60, [code]: 5 });
  });

  it('per-level days stored before the dictionary (A / B / C, null for the pool default) still read', async () => {
    const pool = (await p.clients.admin.post('/api/v1/customer-pools', { name: '旧规则' })).json() as CustomerPool;
    const legacy = { ...DEFAULT_POOL_RULES, tierNoFollowUpDays: { A: 45, B: null, C: 10 } };
    await ctx.database.db.execute(
      sql`update customer_pools set rules = ${JSON.stringify(legacy)}::jsonb where id = ${pool.id}`,
    );
    const read = await p.clients.admin.get(`/api/v1/customer-pools/${pool.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().rules.tierNoFollowUpDays).toEqual({ A: 45, C: 10 });
  });
});
