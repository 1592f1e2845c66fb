import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/query.js';
import type { Personas } from '../test/personas.js';
import type { Client } from '../test/test-app.js';
import { usePersonas } from '../test/file-context.js';

type Persona = keyof Personas['users'];
const PERSONAS: Persona[] = [
  'admin',
  'head',
  'eastManager',
  'r1',
  'r2',
  'r3',
  'clerk',
  'finance',
  'warehouse',
  'service',
];

const { ctx, p } = usePersonas();
let deletedOfR1: string;
let officeCustomer: string;

beforeAll(async () => {
  // Owners outside the sales departments, and a soft-deleted row, so that every scope has
  // something to leave out.
  await p.clients.clerk.post('/api/v1/customers', {
    kind: 'company',
    name: '录入员贸易有限公司',
    phone: '13800009991',
  });
  officeCustomer = (
    await p.clients.admin.post('/api/v1/customers', { kind: 'company', name: '总部直属客户', phone: '13800009992' })
  ).json().id;
  deletedOfR1 = (await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '将删除贸易公司' })).json().id;
  expect((await p.clients.eastManager.delete(`/api/v1/customers/${deletedOfR1}`)).statusCode).toBe(204);
});

/** The owner condition each persona's data scope stands for, written out by hand from the org chart. */
function ownerCondition(persona: Persona): SQL {
  const self = p.users[persona].id;
  const inDepartments = (ids: string[]) =>
    sql`(u.department_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) or c.owner_id = ${self})`;
  switch (persona) {
    case 'head':
      return inDepartments([p.departments.sales, p.departments.east, p.departments.west]);
    case 'eastManager':
      return inDepartments([p.departments.east]);
    case 'r1':
    case 'r2':
    case 'r3':
      return sql`c.owner_id = ${self}`;
    default:
      return sql`true`;
  }
}

async function expected(persona: Persona, extra: SQL = sql`true`, deleted = false): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select c.id::text as id from customers c
          left join users u on u.org_id = c.org_id and u.id = c.owner_id
         where c.org_id = ${p.orgId} and ${ownerCondition(persona)} and ${extra}
           and c.deleted_at is ${deleted ? sql`not null` : sql`null`}`,
  );
  return rows.map((r) => r.id).sort();
}

async function listed(client: Client, query: string): Promise<{ ids: string[]; total: number }> {
  const response = await client.get(`/api/v1/customers?limit=200${query}`);
  expect(response.statusCode, query).toBe(200);
  const body = response.json() as { items: { id: string }[]; total: number; nextCursor: string | null };
  expect(body.nextCursor).toBeNull();
  return { ids: body.items.map((c) => c.id).sort(), total: body.total };
}

describe('every persona lists exactly its scope (security A2)', () => {
  it('the customer list matches a direct SQL query of the expected set', async () => {
    for (const persona of PERSONAS) {
      const want = await expected(persona);
      expect(want.length, persona).toBeGreaterThan(0);
      const got = await listed(p.clients[persona], '');
      expect(got.ids, persona).toEqual(want);
      expect(got.total, persona).toBe(want.length);
    }
  });

  it('totals counted across pages match the expected set', async () => {
    for (const persona of PERSONAS) {
      const want = await expected(persona);
      const body = (await p.clients[persona].get('/api/v1/customers?limit=2')).json();
      expect(body.total, persona).toBe(want.length);
      expect(body.totalIsEstimate, persona).toBe(false);
    }
  });

  it('search by name matches the expected set', async () => {
    for (const persona of PERSONAS) {
      const want = await expected(persona, sql`c.name like '%贸易%'`);
      const got = await listed(p.clients[persona], `&q=${encodeURIComponent('贸易')}`);
      expect(got.ids, persona).toEqual(want);
      expect(got.total, persona).toBe(want.length);
    }
  });

  it('search by phone prefix and suffix matches the expected set, and never for a hidden phone', async () => {
    for (const persona of PERSONAS) {
      // The service persona's role and the warehouse template both hide the phone field.
      const phoneVisible = persona !== 'service' && persona !== 'warehouse';
      const prefix = await listed(p.clients[persona], '&q=1380000');
      expect(prefix.ids, persona).toEqual(phoneVisible ? await expected(persona, sql`c.phone like '1380000%'`) : []);
      const suffix = await listed(p.clients[persona], '&q=0003');
      expect(suffix.ids, persona).toEqual(phoneVisible ? await expected(persona, sql`c.phone like '%0003'`) : []);
    }
  });

  it('filtering by an owner never reaches past the scope', async () => {
    for (const persona of PERSONAS) {
      const got = await listed(p.clients[persona], `&ownerId=${p.users.r2.id}`);
      expect(got.ids, persona).toEqual(await expected(persona, sql`c.owner_id = ${p.users.r2.id}`));
    }
  });

  it('the trash lists only deleted rows within scope', async () => {
    for (const persona of PERSONAS) {
      const got = await listed(p.clients[persona], '&deleted=true');
      expect(got.ids, persona).toEqual(await expected(persona, sql`true`, true));
    }
    expect((await listed(p.clients.r3, '&deleted=true')).ids).not.toContain(deletedOfR1);
  });
});

describe('out-of-scope access by id (security A1, A3)', () => {
  async function snapshot(id: string) {
    const rows = await queryRows<Record<string, unknown>>(
      ctx.database.db,
      sql`select c.*, (select count(*)::int from audit_log a where a.entity = 'customer' and a.entity_id = ${id}) as audit_rows
            from customers c where c.id = ${id}`,
    );
    return JSON.stringify(rows[0]);
  }

  const cases: [Persona, () => string][] = [
    ['r1', () => p.customers.r2[0]!],
    ['r3', () => p.customers.r1[1]!],
    ['r2', () => p.customers.eastManager[0]!],
    ['eastManager', () => p.customers.r3[0]!],
    ['eastManager', () => p.customers.head[0]!],
    ['head', () => officeCustomer],
  ];

  it('GET, PATCH (with the right version) and DELETE answer 404 and leave row, version and audit log unchanged', async () => {
    for (const [persona, target] of cases) {
      const id = target();
      const before = await snapshot(id);
      const client = p.clients[persona];
      const version = (await p.clients.admin.get(`/api/v1/customers/${id}`)).json().version;
      expect((await client.get(`/api/v1/customers/${id}`)).statusCode, persona).toBe(404);
      expect((await client.patch(`/api/v1/customers/${id}`, { name: '越权修改', version })).statusCode, persona).toBe(
        404,
      );
      expect(
        (await client.patch(`/api/v1/customers/${id}`, { ownerId: p.users[persona].id, version })).statusCode,
        persona,
      ).toBe(404);
      const deletion = await client.delete(`/api/v1/customers/${id}`);
      const hasDeleteRight = ['eastManager', 'head'].includes(persona);
      expect(deletion.statusCode, persona).toBe(hasDeleteRight ? 404 : 403);
      expect(await snapshot(id), persona).toBe(before);
    }
  });

  it('the 404 is the same as for an id that does not exist', async () => {
    const outOfScope = await p.clients.r1.get(`/api/v1/customers/${p.customers.r2[0]}`);
    const missing = await p.clients.r1.get('/api/v1/customers/01890000-0000-7000-8000-000000000000');
    expect(outOfScope.json().error.code).toBe(missing.json().error.code);
    expect(outOfScope.json().error.message).toBe(missing.json().error.message);
  });

  it('restoring a deleted customer out of scope answers 404 and leaves it in the trash', async () => {
    const before = await snapshot(deletedOfR1);
    const westHead = await ctx.createUser({
      orgId: p.orgId,
      roleIds: [p.roleIds.sales_manager!],
      departmentId: p.departments.west,
    });
    const client = await ctx.login(westHead);
    expect((await client.post(`/api/v1/customers/${deletedOfR1}/restore`, {})).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/customers/${deletedOfR1}`)).statusCode).toBe(404);
    expect(await snapshot(deletedOfR1)).toBe(before);
  });
});

