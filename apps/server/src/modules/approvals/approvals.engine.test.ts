import type { ApprovalBusinessType } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { newId } from '../../platform/db/ids.js';
import { queryRows } from '../../platform/db/query.js';
import { createEventBus, type DomainEvent } from '../../platform/events/index.js';
import { actorOfClient } from '../../test/actors.js';
import type { Personas } from '../../test/personas.js';
import { approvalEngine } from './index.js';
import { createApprovalsService } from './approvals.service.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
const actors = {} as Record<keyof Personas['users'], Actor>;
// A bus of our own: the engine publishes through whatever bus the caller hands it, so the test can count events.
const events = createEventBus();
const decided: DomainEvent<'approval.decided'>[] = [];
events.subscribe('approval.decided', async (_tx, event) => {
  decided.push(event);
});
let service: ReturnType<typeof createApprovalsService>;

beforeAll(async () => {
  for (const name of Object.keys(p.users) as (keyof Personas['users'])[])
    actors[name] = await actorOfClient(ctx, p.clients[name]);
  service = createApprovalsService({ db: ctx.database.db, events });
});

const submit = (who: keyof Personas['users'], businessType: ApprovalBusinessType, entityId = newId()) =>
  ctx.database.db.transaction((tx) =>
    approvalEngine.submit(tx, actors[who], {
      businessType,
      entityType: 'test_entity',
      entityId,
      customerId: null,
      title: `测试审批 ${entityId.slice(-4)}`,
      reason: '需要审批',
      summary: { amountFen: 12_300 },
    }),
  );
const putFlow = async (businessType: ApprovalBusinessType, steps: unknown[], enabled = true) => {
  const current = (await p.clients.admin.get('/api/v1/approval-flows'))
    .json()
    .items.find((f: { businessType: string }) => f.businessType === businessType);
  const response = await p.clients.admin.put(`/api/v1/approval-flows/${businessType}`, {
    name: `${businessType} flow`,
    enabled,
    steps,
    version: current.version,
  });
  expect(response.statusCode, response.body).toBe(200);
};
const row = async (id: string) =>
  (
    await queryRows<{
      status: string;
      current_step: number;
      current_approver_ids: string[];
      steps: { autoPassed?: boolean }[];
    }>(
      ctx.database.db,
      sql`select status, current_step, current_approver_ids, steps from approval_requests where org_id = ${p.orgId} and id = ${id}`,
    )
  )[0]!;
const openTodos = async (id: string) =>
  (
    await queryRows<{ user_id: string }>(
      ctx.database.db,
      sql`select user_id from todos where org_id = ${p.orgId} and entity = 'approval_request' and entity_id = ${id} and done_at is null order by user_id`,
    )
  ).map((r) => r.user_id);
const eventsOf = (id: string) => decided.filter((e) => e.requestId === id);

