import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { approvalRequests, auditLog, ownershipEvents } from '../../platform/db/schema/index.js';
import { queryRows } from '../../platform/db/query.js';
import { usePersonas } from '../../test/file-context.js';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import type { Client, TestUser } from '../../test/test-app.js';

/* Issue 13 item 6: the hand-over of a leaving salesperson (离职交接), on both databases. */
const { ctx, p } = usePersonas({ customersEach: 3 });

let counter = 0;
const mobile = () => `1390000${String(1000 + counter++).padStart(4, '0')}`;

/** A salesperson of Sales-East holding one of everything the hand-over moves. */
async function leavingSalesperson() {
  const user = await ctx.createUser({
    orgId: p.orgId,
    roleIds: [p.roleIds.salesperson!],
    departmentId: p.departments.east,
    managerId: p.users.eastManager.id,
  });
  const client = await ctx.login(user);
  const customers: string[] = [];
  for (const name of ['交接甲公司', '交接乙公司', '交接丙公司', '交接丁公司']) {
    const created = await client.post('/api/v1/customers', { kind: 'company', name: `${name}${counter++}` });
    expect(created.statusCode, created.body).toBe(201);
    customers.push(created.json().id);
  }
  const lead = await client.post('/api/v1/leads', { name: '名片甲', mobile: mobile() });
  expect(lead.statusCode, lead.body).toBe(201);
  const opportunity = await client.post('/api/v1/opportunities', {
    customerId: customers[0],
    name: '交接项目',
    amountFen: 1_000_000,
  });
  expect(opportunity.statusCode, opportunity.body).toBe(201);
  const db = ctx.database.db;
  const productId = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 5_000 });
  await fx.warehouse(db, p.orgId);
  const order = await createOrder(client, { customerId: customers[1], lines: [{ productId, quantity: 1 }] });
  const task = await client.post('/api/v1/tasks', { title: '回访交接客户' });
  expect(task.statusCode, task.body).toBe(201);
  const approvalId = newId();
  await db.insert(approvalRequests).values({
    orgId: p.orgId,
    id: approvalId,
    businessType: 'expense',
    entityType: 'expense',
    entityId: newId(),
    title: '差旅报销（待离职人员审批）',
    steps: [
      { name: '经理审批', approverKind: 'users', userIds: [user.id], mode: 'any', resolvedApproverIds: [user.id] },
    ],
    currentApproverIds: [user.id],
    submittedBy: p.users.r2.id,
  });
  return {
    user,
    customers,
    leadId: lead.json().id as string,
    opportunityId: opportunity.json().id as string,
    orderId: order.id as string,
    taskId: task.json().id as string,
    approvalId,
  };
}

