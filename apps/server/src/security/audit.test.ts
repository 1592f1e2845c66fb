import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/query.js';
import type { Client } from '../test/test-app.js';
import { useTestContext } from '../test/file-context.js';

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

const ctx = useTestContext();
let manager: Client;

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  manager = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.sales_manager!] }));
  // A way to make the audit insert fail on demand: the trigger raises for any marked value.
  await ctx.database.db.execute(sql`create table audit_fail_markers (value text primary key)`);
  await ctx.database.db.execute(sql`
    create function audit_fail_on_marker() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from audit_fail_markers m
                  where m.value in (new.entity_id, new.after->>'name', new.after->>'city')) then
        raise exception 'forced audit failure';
      end if;
      return new;
    end $$`);
  await ctx.database.db.execute(
    sql`create trigger audit_fail before insert on audit_log for each row execute function audit_fail_on_marker()`,
  );
});

const auditOf = (id: string) =>
  queryRows<AuditRow>(
    ctx.database.db,
    sql`select actor_id::text as actor_id, action, entity, entity_id, before, after, request_id
          from audit_log where entity = 'customer' and entity_id = ${id} order by at, id`,
  );
const customerRow = async (id: string) =>
  (await queryRows<Record<string, unknown>>(ctx.database.db, sql`select * from customers where id = ${id}`))[0];
const countCustomersNamed = async (name: string) =>
  (
    await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from customers where name = ${name}`)
  )[0]!.n;
const failOn = (value: string) =>
  ctx.database.db.execute(sql`insert into audit_fail_markers (value) values (${value})`);

describe('audit trail (security D1)', () => {
  it('create, update, delete and restore each write exactly one audit row with actor, before and after', async () => {
    const created = await manager.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'x-request-id': 'audit-create-1' },
      payload: { kind: 'company', name: '审计测试有限公司', city: '苏州' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    let rows = await auditOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'create',
      actor_id: manager.user.id,
      before: null,
      request_id: 'audit-create-1',
    });
    expect(rows[0]!.after).toMatchObject({ name: '审计测试有限公司', city: '苏州', ownerId: manager.user.id });

    expect((await manager.patch(`/api/v1/customers/${id}`, { city: '无锡', version: 1 })).statusCode).toBe(200);
    rows = await auditOf(id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ action: 'update', actor_id: manager.user.id });
    expect(rows[1]!.before).toMatchObject({ city: '苏州', version: 1 });
    expect(rows[1]!.after).toMatchObject({ city: '无锡', version: 2 });

    expect((await manager.delete(`/api/v1/customers/${id}`)).statusCode).toBe(204);
    rows = await auditOf(id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ action: 'delete', actor_id: manager.user.id });

    expect((await manager.post(`/api/v1/customers/${id}/restore`, {})).statusCode).toBe(200);
    rows = await auditOf(id);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ action: 'restore', actor_id: manager.user.id, after: { deletedAt: null } });
  });

  it('a refused change writes no audit row', async () => {
    const id = (await manager.post('/api/v1/customers', { kind: 'person', name: '拒绝测试' })).json().id as string;
    expect((await manager.patch(`/api/v1/customers/${id}`, { city: '南京', version: 7 })).statusCode).toBe(409);
    expect((await manager.patch(`/api/v1/customers/${id}`, { phone: '123', version: 1 })).statusCode).toBe(400);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it('a failing audit insert leaves no new customer behind', async () => {
    await failOn('审计失败新建公司');
    const response = await manager.post('/api/v1/customers', { kind: 'company', name: '审计失败新建公司' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal');
    expect(await countCustomersNamed('审计失败新建公司')).toBe(0);
  });

  it('a failing audit insert leaves an update undone', async () => {
    const id = (
      await manager.post('/api/v1/customers', { kind: 'company', name: '审计失败更新公司', city: '上海' })
    ).json().id as string;
    const before = await customerRow(id);
    await failOn('审计失败城市');
    expect((await manager.patch(`/api/v1/customers/${id}`, { city: '审计失败城市', version: 1 })).statusCode).toBe(500);
    expect(await customerRow(id)).toEqual(before);
    expect(await auditOf(id)).toHaveLength(1);
    // The row is not left locked: the next edit goes through.
    expect((await manager.patch(`/api/v1/customers/${id}`, { city: '杭州', version: 1 })).statusCode).toBe(200);
  });

  it('a failing audit insert leaves a delete undone', async () => {
    const id = (await manager.post('/api/v1/customers', { kind: 'company', name: '审计失败删除公司' })).json()
      .id as string;
    const before = await customerRow(id);
    await failOn(id);
    expect((await manager.delete(`/api/v1/customers/${id}`)).statusCode).toBe(500);
    expect(await customerRow(id)).toEqual(before);
    expect((await manager.get(`/api/v1/customers/${id}`)).statusCode).toBe(200);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['create']);
  });

  it('the audit log keeps no secrets: sign-in and password changes record no password or token', async () => {
    await manager.post('/api/v1/auth/password', {
      currentPassword: 'correct-horse-battery',
      newPassword: 'audit log stays clean 9',
    });
    const { token } = (await manager.post('/api/v1/auth/tokens', { name: 'audit' })).json();
    const rows = await queryRows<{ dump: string }>(
      ctx.database.db,
      sql`select coalesce(string_agg(before::text || after::text, ' '), '') as dump from audit_log`,
    );
    expect(rows[0]!.dump).not.toContain('audit log stays clean 9');
    expect(rows[0]!.dump).not.toContain('correct-horse-battery');
    expect(rows[0]!.dump).not.toContain(token);
    expect(rows[0]!.dump).not.toContain('$argon2');
  });
});