describe('organizations are isolated (security A11)', () => {
  let otherAdmin: Client;
  let otherCustomer: string;

  beforeAll(async () => {
    const other = await ctx.createOrg();
    otherAdmin = await ctx.login(await ctx.createUser({ orgId: other.orgId, roleIds: [other.roleIds.admin!] }));
    otherCustomer = (
      await otherAdmin.post('/api/v1/customers', { kind: 'company', name: '二号组织贸易公司', phone: '13800000001' })
    ).json().id;
  });

  it('a second organization’s admin lists and searches none of org 1’s customers', async () => {
    for (const query of [
      '',
      '&q=' + encodeURIComponent('贸易'),
      '&q=1380000',
      '&deleted=true',
      `&ownerId=${p.users.r1.id}`,
    ]) {
      const got = await listed(otherAdmin, query);
      const expectedIds = query === '&deleted=true' || query.startsWith('&ownerId') ? [] : [otherCustomer];
      expect(got.ids, query).toEqual(expectedIds);
      expect(got.total, query).toBe(expectedIds.length);
    }
  });

  it('a second organization’s admin cannot read, change, delete or restore org 1’s customers', async () => {
    const id = p.customers.r1[2]!;
    const row = async () =>
      JSON.stringify(await queryRows(ctx.database.db, sql`select * from customers where id = ${id}`));
    const before = await row();
    expect((await otherAdmin.get(`/api/v1/customers/${id}`)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/customers/${id}`, { name: '跨组织', version: 1 })).statusCode).toBe(404);
    expect((await otherAdmin.delete(`/api/v1/customers/${id}`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/api/v1/customers/${deletedOfR1}/restore`, {})).statusCode).toBe(404);
    expect(await row()).toBe(before);
  });

  it('a second organization’s admin cannot hand a customer to a user of org 1, nor see org 1 in theirs', async () => {
    const response = await otherAdmin.post('/api/v1/customers', {
      kind: 'company',
      name: '挂靠公司',
      ownerId: p.users.r1.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('ownerId');
    expect((await p.clients.admin.get(`/api/v1/customers/${otherCustomer}`)).statusCode).toBe(404);
    expect((await listed(p.clients.admin, '')).ids).not.toContain(otherCustomer);
  });
});
