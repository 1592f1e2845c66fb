import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin, createPersonas, type Personas } from '../../test/personas.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';

let ctx: TestContext;
let p: Personas;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await createPersonas(ctx, { customersEach: 3 });
});
afterAll(() => ctx.close());

const log = async (customerId: string) => (await p.clients.admin.get(`/api/v1/customers/${customerId}/stage-transitions`)).json().items;
const stageOf = async (customerId: string) => (await p.clients.admin.get(`/api/v1/customers/${customerId}`)).json().stage;

describe('transition log', () => {
  it('starts with the stage the customer was created in, by its creator', async () => {
    const items = await log(p.customers.r1[0]!);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ from: null, to: 'prospect', actorId: p.users.r1.id, triggeringEvent: 'customer.created' });
  });

  it('answers 404 for a customer outside the caller scope', async () => {
    expect((await p.clients.r2.get(`/api/v1/customers/${p.customers.r1[0]}/stage-transitions`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/customers/${p.customers.r1[0]}/stage-transitions`)).statusCode).toBe(200);
  });
});

describe('manual moves', () => {
  it('moves a customer with a reason and logs who and why', async () => {
    const id = p.customers.r1[0]!;
    const response = await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested', reason: '客户来电咨询报价' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ from: 'prospect', to: 'interested', actorId: p.users.r1.id, reason: '客户来电咨询报价', approverId: null });
    expect(await stageOf(id)).toBe('interested');
    const audit = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId} and entity = 'customer' and entity_id = ${id} and action = 'stage_change'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('requires a reason and a different stage', async () => {
    const id = p.customers.r1[1]!;
    const blank = await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('reason');
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested' })).statusCode).toBe(400);
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'prospect', reason: 'x' })).statusCode).toBe(422);
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'nowhere', reason: 'x' })).statusCode).toBe(400);
    expect(await log(id)).toHaveLength(1);
  });

  it('another salesperson cannot move the customer: 404 and nothing changes', async () => {
    const id = p.customers.r1[1]!;
    const response = await p.clients.r2.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested', reason: 'x' });
    expect(response.statusCode).toBe(404);
    expect(await stageOf(id)).toBe('prospect');
  });

  it('a role without lifecycle.move gets 403', async () => {
    const response = await p.clients.warehouse.post(`/api/v1/customers/${p.customers.r1[1]}/stage-transitions`, { to: 'interested', reason: 'x' });
    expect(response.statusCode).toBe(403);
  });
});

describe('approval of "lost"', () => {
  let requestId: string;
  const customerId = () => p.customers.r1[2]!;

  it("R1's move to lost waits for the East manager; the customer stays put", async () => {
    const response = await p.clients.r1.post(`/api/v1/customers/${customerId()}/stage-transitions`, { to: 'lost', reason: '客户已倒闭' });
    expect(response.statusCode).toBe(202);
    const request = response.json();
    expect(request).toMatchObject({ status: 'pending', from: 'prospect', to: 'lost', approverIds: [p.users.eastManager.id], requestedBy: p.users.r1.id });
    requestId = request.id;
    expect(await stageOf(customerId())).toBe('prospect');
    const again = await p.clients.r1.post(`/api/v1/customers/${customerId()}/stage-transitions`, { to: 'lost', reason: 'again' });
    expect(again.statusCode).toBe(409);
  });

  it('the manager gets a to-do and a notification; R2 sees nothing', async () => {
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos.map((t: { entityId: string }) => t.entityId)).toContain(requestId);
    const notifications = (await p.clients.eastManager.get('/api/v1/notifications?unread=true')).json().items;
    expect(notifications.find((n: { entityId: string }) => n.entityId === requestId)).toMatchObject({ kind: 'stage_approval_requested' });
    expect((await p.clients.r2.get('/api/v1/stage-transition-requests')).json().items).toEqual([]);
    expect((await p.clients.eastManager.get('/api/v1/stage-transition-requests?status=pending')).json().items[0].id).toBe(requestId);
  });

  it('R2 and the requester cannot approve it (404), another org neither', async () => {
    expect((await p.clients.r2.post(`/api/v1/stage-transition-requests/${requestId}/approve`, {})).statusCode).toBe(403);
    expect((await p.clients.head.post(`/api/v1/stage-transition-requests/${requestId}/approve`, {})).statusCode).toBe(404);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.post(`/api/v1/stage-transition-requests/${requestId}/approve`, {})).statusCode).toBe(404);
    expect(await stageOf(customerId())).toBe('prospect');
  });

  it('the East manager approves: the customer is lost and the transition shows the approver', async () => {
    const response = await p.clients.eastManager.post(`/api/v1/stage-transition-requests/${requestId}/approve`, { comment: '同意' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'approved', decidedBy: p.users.eastManager.id, comment: '同意' });
    expect(await stageOf(customerId())).toBe('lost');
    const last = (await log(customerId())).at(-1);
    expect(last).toMatchObject({
      from: 'prospect',
      to: 'lost',
      actorId: p.users.r1.id,
      approverId: p.users.eastManager.id,
      approverName: p.users.eastManager.username,
      reason: '客户已倒闭',
    });
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos.map((t: { entityId: string }) => t.entityId)).not.toContain(requestId);
    const told = (await p.clients.r1.get('/api/v1/notifications')).json().items;
    expect(told.find((n: { kind: string }) => n.kind === 'stage_approval_decided').params).toMatchObject({ decision: 'approved' });
    expect((await p.clients.eastManager.post(`/api/v1/stage-transition-requests/${requestId}/approve`, {})).statusCode).toBe(404);
  });

  it('a rejected request leaves the customer in its stage and needs a comment', async () => {
    const id = p.customers.r2[0]!;
    const request = (await p.clients.r2.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'lost', reason: '联系不上' })).json();
    expect((await p.clients.eastManager.post(`/api/v1/stage-transition-requests/${request.id}/reject`, {})).statusCode).toBe(400);
    const rejected = await p.clients.eastManager.post(`/api/v1/stage-transition-requests/${request.id}/reject`, { comment: '再跟进一次' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    expect(await stageOf(id)).toBe('prospect');
    expect(await log(id)).toHaveLength(1);
  });

  it("a manager's own move of a report's customer to lost applies at once, with the manager as approver", async () => {
    const id = p.customers.r2[1]!;
    const response = await p.clients.eastManager.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'lost', reason: '重复客户' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ to: 'lost', actorId: p.users.eastManager.id, approverId: p.users.eastManager.id });
  });

  it('a stage change cancels a pending request and closes its to-do', async () => {
    const id = p.customers.r2[2]!;
    const request = (await p.clients.r2.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'lost', reason: '预算取消' })).json();
    expect((await p.clients.r2.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested', reason: '又有需求' })).statusCode).toBe(201);
    const mine = (await p.clients.r2.get('/api/v1/stage-transition-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id).status).toBe('cancelled');
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos.map((t: { entityId: string }) => t.entityId)).not.toContain(request.id);
    expect((await p.clients.eastManager.post(`/api/v1/stage-transition-requests/${request.id}/approve`, {})).statusCode).toBe(404);
  });
});