describe('approver resolution and decisions', () => {
  it('asks the direct manager by default; the approval ends the request with one event and closes the to-do', async () => {
    const { requestId, status } = await submit('r1', 'stage_transition');
    expect(status).toBe('pending');
    const id = requestId!;
    expect((await row(id)).current_approver_ids).toEqual([p.users.eastManager.id]);
    expect(await openTodos(id)).toEqual([p.users.eastManager.id]);
    const notices = await queryRows<{ user_id: string }>(
      ctx.database.db,
      sql`select user_id from notifications where org_id = ${p.orgId} and entity_id = ${id} and kind = 'approval_requested'`,
    );
    expect(notices.map((n) => n.user_id)).toEqual([p.users.eastManager.id]);

    const detail = await service.approve(actors.eastManager, id, '同意');
    expect(detail).toMatchObject({ status: 'approved', currentStepName: null, canDecide: false });
    expect(detail.decisions).toEqual([
      expect.objectContaining({ decision: 'approved', comment: '同意', stepIndex: 0 }),
    ]);
    expect(await openTodos(id)).toEqual([]);
    expect(eventsOf(id)).toHaveLength(1);
    expect(eventsOf(id)[0]).toMatchObject({
      status: 'approved',
      decidedBy: p.users.eastManager.id,
      entityType: 'test_entity',
      businessType: 'stage_transition',
    });
    const outcome = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from notifications where org_id = ${p.orgId} and user_id = ${p.users.r1.id} and entity_id = ${id} and kind = 'approval_decided'`,
    );
    expect(outcome[0]!.n).toBe(1);
    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity = 'approval_request' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'approve']);
  });

  it('goes N levels up the manager chain, stopping at the top-most manager', async () => {
    await putFlow('expense', [{ name: '二级上级', approverKind: 'manager', levels: 2, mode: 'any' }]);
    const two = await submit('r1', 'expense');
    expect((await row(two.requestId!)).current_approver_ids).toEqual([p.users.head.id]);
    await putFlow('expense', [{ name: '五级上级', approverKind: 'manager', levels: 5, mode: 'any' }]);
    const five = await submit('r1', 'expense');
    expect((await row(five.requestId!)).current_approver_ids).toEqual([p.users.head.id]);
  });

  it('asks every holder of the role for the built-in credit override flow; any one approval passes', async () => {
    const { requestId } = await submit('r1', 'credit_override');
    expect((await row(requestId!)).current_approver_ids).toEqual([p.users.finance.id]);
    expect((await service.approve(actors.finance, requestId!, null)).status).toBe('approved');
    expect(eventsOf(requestId!)).toHaveLength(1);
  });

  it('needs every named user on an "all" step before moving to the next step', async () => {
    await putFlow('contract', [
      { name: '会签', approverKind: 'users', userIds: [p.users.eastManager.id, p.users.finance.id], mode: 'all' },
      { name: '上级', approverKind: 'manager', mode: 'any' },
    ]);
    const id = (await submit('r1', 'contract')).requestId!;
    const first = await service.approve(actors.eastManager, id, null);
    expect(first).toMatchObject({ status: 'pending', currentStep: 0, currentApprovers: [{ id: p.users.finance.id }] });
    expect(await openTodos(id)).toEqual([p.users.finance.id]);
    await expect(service.approve(actors.eastManager, id, null)).rejects.toMatchObject({
      status: 409,
      key: 'error.approval.alreadyDecided',
    });
    expect(eventsOf(id)).toHaveLength(0);

    const second = await service.approve(actors.finance, id, '财务同意');
    expect(second).toMatchObject({
      status: 'pending',
      currentStep: 1,
      currentStepName: '上级',
      currentApprovers: [{ id: p.users.eastManager.id }],
    });
    expect(eventsOf(id)).toHaveLength(0);
    expect((await service.approve(actors.eastManager, id, null)).status).toBe('approved');
    expect(eventsOf(id)).toHaveLength(1);
    await expect(service.approve(actors.eastManager, id, null)).rejects.toMatchObject({ status: 409 });
  });

  it('ends the request at the first rejection; later decisions are conflicts', async () => {
    const id = (await submit('r1', 'contract')).requestId!;
    const rejected = await service.reject(actors.finance, id, '金额不对');
    expect(rejected).toMatchObject({ status: 'rejected', currentApprovers: [] });
    expect(eventsOf(id)).toEqual([
      expect.objectContaining({ status: 'rejected', comment: '金额不对', decidedBy: p.users.finance.id }),
    ]);
    expect(await openTodos(id)).toEqual([]);
    await expect(service.approve(actors.finance, id, null)).rejects.toMatchObject({
      status: 409,
      key: 'error.approval.notPending',
    });
    // The other approver of the ended step no longer has anything to decide, nor sees it.
    await expect(service.approve(actors.eastManager, id, null)).rejects.toMatchObject({ status: 404 });
  });

  it('only current approvers decide: strangers get 404, the submitter 403', async () => {
    const id = (await submit('r1', 'stage_transition')).requestId!;
    await expect(service.approve(actors.r2, id, null)).rejects.toMatchObject({ status: 404 });
    await expect(service.get(actors.r2, id)).rejects.toMatchObject({ status: 404 });
    await expect(service.approve(actors.r1, id, null)).rejects.toMatchObject({
      status: 403,
      key: 'error.approval.notYourStep',
    });
    await expect(service.reject(actors.head, id, 'no')).rejects.toMatchObject({ status: 404 });
    expect((await row(id)).status).toBe('pending');
  });

  it('lets only the submitter withdraw, publishing a withdrawn event', async () => {
    const entityId = newId();
    const id = (await submit('r1', 'stage_transition', entityId)).requestId!;
    await expect(service.withdraw(actors.r2, id)).rejects.toMatchObject({ status: 404 });
    await expect(service.withdraw(actors.eastManager, id)).rejects.toMatchObject({
      status: 403,
      key: 'error.approval.onlySubmitter',
    });
    const withdrawn = await service.withdraw(actors.r1, id);
    expect(withdrawn.status).toBe('withdrawn');
    expect(eventsOf(id)).toEqual([expect.objectContaining({ status: 'withdrawn', decidedBy: p.users.r1.id })]);
    expect(await openTodos(id)).toEqual([]);
    await expect(service.withdraw(actors.r1, id)).rejects.toMatchObject({ status: 409 });
    // A new request for the same entity may follow once the old one ended.
    expect((await submit('r1', 'stage_transition', entityId)).status).toBe('pending');
  });

  it('withdrawPendingFor ends the pending request of an entity once', async () => {
    const entityId = newId();
    const id = (await submit('r1', 'stage_transition', entityId)).requestId!;
    const key = { entityType: 'test_entity', entityId, businessType: 'stage_transition' as const };
    expect(
      await ctx.database.db.transaction((tx) => approvalEngine.withdrawPendingFor(tx, events, actors.r1, key)),
    ).toBe(true);
    expect(
      await ctx.database.db.transaction((tx) => approvalEngine.withdrawPendingFor(tx, events, actors.r1, key)),
    ).toBe(false);
    expect(eventsOf(id)).toHaveLength(1);
    const latest = await approvalEngine.latestFor(ctx.database.db, p.orgId, key);
    expect(latest).toMatchObject({ id, status: 'withdrawn', businessType: 'stage_transition', currentStep: 0 });
    expect(latest!.steps[0]!.approvers).toEqual([
      { id: p.users.eastManager.id, displayName: p.users.eastManager.username },
    ]);
  });

  it('refuses a second pending request for the same entity with 409', async () => {
    const entityId = newId();
    await submit('r1', 'stage_transition', entityId);
    await expect(submit('r1', 'stage_transition', entityId)).rejects.toMatchObject({
      status: 409,
      key: 'error.approval.alreadyPending',
    });
  });
});

describe('special cases', () => {
  it('never asks the submitter: falls back to administrators, and auto-passes when nobody is left', async () => {
    await putFlow('price_below_authority', [
      { name: '本人', approverKind: 'users', userIds: [p.users.eastManager.id], mode: 'any' },
    ]);
    const fallback = await submit('eastManager', 'price_below_authority');
    expect((await row(fallback.requestId!)).current_approver_ids).toEqual([p.users.admin.id]);

    // The admin has no manager and is the only administrator: nobody can be asked.
    const auto = await submit('admin', 'stage_transition');
    expect(auto.status).toBe('approved');
    const stored = await row(auto.requestId!);
    expect(stored).toMatchObject({ status: 'approved', current_step: 1 });
    expect(stored.steps[0]!.autoPassed).toBe(true);
    expect(eventsOf(auto.requestId!)).toHaveLength(0);
  });

  it('a disabled flow approves at once without a request', async () => {
    await putFlow('price_below_authority', [{ name: '上级', approverKind: 'manager', mode: 'any' }], false);
    expect(await submit('r1', 'price_below_authority')).toEqual({ requestId: null, status: 'approved' });
  });

  it('a flow change does not touch a request in progress', async () => {
    await putFlow('expense', [{ name: '上级', approverKind: 'manager', levels: 1, mode: 'any' }]);
    const id = (await submit('r1', 'expense')).requestId!;
    await putFlow('expense', [{ name: '财务', approverKind: 'role', roleId: p.roleIds.finance, mode: 'any' }]);
    const pending = await service.get(actors.r1, id);
    expect(pending.steps.map((s) => s.name)).toEqual(['上级']);
    expect(pending.currentApprovers).toEqual([expect.objectContaining({ id: p.users.eastManager.id })]);
    expect((await service.approve(actors.eastManager, id, null)).status).toBe('approved');
    const fresh = (await submit('r1', 'expense')).requestId!;
    expect((await row(fresh)).current_approver_ids).toEqual([p.users.finance.id]);
  });
});
