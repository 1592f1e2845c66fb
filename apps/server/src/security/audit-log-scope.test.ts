import type { AuditEntry } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/query.js';
import { createOtherOrgAdmin } from '../test/personas.js';
import type { Client, TestUser } from '../test/test-app.js';
import { usePersonas } from '../test/file-context.js';

/*
 * security A2/A9 for the audit log (issue 10, defect 4): a reader sees the history of exactly the
 * records their data scope and module permissions let them read, without the fields their role
 * hides — compared with a direct SQL query of the expected set.
 */
const { ctx, p } = usePersonas({ customersEach: 1 });
let auditor: TestUser;
let auditorClient: Client;
let deptAuditorClient: Client;
let otherAdmin: Client;
const mine: Record<string, string> = {};
const SECRET_PHONE = '13911110000';
const SECRET_MOBILE = '13922227777';
const SECRET_EMAIL = 'secret.mail@example.cn';
const SECRET_REMARK = '只给有权限的人看的备注';

/** The record types this test writes whose visibility follows the record; the rest is organization-wide. */
const RECORD_TYPES = ['customer', 'contact', 'lead', 'follow_up', 'user'];

async function readAll(client: Client, query = ''): Promise<AuditEntry[]> {
  const items: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const response = await client.get(`/api/v1/audit-log?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: AuditEntry[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

/** The entries of records owned by `owners` (and their children), plus what `actorId` did organization-wide. */
async function expectedIds(options: { owners: string[]; actorId: string; withLeads: boolean }): Promise<string[]> {
  const owners = sql.join(
    options.owners.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select a.id::text as id from audit_log a where a.org_id = ${p.orgId} and (
          (a.entity = 'customer' and a.entity_id in (select c.id::text from customers c where c.org_id = ${p.orgId} and c.owner_id in (${owners})))
       or (a.entity = 'contact' and a.entity_id in (select ct.id::text from contacts ct join customers c on c.org_id = ct.org_id and c.id = ct.customer_id
                                                     where ct.org_id = ${p.orgId} and c.owner_id in (${owners})))
       or (${options.withLeads} and a.entity = 'lead' and a.entity_id in (select l.id::text from leads l where l.org_id = ${p.orgId} and l.owner_id in (${owners})))
       or (a.entity = 'follow_up' and a.entity_id in (select f.id::text from follow_ups f join customers c on c.org_id = f.org_id and c.id = f.customer_id
                                                       where f.org_id = ${p.orgId} and c.owner_id in (${owners})))
       or (a.entity = 'user' and a.entity_id in (select u.id::text from users u where u.org_id = ${p.orgId} and u.id in (${owners})))
       or (a.entity not in (${sql.join(
         RECORD_TYPES.map((t) => sql`${t}`),
         sql`, `,
       )}) and a.actor_id = ${options.actorId}))`,
  );
  return rows.map((r) => r.id).sort();
}

