import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Client } from '../../test/test-app.js';
import { expenseAllocation } from './index.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

let n = 0;
async function expense(client: Client, body: Record<string, unknown> = {}) {
  const response = await client.post('/api/v1/expenses', {
    category: 'travel',
    amountFen: 10_000,
    spentOn: '2025-04-02',
    description: `出差 ${n++}`,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
async function submit(client: Client, id: string) {
  const response = await client.post(`/api/v1/expenses/${id}/submit`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
async function decide(approver: Client, requestId: string, decision: 'approve' | 'reject', comment = '票据不全') {
  const response = await approver.post(
    `/api/v1/approvals/${requestId}/${decision}`,
    decision === 'approve' ? {} : { comment },
  );
  expect(response.statusCode, response.body).toBe(200);
}
const auditActions = async (entityId: string) =>
  (
    await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = 'expense' and entity_id = ${entityId} order by id`,
    )
  ).map((a) => a.action);

describe('expenses: approval by the manager', () => {
  it('submit → pending with the manager to decide; the manager approves → approved', async () => {
    const draft = await expense(p.clients.r1, { customerId: p.customers.r1[0]! });
    const pending = await submit(p.clients.r1, draft.id);
    expect(pending).toMatchObject({ status: 'pending', decidedAt: null });
    expect(pending.approval).toMatchObject({
      requestId: pending.approvalRequestId,
      status: 'pending',
      currentApprovers: [{ id: p.users.eastManager.id }],
    });

    // While pending it is with the approver: no edits, deletes, receipts or second submission.
    const edit = await p.clients.r1.patch(`/api/v1/expenses/${draft.id}`, { amountFen: 1, version: pending.version });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.message).toBe('只有草稿或已驳回的费用可以修改、删除或提交。');
    expect((await p.clients.r1.delete(`/api/v1/expenses/${draft.id}`)).statusCode).toBe(422);
    expect((await p.clients.r1.post(`/api/v1/expenses/${draft.id}/submit`)).statusCode).toBe(422);

    await decide(p.clients.eastManager, pending.approvalRequestId, 'approve');
    const approved = (await p.clients.r1.get(`/api/v1/expenses/${draft.id}`)).json();
    expect(approved).toMatchObject({ status: 'approved', approval: { status: 'approved' } });
    expect(approved.decidedAt).not.toBeNull();
    expect((await p.clients.r1.post(`/api/v1/expenses/${draft.id}/withdraw`)).statusCode).toBe(422);
    expect(await auditActions(draft.id)).toEqual(['create', 'submit', 'approve']);
  });

  it('rejected → edited → resubmitted as a new request; the rejection comment is shown', async () => {
    const draft = await expense(p.clients.r2);
    const first = await submit(p.clients.r2, draft.id);
    await decide(p.clients.eastManager, first.approvalRequestId, 'reject', '缺少发票');
    const rejected = (await p.clients.r2.get(`/api/v1/expenses/${draft.id}`)).json();
    expect(rejected).toMatchObject({ status: 'rejected', approval: { status: 'rejected', lastComment: '缺少发票' } });

    const edited = await p.clients.r2.patch(`/api/v1/expenses/${draft.id}`, {
      amountFen: 8_000,
      version: rejected.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const second = await submit(p.clients.r2, draft.id);
    expect(second.status).toBe('pending');
    expect(second.approvalRequestId).not.toBe(first.approvalRequestId);
    expect(await auditActions(draft.id)).toEqual(['create', 'submit', 'reject', 'update', 'submit']);
  });

  it('withdraw → draft, and the request is withdrawn; a draft cannot be withdrawn', async () => {
    const draft = await expense(p.clients.r1);
    expect((await p.clients.r1.post(`/api/v1/expenses/${draft.id}/withdraw`)).statusCode).toBe(422);
    const pending = await submit(p.clients.r1, draft.id);
    // Only the employee withdraws: the manager, who sees it, is refused.
    expect((await p.clients.eastManager.post(`/api/v1/expenses/${draft.id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await p.clients.r1.post(`/api/v1/expenses/${draft.id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'draft', approval: { status: 'withdrawn' } });
    const request = (await p.clients.r1.get(`/api/v1/approvals/${pending.approvalRequestId}`)).json();
    expect(request.status).toBe('withdrawn');
    expect(await auditActions(draft.id)).toEqual(['create', 'submit', 'withdraw']);
  });

  it('withdrawing the request in the approvals inbox turns the expense back into a draft', async () => {
    const draft = await expense(p.clients.r2);
    const pending = await submit(p.clients.r2, draft.id);
    const withdrawn = await p.clients.r2.post(`/api/v1/approvals/${pending.approvalRequestId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = (await p.clients.r2.get(`/api/v1/expenses/${draft.id}`)).json();
    expect(after).toMatchObject({ status: 'draft', version: pending.version + 1 });
    // A draft again: it can be edited and submitted anew.
    expect(
      (await p.clients.r2.patch(`/api/v1/expenses/${draft.id}`, { amountFen: 7_000, version: after.version }))
        .statusCode,
    ).toBe(200);
    expect((await submit(p.clients.r2, draft.id)).status).toBe('pending');
  });

  it('passes at once when the expense flow is switched off', async () => {
    const flow = (await p.clients.admin.get('/api/v1/approval-flows'))
      .json()
      .items.find((f: { businessType: string }) => f.businessType === 'expense');
    const off = await p.clients.admin.put('/api/v1/approval-flows/expense', {
      name: flow.name,
      enabled: false,
      steps: flow.steps,
      version: flow.version,
    });
    expect(off.statusCode, off.body).toBe(200);
    try {
      const draft = await expense(p.clients.r3);
      const passed = await submit(p.clients.r3, draft.id);
      expect(passed).toMatchObject({ status: 'approved', approvalRequestId: null, approval: null });
    } finally {
      const current = off.json();
      await p.clients.admin.put('/api/v1/approval-flows/expense', {
        name: current.name,
        enabled: true,
        steps: current.steps,
        version: current.version,
      });
    }
  });
});

describe('expenses: monthly totals and customer allocation', () => {
  const month = '2025-06';
  beforeAll(async () => {
    const approve = async (client: Client, body: Record<string, unknown>) => {
      const pending = await submit(client, (await expense(client, { spentOn: '2025-06-15', ...body })).id);
      await decide(
        client === p.clients.r3 ? p.clients.head : p.clients.eastManager,
        pending.approvalRequestId,
        'approve',
      );
    };
    await approve(p.clients.r1, { amountFen: 10_000, category: 'meals', customerId: p.customers.r1[0]! });
    await approve(p.clients.r1, { amountFen: 5_000, category: 'travel', customerId: p.customers.r1[0]! });
    await approve(p.clients.r2, { amountFen: 20_000, category: 'meals' });
    await approve(p.clients.r3, { amountFen: 70_000, category: 'gifts', customerId: p.customers.r3[0]! });
    // Pending, a draft and another month count only where they should.
    await submit(p.clients.r1, (await expense(p.clients.r1, { spentOn: '2025-06-30', amountFen: 1_000 })).id);
    await expense(p.clients.r1, { spentOn: '2025-06-01', amountFen: 999 });
    await approve(p.clients.r1, { spentOn: '2025-07-01', amountFen: 400 });
  });
  const totals = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/reports/expense-totals?month=${month}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('sums approved expenses per employee inside the caller scope', async () => {
    const finance = await totals(p.clients.finance, 'groupBy=employee');
    expect(finance.rows).toEqual([
      { key: p.users.r3.id, name: expect.any(String), currency: 'CNY', count: 1, amountFen: 70_000 },
      { key: p.users.r2.id, name: expect.any(String), currency: 'CNY', count: 1, amountFen: 20_000 },
      { key: p.users.r1.id, name: expect.any(String), currency: 'CNY', count: 2, amountFen: 15_000 },
    ]);
    expect(finance.totals).toEqual([{ currency: 'CNY', count: 4, amountFen: 105_000 }]);
    const manager = await totals(p.clients.eastManager, 'groupBy=employee');
    expect(manager.totals).toEqual([{ currency: 'CNY', count: 3, amountFen: 35_000 }]);
    const own = await totals(p.clients.r1, 'groupBy=employee');
    expect(own.rows).toEqual([expect.objectContaining({ key: p.users.r1.id, amountFen: 15_000 })]);
    const withPending = await totals(p.clients.r1, 'groupBy=employee&status=all');
    expect(withPending.totals).toEqual([{ currency: 'CNY', count: 3, amountFen: 16_000 }]);
  });

  it('sums per customer (null = none) and per category', async () => {
    const byCustomer = await totals(p.clients.eastManager, 'groupBy=customer');
    expect(byCustomer.rows).toEqual([
      { key: null, name: null, currency: 'CNY', count: 1, amountFen: 20_000 },
      { key: p.customers.r1[0]!, name: 'r1客户0号贸易有限公司', currency: 'CNY', count: 2, amountFen: 15_000 },
    ]);
    const byCategory = await totals(p.clients.finance, 'groupBy=category');
    expect(byCategory.rows.map((r: { key: string; amountFen: number }) => [r.key, r.amountFen])).toEqual([
      ['gifts', 70_000],
      ['meals', 30_000],
      ['travel', 5_000],
    ]);
    const bad = await p.clients.finance.get('/api/v1/reports/expense-totals?month=2025-6&groupBy=employee');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('month');
  });

  it('allocates approved expenses with a customer to it, for profit contribution', async () => {
    const allocated = await expenseAllocation.approvedByCustomer(ctx.database.db, p.orgId, {
      from: '2025-06-01',
      to: '2025-06-30',
    });
    expect(allocated.get(p.customers.r1[0]!)).toBe(15_000);
    expect(allocated.get(p.customers.r3[0]!)).toBe(70_000);
    expect(allocated.size).toBe(2);
  });
});
