import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin } from '../../test/personas.js';
import { usePersonas } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';

const { ctx, p } = usePersonas({ customersEach: 3 });

const log = async (customerId: string) =>
  (await p.clients.admin.get(`/api/v1/customers/${customerId}/stage-transitions`)).json().items;
/** Asks, as the client's user, to move a customer to another stage. */
const move = (client: Client, customerId: string, body: { to: string; reason?: string }) =>
  client.post(`/api/v1/customers/${customerId}/stage-transitions`, body);
const stageOf = async (customerId: string) =>
  (await p.clients.admin.get(`/api/v1/customers/${customerId}`)).json().stage;

describe('transition log', () => {
  it('starts with the stage the customer was created in, by its creator', async () => {
    const items = await log(p.customers.r1[0]!);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      from: null,
      to: 'prospect',
      actorId: p.users.r1.id,
      triggeringEvent: 'customer.created',
    });
  });

  it('answers 404 for a customer outside the caller scope', async () => {
    expect((await p.clients.r2.get(`/api/v1/customers/${p.customers.r1[0]}/stage-transitions`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/customers/${p.customers.r1[0]}/stage-transitions`)).statusCode).toBe(200);
  });
});

describe('manual moves', () => {
  it('moves a customer with a reason and logs who and why', async () => {
    const id = p.customers.r1[0]!;
    const response = await move(p.clients.r1, id, { to: 'interested', reason: '客户来电咨询报价' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      from: 'prospect',
      to: 'interested',
      actorId: p.users.r1.id,
      reason: '客户来电咨询报价',
      approverId: null,
    });
    expect(await stageOf(id)).toBe('interested');
    const audit = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId} and entity = 'customer' and entity_id = ${id} and action = 'stage_change'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('requires a reason and a different stage', async () => {
    const id = p.customers.r1[1]!;
    const blank = await move(p.clients.r1, id, { to: 'interested', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('reason');
    expect((await move(p.clients.r1, id, { to: 'interested' })).statusCode).toBe(400);
    expect((await move(p.clients.r1, id, { to: 'prospect', reason: 'x' })).statusCode).toBe(422);
    expect((await move(p.clients.r1, id, { to: 'nowhere', reason: 'x' })).statusCode).toBe(400);
    expect(await log(id)).toHaveLength(1);
  });

  it('another salesperson cannot move the customer: 404 and nothing changes', async () => {
    const id = p.customers.r1[1]!;
    const response = await move(p.clients.r2, id, { to: 'interested', reason: 'x' });
    expect(response.statusCode).toBe(404);
    expect(await stageOf(id)).toBe('prospect');
  });

  it('a role without lifecycle.move gets 403', async () => {
    const response = await move(p.clients.warehouse, p.customers.r1[1]!, { to: 'interested', reason: 'x' });
    expect(response.statusCode).toBe(403);
  });
});

describe('approval of "lost" through the approvals engine', () => {
  let requestId: string;
  let approvalId: string;
  const customerId = () => p.customers.r1[2]!;
  const approvalOf = async (stageRequestId: string) => {
    const rows = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id from approval_requests where org_id = ${p.orgId} and entity_type = 'stage_transition_request' and entity_id = ${stageRequestId}`,
    );
    return rows[0]!.id;
  };

  it("R1's move to lost waits for the East manager; the customer stays put", async () => {
    const response = await move(p.clients.r1, customerId(), { to: 'lost', reason: '客户已倒闭' });
    expect(response.statusCode).toBe(202);
    const request = response.json();
    expect(request).toMatchObject({
      status: 'pending',
      from: 'prospect',
      to: 'lost',
      approverIds: [p.users.eastManager.id],
      requestedBy: p.users.r1.id,
    });
    requestId = request.id;
    approvalId = await approvalOf(requestId);
    expect(await stageOf(customerId())).toBe('prospect');
    const again = await move(p.clients.r1, customerId(), { to: 'lost', reason: 'again' });
    expect(again.statusCode).toBe(409);
  });

  it('the manager gets a to-do, a notification and an inbox entry; R2 sees nothing', async () => {
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos.map((t: { entityId: string }) => t.entityId)).toContain(approvalId);
    const notifications = (await p.clients.eastManager.get('/api/v1/notifications?unread=true')).json().items;
    expect(notifications.find((n: { entityId: string }) => n.entityId === approvalId)).toMatchObject({
      kind: 'approval_requested',
    });
    const box = (await p.clients.eastManager.get('/api/v1/approvals?box=todo')).json().items;
    expect(box[0]).toMatchObject({
      id: approvalId,
      businessType: 'stage_transition',
      entityId: requestId,
      customerId: customerId(),
      status: 'pending',
    });
    expect((await p.clients.r2.get('/api/v1/approvals?box=todo')).json().items).toEqual([]);
    expect((await p.clients.r2.get('/api/v1/stage-transition-requests')).json().items).toEqual([]);
  });

  it('R2 and the head cannot approve it (404), the requester neither (403), another org neither', async () => {
    expect((await p.clients.r2.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(404);
    expect((await p.clients.head.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(404);
    expect((await p.clients.r1.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(404);
    expect(await stageOf(customerId())).toBe('prospect');
  });

  it('the East manager approves: the customer is lost and the transition shows the approver', async () => {
    const response = await p.clients.eastManager.post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'approved',
      decisions: [{ approver: { id: p.users.eastManager.id }, comment: '同意' }],
    });
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
    const mine = (await p.clients.r1.get('/api/v1/stage-transition-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === requestId)).toMatchObject({
      status: 'approved',
      decidedBy: p.users.eastManager.id,
      comment: '同意',
    });
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos.map((t: { entityId: string }) => t.entityId)).not.toContain(approvalId);
    const told = (await p.clients.r1.get('/api/v1/notifications')).json().items;
    expect(told.find((n: { kind: string }) => n.kind === 'approval_decided').params).toMatchObject({
      status: 'approved',
    });
    expect((await p.clients.eastManager.post(`/api/v1/approvals/${approvalId}/approve`, {})).statusCode).toBe(409);
  });

  it('a rejected request leaves the customer in its stage and needs a comment', async () => {
    const id = p.customers.r2[0]!;
    const request = (await move(p.clients.r2, id, { to: 'lost', reason: '联系不上' })).json();
    const approval = await approvalOf(request.id);
    const blank = await p.clients.eastManager.post(`/api/v1/approvals/${approval}/reject`, { comment: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('comment');
    const rejected = await p.clients.eastManager.post(`/api/v1/approvals/${approval}/reject`, {
      comment: '再跟进一次',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    expect(await stageOf(id)).toBe('prospect');
    expect(await log(id)).toHaveLength(1);
    const mine = (await p.clients.r2.get('/api/v1/stage-transition-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id)).toMatchObject({
      status: 'rejected',
      comment: '再跟进一次',
    });
  });

  it("a manager's own move of a report's customer to lost applies at once, with the manager as approver", async () => {
    const id = p.customers.r2[1]!;
    const response = await move(p.clients.eastManager, id, { to: 'lost', reason: '重复客户' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      to: 'lost',
      actorId: p.users.eastManager.id,
      approverId: p.users.eastManager.id,
    });
  });

  it('a stage change cancels a pending request, withdraws its approval and closes its to-do', async () => {
    const id = p.customers.r2[2]!;
    const request = (await move(p.clients.r2, id, { to: 'lost', reason: '预算取消' })).json();
    const approval = await approvalOf(request.id);
    expect((await move(p.clients.r2, id, { to: 'interested', reason: '又有需求' })).statusCode).toBe(201);
    const mine = (await p.clients.r2.get('/api/v1/stage-transition-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id).status).toBe('cancelled');
    expect((await p.clients.r2.get(`/api/v1/approvals/${approval}`)).json().status).toBe('withdrawn');
    const todos = (await p.clients.eastManager.get('/api/v1/todos?status=open')).json().items;
    expect(todos.map((t: { entityId: string }) => t.entityId)).not.toContain(approval);
    expect((await p.clients.eastManager.post(`/api/v1/approvals/${approval}/approve`, {})).statusCode).toBe(404);
  });

  it('the requester withdraws: the request is cancelled and the customer stays', async () => {
    const id = p.customers.r1[1]!;
    const request = (await move(p.clients.r1, id, { to: 'lost', reason: '暂停合作' })).json();
    const approval = await approvalOf(request.id);
    const response = await p.clients.r1.post(`/api/v1/approvals/${approval}/withdraw`);
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('withdrawn');
    const mine = (await p.clients.r1.get('/api/v1/stage-transition-requests')).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id).status).toBe('cancelled');
    expect(await stageOf(id)).not.toBe('lost');
  });
});