beforeAll(async () => {
  const { admin } = p.clients;
  const reading = ['audit.view', 'customers.view', 'contacts.view', 'followups.view', 'users.view'] as const;
  const ownRole = await ctx.createRole(p.orgId, {
    code: 'own_auditor',
    permissions: [...reading, 'leads.view'],
    dataScope: 'own',
    fieldPermissions: { 'customers.phone': 'hidden', 'customers.email': 'hidden', 'customers.remarks': 'hidden' },
  });
  // No leads.view: lead history stays closed to it whatever the scope.
  const deptRole = await ctx.createRole(p.orgId, {
    code: 'dept_auditor',
    permissions: [...reading],
    dataScope: 'department',
  });
  auditor = await ctx.createUser({ orgId: p.orgId, roleIds: [ownRole], departmentId: p.departments.east });
  auditorClient = await ctx.login(auditor);
  deptAuditorClient = await ctx.login(
    await ctx.createUser({ orgId: p.orgId, roleIds: [deptRole], departmentId: p.departments.east }),
  );
  otherAdmin = (await createOtherOrgAdmin(ctx)).client;

  const created = async (url: string, body: object) => {
    const response = await admin.post(url, body);
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.body}`);
    return response.json() as { id: string; version: number };
  };
  // The auditor's own customer, edited by the admin: hidden values in before and after.
  const customer = await created('/api/v1/customers', {
    kind: 'company',
    name: '审计可见贸易有限公司',
    ownerId: auditor.id,
    phone: '13800009999',
  });
  mine.customer = customer.id;
  const edited = await admin.patch(`/api/v1/customers/${customer.id}`, {
    phone: SECRET_PHONE,
    email: SECRET_EMAIL,
    remarks: SECRET_REMARK,
    city: '杭州',
    version: customer.version,
  });
  expect(edited.statusCode, edited.body).toBe(200);
  const contact = await created('/api/v1/contacts', {
    customerId: customer.id,
    name: '可见联系人',
    mobile: SECRET_MOBILE,
    wechat: 'secret-wechat',
    email: SECRET_EMAIL,
    remarks: SECRET_REMARK,
  });
  mine.contact = contact.id;
  await created('/api/v1/follow-ups', { type: 'call', content: '电话沟通报价', customerId: customer.id });
  const lead = await created('/api/v1/leads', {
    name: '展会线索',
    ownerId: auditor.id,
    mobile: SECRET_MOBILE,
    email: SECRET_EMAIL,
    remarks: SECRET_REMARK,
  });
  mine.lead = lead.id;
  // A deleted customer keeps its history for those whose scope covers it.
  const gone = await created('/api/v1/customers', { kind: 'company', name: '已删除贸易有限公司', ownerId: auditor.id });
  mine.deleted = gone.id;
  expect((await admin.delete(`/api/v1/customers/${gone.id}`)).statusCode).toBe(204);

  // Others' records: a West salesperson's customer with a contact and a follow-up, a lead, a role change.
  const west = p.customers.r3[0]!;
  await created('/api/v1/contacts', { customerId: west, name: '西区联系人', mobile: '13922228888' });
  await created('/api/v1/follow-ups', { type: 'call', content: '西区电话', customerId: west });
  await created('/api/v1/leads', { name: '别人的线索', ownerId: p.users.r3.id, mobile: '13922229999' });
  const role = (await admin.get('/api/v1/roles')).json().items.find((r: { code: string }) => r.code === 'clerk');
  expect(
    (await admin.patch(`/api/v1/roles/${role.id}`, { description: '录入', version: role.version })).statusCode,
  ).toBe(200);
  // Organization-wide records: the auditor sees its own saved view, not r1's.
  expect(
    (
      await auditorClient.post('/api/v1/saved-views', {
        module: 'customers',
        name: '我的',
        query: { stage: 'prospect' },
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await p.clients.r1.post('/api/v1/saved-views', {
        module: 'customers',
        name: 'r1的',
        query: { stage: 'prospect' },
      })
    ).statusCode,
  ).toBe(201);
  // The other organization has history of its own.
  expect(
    (await otherAdmin.post('/api/v1/customers', { kind: 'company', name: '另一家贸易有限公司', phone: '13800007777' }))
      .statusCode,
  ).toBe(201);
});

describe('audit log: data scope (security A2)', () => {
  it('a reader with own scope sees exactly the history of their own customers, contacts, follow-ups, leads and their own actions', async () => {
    const seen = await readAll(auditorClient);
    expect(ids(seen)).toEqual(await expectedIds({ owners: [auditor.id], actorId: auditor.id, withLeads: true }));
    const entities = new Set(seen.map((e) => `${e.entity}:${e.entityId}`));
    for (const id of [mine.customer, mine.deleted]) expect(entities.has(`customer:${id}`)).toBe(true);
    expect(entities.has(`contact:${mine.contact}`)).toBe(true);
    expect(entities.has(`lead:${mine.lead}`)).toBe(true);
    expect(seen.some((e) => e.entity === 'customer' && e.entityId === mine.deleted && e.action === 'delete')).toBe(
      true,
    );
    expect(seen.some((e) => e.entity === 'role')).toBe(false);
    expect(seen.filter((e) => e.entity === 'saved_view').map((e) => e.actorId)).toEqual([auditor.id]);
    expect(seen.some((e) => e.entityId === p.customers.r3[0])).toBe(false);
  });

  it('a department-scope reader sees the department’s records, and no lead history without leads.view', async () => {
    const east = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id::text as id from users where org_id = ${p.orgId} and department_id = ${p.departments.east}`,
    );
    const seen = await readAll(deptAuditorClient);
    const deptReader = (await deptAuditorClient.get('/api/v1/auth/me')).json().id as string;
    expect(ids(seen)).toEqual(
      await expectedIds({ owners: east.map((u) => u.id), actorId: deptReader, withLeads: false }),
    );
    expect(seen.some((e) => e.entity === 'customer' && e.entityId === p.customers.r1[0])).toBe(true);
    expect(seen.some((e) => e.entity === 'customer' && e.entityId === p.customers.r3[0])).toBe(false);
    expect(seen.some((e) => e.entity === 'lead')).toBe(false);
  });

  it('an administrator sees the whole organization’s history, including hidden-field values and role changes', async () => {
    const seen = await readAll(p.clients.admin);
    const all = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id::text as id from audit_log where org_id = ${p.orgId}`,
    );
    expect(ids(seen)).toEqual(all.map((r) => r.id).sort());
    expect(JSON.stringify(seen)).toContain(SECRET_PHONE);
    expect(seen.some((e) => e.entity === 'role' && e.action === 'update')).toBe(true);
  });

  it('another organization’s administrator never sees this organization’s entries, and the reverse', async () => {
    const theirs = await readAll(otherAdmin);
    const ours = new Set(ids(await readAll(p.clients.admin)));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.filter((e) => ours.has(e.id))).toEqual([]);
    expect((await otherAdmin.get(`/api/v1/audit-log?entity=customer&entityId=${mine.customer}`)).json().items).toEqual(
      [],
    );
  });
});

describe('audit log: hidden fields (security A9)', () => {
  it('never shows a field the reader’s role hides, in before or after, for customers, contacts and leads', async () => {
    const seen = await readAll(auditorClient);
    const text = JSON.stringify(seen);
    for (const secret of [SECRET_PHONE, SECRET_MOBILE, SECRET_EMAIL, SECRET_REMARK, 'secret-wechat'])
      expect(text).not.toContain(secret);
    const keys = (value: unknown): string[] => (value && typeof value === 'object' ? Object.keys(value) : []);
    for (const entry of seen.filter((e) => ['customer', 'contact', 'lead'].includes(e.entity))) {
      for (const field of ['phone', 'mobile', 'wechat', 'email', 'remarks']) {
        expect(keys(entry.before), `${entry.entity} ${entry.action}`).not.toContain(field);
        expect(keys(entry.after), `${entry.entity} ${entry.action}`).not.toContain(field);
      }
    }
    const update = seen.find((e) => e.entity === 'customer' && e.entityId === mine.customer && e.action === 'update')!;
    expect(update.after).toMatchObject({ city: '杭州' });
    expect(update.entityName).toBe('审计可见贸易有限公司');
  });

  it('shows the same values to a reader whose role hides nothing', async () => {
    const seen = await readAll(deptAuditorClient, `&entity=customer&entityId=${mine.customer}`);
    const update = seen.find((e) => e.action === 'update')!;
    expect(update.after).toMatchObject({ phone: SECRET_PHONE, email: SECRET_EMAIL, remarks: SECRET_REMARK });
  });
});

describe('audit log: filters', () => {
  it('filters by person, record type, record, action and local days, each narrowing to matching entries', async () => {
    const admin = p.clients.admin;
    const byActor = await readAll(admin, `&actorId=${auditor.id}`);
    expect(byActor.length).toBeGreaterThan(0);
    expect(new Set(byActor.map((e) => e.actorId))).toEqual(new Set([auditor.id]));
    const contacts = await readAll(admin, '&entity=contact');
    expect(contacts.length).toBe(2);
    expect(new Set(contacts.map((e) => e.entity))).toEqual(new Set(['contact']));
    const one = await readAll(admin, `&entity=customer&entityId=${mine.customer}&action=update`);
    expect(one.map((e) => [e.action, e.entityId])).toEqual([['update', mine.customer]]);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
    expect((await readAll(admin, `&from=${today}&to=${today}&entity=contact`)).length).toBe(2);
    expect(await readAll(admin, `&from=${nextYear}`)).toEqual([]);
    expect(await readAll(admin, `&to=2000-01-01`)).toEqual([]);
  });

  it('answers 400 naming the field for values outside the allow-lists, never 500', async () => {
    const cases: [string, string][] = [
      ['actorId=someone', 'actorId'],
      ['entity=customers;drop', 'entity'],
      ['action=truncate', 'action'],
      ["entityId=x' or '1'='1", 'entityId'],
      ['from=2024-13-01', 'from'],
      ['from=0000-01-01', 'from'],
      ['to=9999-12-31', 'to'],
      ['from=2025-03-02&to=2025-03-01', 'to'],
      ['sort=at', 'sort'],
    ];
    for (const [query, field] of cases) {
      const response = await p.clients.admin.get(`/api/v1/audit-log?${encodeURI(query)}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json().error.fields.map((f: { field: string }) => f.field),
        query,
      ).toContain(field);
    }
  });
});
