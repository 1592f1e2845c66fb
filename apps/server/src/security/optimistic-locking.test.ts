import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/query.js';
import type { Client } from '../test/test-app.js';
import { useTestContext } from '../test/file-context.js';

const ctx = useTestContext();
let owner: Client;
let manager: Client;

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  const department = await ctx.createDepartment(orgId, 'Sales');
  owner = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.salesperson!], departmentId: department }));
  manager = await ctx.login(
    await ctx.createUser({ orgId, roleIds: [roleIds.sales_manager!], departmentId: department }),
  );
});

const updatesAudited = async (id: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'update'`,
    )
  )[0]!.n;

describe('optimistic locking (security D2)', () => {
  it('two concurrent edits with the same version: exactly one 200 and one 409, and the row is the winner’s', async () => {
    for (let round = 0; round < 5; round++) {
      const id = (await owner.post('/api/v1/customers', { kind: 'company', name: `并发测试${round}` })).json()
        .id as string;
      const [a, b] = await Promise.all([
        owner.patch(`/api/v1/customers/${id}`, { city: `甲城${round}`, version: 1 }),
        manager.patch(`/api/v1/customers/${id}`, { city: `乙城${round}`, version: 1 }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a : b;
      const loser = a.statusCode === 200 ? b : a;
      expect(loser.json().error.code).toBe('stale_version');
      const final = (await owner.get(`/api/v1/customers/${id}`)).json();
      expect(final.city).toBe(winner.json().city);
      expect(final.version).toBe(2);
      expect(await updatesAudited(id)).toBe(1);
    }
  });

  it('of many concurrent edits with the same version exactly one wins', async () => {
    const id = (await owner.post('/api/v1/customers', { kind: 'company', name: '多人并发测试' })).json().id as string;
    const clients = [owner, manager, owner, manager, owner, manager];
    const answers = await Promise.all(
      clients.map((c, i) => c.patch(`/api/v1/customers/${id}`, { remarks: `第${i}次`, version: 1 })),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(clients.length - 1);
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    expect((await owner.get(`/api/v1/customers/${id}`)).json()).toMatchObject({ remarks: winner.remarks, version: 2 });
  });

  it('a concurrent edit and delete never leave an edited row in the trash with a lost update', async () => {
    const id = (await owner.post('/api/v1/customers', { kind: 'company', name: '编辑删除并发' })).json().id as string;
    const [edit, remove] = await Promise.all([
      owner.patch(`/api/v1/customers/${id}`, { city: '成都', version: 1 }),
      manager.delete(`/api/v1/customers/${id}`),
    ]);
    expect(remove.statusCode).toBe(204);
    expect([200, 404]).toContain(edit.statusCode);
    const row = (
      await queryRows<{ city: string | null; version: number; deleted: boolean }>(
        ctx.database.db,
        sql`select city, version, deleted_at is not null as deleted from customers where id = ${id}`,
      )
    )[0]!;
    expect(row.deleted).toBe(true);
    expect(row.city).toBe(edit.statusCode === 200 ? '成都' : null);
    expect(row.version).toBe(edit.statusCode === 200 ? 3 : 2);
  });
});
