import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { actorOfClient } from '../../test/actors.js';
import { createOtherOrgAdmin, type Personas } from '../../test/personas.js';
import { approvalEngine } from './index.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

type Who = keyof Personas['users'];
const flows = async (who: Who = 'admin') =>
  (await p.clients[who].get('/api/v1/approval-flows')).json().items as {
    businessType: string;
    version: number;
    isDefault: boolean;
    steps: unknown[];
  }[];
const put = (who: Who, businessType: string, payload: unknown) =>
  p.clients[who].put(`/api/v1/approval-flows/${businessType}`, payload as object);
const submit = async (who: Who, customerId: string | null = null) => {
  const actor = await actorOfClient(ctx, p.clients[who]);
  return (
    await ctx.database.db.transaction((tx) =>
      approvalEngine.submit(tx, actor, {
        businessType: 'expense',
        entityType: 'expense',
        entityId: newId(),
        customerId,
        title: '差旅费 ¥1,200.00',
        reason: '拜访客户',
        summary: { amountFen: 120_000 },
      }),
    )
  ).requestId!;
};

describe('approval flows', () => {
  it('lists all six business types with the built-in defaults', async () => {
    const items = await flows('r1');
    expect(items.map((f) => f.businessType).sort()).toEqual([
      'contract',
      'credit_override',
      'expense',
      'member_points_adjust',
      'price_below_authority',
      'stage_transition',
    ]);
    expect(items.find((f) => f.businessType === 'stage_transition')).toMatchObject({
      isDefault: true,
      enabled: true,
      version: 0,
      steps: [{ name: '直属上级', approverKind: 'manager', levels: 1, mode: 'any' }],
    });
    expect(items.find((f) => f.businessType === 'credit_override')).toMatchObject({
      steps: [{ approverKind: 'role', roleId: p.roleIds.finance, mode: 'any' }],
    });
  });

  it('saves a flow with version checks and an audit row; a stale version is a conflict', async () => {
    const body = {
      name: '合同会签',
      enabled: true,
      steps: [{ name: '财务', approverKind: 'role', roleId: p.roleIds.finance, mode: 'all' }],
    };
    const created = await put('admin', 'contract', { ...body, version: 0 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ isDefault: false, version: 1, name: '合同会签' });
    expect((await put('admin', 'contract', { ...body, version: 0 })).statusCode).toBe(409);
    const updated = await put('admin', 'contract', { ...body, name: '合同审批', version: 1 });
    expect(updated.json()).toMatchObject({ version: 2, name: '合同审批' });
    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = 'approval_flow' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('validates roles and users of the organization, naming the step field (zh-CN and en); nothing is saved', async () => {
    const other = await createOtherOrgAdmin(ctx);
    const before = (await flows()).find((f) => f.businessType === 'expense')!;
    const zh = await put('admin', 'expense', {
      name: '费用',
      enabled: true,
      steps: [
        { name: '上级', approverKind: 'manager', levels: 1, mode: 'any' },
        { name: '角色', approverKind: 'role', roleId: other.roleIds.finance, mode: 'any' },
        { name: '指定', approverKind: 'users', userIds: [], mode: 'all' },
      ],
      version: before.version,
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields).toEqual([
      { field: 'steps[1].roleId', message: expect.stringContaining('不是本组织的角色') },
      { field: 'steps[2].userIds', message: expect.stringContaining('至少需要一名用户') },
    ]);
    await p.clients.admin.patch('/api/v1/auth/me', { locale: 'en' });
    const en = await put('admin', 'expense', {
      name: 'Expense',
      enabled: true,
      steps: [{ name: 'Named', approverKind: 'users', userIds: [newId()], mode: 'any' }],
      version: before.version,
    });
    await p.clients.admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields).toEqual([
      { field: 'steps[0].userIds', message: expect.stringContaining('does not exist') },
    ]);
    expect((await put('admin', 'expense', { name: 'x', enabled: true, steps: [], version: 0 })).statusCode).toBe(400);
    expect(
      (
        await put('admin', 'expense', {
          name: 'x',
          enabled: true,
          steps: [{ name: 'a', approverKind: 'manager', levels: 9, mode: 'any' }],
          version: 0,
        })
      ).statusCode,
    ).toBe(400);
    expect((await flows()).find((f) => f.businessType === 'expense')).toEqual(before);
  });

  it('needs approvals.manage to change a flow and approvals.view to read them', async () => {
    const body = { name: 'x', enabled: true, steps: [{ name: 'a', approverKind: 'manager', mode: 'any' }], version: 0 };
    expect((await put('r1', 'expense', body)).statusCode).toBe(403);
    expect((await p.clients.service.get('/api/v1/approval-flows')).statusCode).toBe(403);
  });
});

describe('approvals inbox', () => {
  it("shows a request in the approver's to-do box, the submitter's box, then the decider's box", async () => {
    const id = await submit('r1', p.customers.r1[0]!);
    const todo = (await p.clients.eastManager.get('/api/v1/approvals?box=todo')).json();
    expect(todo.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(todo.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      title: '差旅费 ¥1,200.00',
      businessType: 'expense',
      status: 'pending',
      currentStepName: '直属上级',
      submitter: { id: p.users.r1.id },
      customerId: p.customers.r1[0],
      customerName: expect.stringContaining('r1客户'),
    });
    expect(
      (await p.clients.r1.get('/api/v1/approvals?box=submitted')).json().items.map((i: { id: string }) => i.id),
    ).toContain(id);
    expect((await p.clients.r1.get('/api/v1/approvals?box=todo')).json().items).toEqual([]);

    const detail = (await p.clients.eastManager.get(`/api/v1/approvals/${id}`)).json();
    expect(detail).toMatchObject({
      canDecide: true,
      canWithdraw: false,
      currentApprovers: [{ id: p.users.eastManager.id }],
      summary: { amountFen: 120_000 },
    });
    expect((await p.clients.r2.get(`/api/v1/approvals/${id}`)).statusCode).toBe(404);
    expect((await p.clients.admin.get(`/api/v1/approvals/${id}`)).statusCode).toBe(200);

    expect((await p.clients.eastManager.post(`/api/v1/approvals/${id}/approve`, {})).statusCode).toBe(200);
    const decided = (await p.clients.eastManager.get('/api/v1/approvals?box=decided')).json().items;
    expect(decided.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'approved',
      currentStepName: null,
    });
    expect((await p.clients.eastManager.get(`/api/v1/approvals/${id}`)).statusCode).toBe(200);
  });

  it('filters by status and business type and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await submit('r2');
    const first = (
      await p.clients.r2.get('/api/v1/approvals?box=submitted&status=pending&businessType=expense&limit=2')
    ).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await p.clients.r2.get(
        `/api/v1/approvals?box=submitted&status=pending&businessType=expense&limit=2&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(3);
    expect((await p.clients.r2.get('/api/v1/approvals?box=submitted&businessType=contract')).json().items).toEqual([]);
    expect((await p.clients.r2.get('/api/v1/approvals?cursor=broken')).statusCode).toBe(400);
  });

  it('the "all" box is for approvals administrators only', async () => {
    expect((await p.clients.r1.get('/api/v1/approvals?box=all')).statusCode).toBe(403);
    const all = (await p.clients.admin.get('/api/v1/approvals?box=all&limit=200')).json().items;
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it("reject needs a comment (400 naming it, nothing written); withdraw is the submitter's", async () => {
    const id = await submit('r1');
    const missing = await p.clients.eastManager.post(`/api/v1/approvals/${id}/reject`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('comment');
    expect((await p.clients.eastManager.get(`/api/v1/approvals/${id}`)).json()).toMatchObject({
      status: 'pending',
      decisions: [],
    });
    expect((await p.clients.eastManager.post(`/api/v1/approvals/${id}/withdraw`)).statusCode).toBe(403);
    expect((await p.clients.r2.post(`/api/v1/approvals/${id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await p.clients.r1.post(`/api/v1/approvals/${id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect((await p.clients.eastManager.post(`/api/v1/approvals/${id}/reject`, { comment: '晚了' })).statusCode).toBe(
      404,
    );
  });

  it('a role without approvals.view cannot use the inbox', async () => {
    expect((await p.clients.service.get('/api/v1/approvals')).statusCode).toBe(403);
  });
});