/** What the user still holds, by a direct query of every table the hand-over covers. */
async function heldBy(userId: string) {
  const [row] = await queryRows<Record<string, number>>(
    ctx.database.db,
    sql`select
      (select count(*)::int from customers where org_id = ${p.orgId} and owner_id = ${userId} and deleted_at is null) as customers,
      (select count(*)::int from leads where org_id = ${p.orgId} and owner_id = ${userId} and status <> 'converted' and deleted_at is null) as leads,
      (select count(*)::int from opportunities where org_id = ${p.orgId} and owner_id = ${userId} and status = 'open' and deleted_at is null) as opportunities,
      (select count(*)::int from orders where org_id = ${p.orgId} and owner_id = ${userId} and status not in ('completed', 'cancelled') and deleted_at is null) as orders,
      (select count(*)::int from tasks where org_id = ${p.orgId} and assignee_id = ${userId} and status = 'open' and deleted_at is null) as tasks,
      (select count(*)::int from approval_requests where org_id = ${p.orgId} and status = 'pending' and ${userId}::uuid = any(current_approver_ids)) as approvals`,
  );
  return row!;
}
const nothing = { customers: 0, leads: 0, opportunities: 0, orders: 0, tasks: 0, approvals: 0 };
const auditCount = async () =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId}`,
    )
  )[0]!.n;

describe('hand-over of a leaving salesperson', () => {
  let leaving: Awaited<ReturnType<typeof leavingSalesperson>>;
  let admin: Client;
  beforeAll(async () => {
    leaving = await leavingSalesperson();
    admin = p.clients.admin;
  });

  it('lists what the user holds, with counts', async () => {
    const response = await p.clients.eastManager.get(`/api/v1/users/${leaving.user.id}/handover`);
    expect(response.statusCode, response.body).toBe(200);
    const counts = Object.fromEntries(
      (response.json().groups as { group: string; count: number }[]).map((g) => [g.group, g.count]),
    );
    expect(counts).toEqual({ customers: 4, leads: 1, opportunities: 1, orders: 1, tasks: 1, approvals: 1 });
    expect(response.json().user).toMatchObject({ id: leaving.user.id, disabled: false });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await auditCount();
    const inactive = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.salesperson!] });
    await admin.patch(`/api/v1/users/${inactive.id}`, { disabled: true, version: 1 });
    const afterSetup = await auditCount();
    expect(afterSetup).toBeGreaterThan(before);
    const r1 = p.users.r1.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ customers: { userIds: [r1] } }, 'leads'],
      [{ ...allTo(r1), customers: { userIds: [leaving.user.id] } }, 'customers.userIds'],
      [{ ...allTo(r1), tasks: { userIds: [inactive.id] } }, 'tasks.userIds'],
      [{ ...allTo(r1), orders: { userIds: [newId()] } }, 'orders.userIds'],
      [{ ...allTo(r1), orders: { toPool: true } }, 'orders.toPool'],
      [{ ...allTo(r1), customers: { userIds: [r1], toPool: true } }, 'customers'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post(`/api/v1/users/${leaving.user.id}/handover`, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const english = await admin.request({
      method: 'POST',
      url: `/api/v1/users/${leaving.user.id}/handover`,
      payload: { ...allTo(r1), tasks: { userIds: [inactive.id] } },
      headers: { 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(400);
    expect(await auditCount()).toBe(afterSetup);
    expect(await heldBy(leaving.user.id)).toEqual({
      customers: 4,
      leads: 1,
      opportunities: 1,
      orders: 1,
      tasks: 1,
      approvals: 1,
    });
  });

  it('offers the users of the caller’s scope as candidates, never the caller', async () => {
    const response = await p.clients.eastManager.get('/api/v1/users/handover-candidates');
    expect(response.statusCode, response.body).toBe(200);
    const ids = (response.json().items as { id: string }[]).map((u) => u.id);
    expect(ids).toContain(leaving.user.id);
    expect(ids).toContain(p.users.r1.id);
    expect(ids).not.toContain(p.users.r3.id);
    expect(ids).not.toContain(p.users.eastManager.id);
  });

  it('a manager of another department gets 404 and changes nothing', async () => {
    const westManager = await ctx.createUser({
      orgId: p.orgId,
      roleIds: [p.roleIds.sales_manager!],
      departmentId: p.departments.west,
    });
    const client = await ctx.login(westManager);
    expect((await client.get(`/api/v1/users/${leaving.user.id}/handover`)).statusCode).toBe(404);
    const run = await client.post(`/api/v1/users/${leaving.user.id}/handover`, allTo(p.users.r3.id));
    expect(run.statusCode).toBe(404);
    expect((await heldBy(leaving.user.id)).customers).toBe(4);
    // A salesperson holds no hand-over right at all.
    expect((await p.clients.r2.get(`/api/v1/users/${leaving.user.id}/handover`)).statusCode).toBe(403);
  });

  it('moves everything in one run, writes audit and ownership events, and deactivates the user', async () => {
    const { r1, r2 } = p.users;
    const response = await p.clients.eastManager.post(`/api/v1/users/${leaving.user.id}/handover`, {
      customers: { userIds: [r1.id, r2.id] },
      leads: { toPool: true },
      opportunities: { userIds: [r1.id] },
      orders: { userIds: [r1.id] },
      tasks: { userIds: [r2.id] },
      approvals: { userIds: [p.users.eastManager.id] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.deactivated).toBe(true);
    const customers = result.groups.find((g: { group: string }) => g.group === 'customers');
    expect(customers.moved).toBe(4);
    expect(customers.recipients).toEqual([
      { userId: r1.id, displayName: expect.any(String), count: 2 },
      { userId: r2.id, displayName: expect.any(String), count: 2 },
    ]);
    expect(await heldBy(leaving.user.id)).toEqual(nothing);
    // The per-owner stage counters follow the customers (as for any assignment).
    const [counters] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select coalesce(sum(count), 0)::int as n from customer_stage_counts
           where org_id = ${p.orgId} and owner_key = ${leaving.user.id}::uuid`,
    );
    expect(counters!.n).toBe(0);

    const db = ctx.database.db;
    const events = await db
      .select()
      .from(ownershipEvents)
      .where(and(eq(ownershipEvents.orgId, p.orgId), eq(ownershipEvents.fromUserId, leaving.user.id)));
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event).toMatchObject({ kind: 'assign', actorId: p.users.eastManager.id, reason: 'handover' });
    }
    const audited = async (entityId: string) =>
      db
        .select({ action: auditLog.action, actorId: auditLog.actorId })
        .from(auditLog)
        .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entityId, entityId)));
    for (const id of [
      ...leaving.customers,
      leaving.leadId,
      leaving.opportunityId,
      leaving.orderId,
      leaving.taskId,
      leaving.approvalId,
    ]) {
      expect(await audited(id)).toContainEqual({
        action: expect.stringMatching(/^(assign|return)$/),
        actorId: p.users.eastManager.id,
      });
    }
    expect(await audited(leaving.user.id)).toContainEqual({ action: 'update', actorId: p.users.eastManager.id });

    const lead = (await admin.get(`/api/v1/leads/${leaving.leadId}`)).json();
    expect(lead).toMatchObject({ ownerId: null, status: 'new' });
    const order = (await admin.get(`/api/v1/orders/${leaving.orderId}`)).json();
    expect(order.ownerId).toBe(r1.id);
    const [approval] = await db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.orgId, p.orgId), eq(approvalRequests.id, leaving.approvalId)));
    expect(approval!.currentApproverIds).toEqual([p.users.eastManager.id]);

    // The user is disabled and signed out.
    expect((await admin.get(`/api/v1/users/${leaving.user.id}`)).json().disabled).toBe(true);
    expect((await ctx.login(leaving.user).catch(() => null)) === null).toBe(true);
  });

  it('running it again for a user with nothing left changes nothing', async () => {
    const before = await auditCount();
    const again = await p.clients.eastManager.post(`/api/v1/users/${leaving.user.id}/handover`, {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().deactivated).toBe(false);
    expect(again.json().groups.every((g: { moved: number }) => g.moved === 0)).toBe(true);
    expect(await auditCount()).toBe(before);
  });

  it('customers may go back to the pool as an ordinary return; one cannot hand over oneself', async () => {
    const other: TestUser = await ctx.createUser({
      orgId: p.orgId,
      roleIds: [p.roleIds.salesperson!],
      departmentId: p.departments.east,
    });
    const client = await ctx.login(other);
    const created = await client.post('/api/v1/customers', { kind: 'company', name: `退回公海公司${counter++}` });
    const id = created.json().id as string;
    const self = await admin.post(`/api/v1/users/${p.users.admin.id}/handover`, {});
    expect(self.statusCode).toBe(422);
    const run = await admin.post(`/api/v1/users/${other.id}/handover`, { customers: { toPool: true } });
    expect(run.statusCode, run.body).toBe(200);
    const ownership = (await admin.get(`/api/v1/customers/${id}`)).json();
    expect(ownership.ownerId).toBeNull();
    const [event] = await ctx.database.db
      .select()
      .from(ownershipEvents)
      .where(
        and(eq(ownershipEvents.orgId, p.orgId), eq(ownershipEvents.customerId, id), eq(ownershipEvents.kind, 'return')),
      );
    expect(event).toMatchObject({
      fromUserId: other.id,
      toUserId: null,
      reason: 'handover',
      actorId: p.users.admin.id,
    });
  });
});

/** Every group to one colleague. */
function allTo(userId: string) {
  const target = { userIds: [userId] };
  return { customers: target, leads: target, opportunities: target, orders: target, tasks: target, approvals: target };
}
