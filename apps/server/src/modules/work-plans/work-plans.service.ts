import type {
  CreateWorkPlanBody,
  PlanKind,
  PlanStatus,
  ReviewWorkPlanBody,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanItemInput,
  WorkPlanListQuery,
  WorkPlanPage,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { notifyUsers } from '../notifications/index.js';
import { directManagerOf, userNamesOf } from '../work-reports/index.js';
import { matchPlanItems } from './plan-matching.js';
import { workPlansRepository as plans, type WorkPlanRow } from './work-plans.repository.js';
import { orgTimeZone, periodOf, periodRange } from '../../platform/time/index.js';
import { iso } from '../../platform/db/row-values.js';

/** The author may change a plan until it is approved; a commented plan goes back for another round. */
const EDITABLE: readonly string[] = ['draft', 'commented'];

/** Work plans: planned visits and calls, the manager's review, and plan vs actual. */
export function createWorkPlansService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  async function present(executor: Executor, actor: Actor, rows: WorkPlanRow[]): Promise<WorkPlan[]> {
    const items = await plans.findItems(executor, { orgId: actor.orgId, planIds: rows.map((r) => r.id) });
    const names = await userNamesOf(executor, {
      orgId: actor.orgId,
      ids: rows.flatMap((r) => [r.authorId, ...(r.reviewerId ? [r.reviewerId] : [])]),
    });
    const timeZone = await orgTimeZone(executor, actor.orgId);
    const result: WorkPlan[] = [];
    for (const row of rows) {
      const own = items.filter((item) => item.planId === row.id);
      const { from, to } = periodRange({ start: row.periodStart, end: row.periodEnd }, timeZone);
      const activities = await plans.findActivities(executor, {
        orgId: actor.orgId,
        authorId: row.authorId,
        customerIds: [...new Set(own.map((item) => item.customerId))],
        from,
        to,
      });
      const matched = matchPlanItems(own, activities);
      const doneCount = matched.filter((item) => item.doneAt !== null).length;
      const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
      result.push({
        id: row.id,
        kind: row.kind as PlanKind,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        author: ref(row.authorId),
        status: row.status as PlanStatus,
        note: row.note,
        items: matched.map((item) => ({
          id: item.id,
          customerId: item.customerId,
          customerName: item.customerName,
          kind: item.kind as 'visit' | 'call',
          purpose: item.purpose,
          plannedAt: iso(item.plannedAt),
          done: item.doneAt !== null,
          doneAt: iso(item.doneAt),
        })),
        itemCount: matched.length,
        doneCount,
        completionRate: matched.length === 0 ? 0 : Math.round((doneCount / matched.length) * 1000) / 1000,
        submittedAt: iso(row.submittedAt),
        reviewer: row.reviewerId ? ref(row.reviewerId) : null,
        reviewedAt: iso(row.reviewedAt),
        reviewDecision: row.reviewDecision as 'approve' | 'comment' | null,
        reviewComment: row.reviewComment,
        score: row.score,
        canReview: actor.permissions.has('plans.review') && row.reviewable && row.status !== 'draft',
        createdAt: iso(row.createdAt)!,
        updatedAt: iso(row.updatedAt)!,
        version: row.version,
      });
    }
    return result;
  }

  async function read(executor: Executor, actor: Actor, id: string): Promise<WorkPlan> {
    const row = await plans.getById(executor, actor, id);
    if (!row) throw notFound('entity.workPlan');
    return (await present(executor, actor, [row]))[0]!;
  }

  /** Items for a plan: each customer must be one the author may see. */
  async function itemRows(executor: Executor, actor: Actor, planId: string, items: readonly WorkPlanItemInput[]) {
    const readable = await plans.findReadableCustomerIds(executor, actor, [
      ...new Set(items.map((item) => item.customerId)),
    ]);
    const unknown = items.findIndex((item) => !readable.has(item.customerId));
    if (unknown >= 0) throw invalidField(`items.${unknown}.customerId`, 'validation.notVisible');
    return items.map((item, index) => ({
      orgId: actor.orgId,
      id: newId(),
      planId,
      customerId: item.customerId,
      kind: item.kind,
      purpose: item.purpose?.trim() ?? '',
      plannedAt: item.plannedAt ? new Date(item.plannedAt) : null,
      sortOrder: index,
    }));
  }

  return {
    async list(actor: Actor, query: WorkPlanListQuery): Promise<WorkPlanPage> {
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await plans.findPage(db, actor, {
        view: query.view ?? 'mine',
        filters: query,
        cursor,
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.periodStart });
      return { items: await present(db, actor, page.rows), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string) => read(db, actor, id),

    async create(actor: Actor, body: CreateWorkPlanBody): Promise<WorkPlan> {
      const period = periodOf(body.kind, body.period);
      const id = newId();
      return db.transaction(async (tx) => {
        if (
          await plans.existsForPeriod(tx, {
            orgId: actor.orgId,
            authorId: actor.userId,
            kind: body.kind,
            periodStart: period.start,
          })
        ) {
          throw new AppError('conflict', 'error.planExists');
        }
        const values = {
          orgId: actor.orgId,
          id,
          authorId: actor.userId,
          kind: body.kind,
          periodStart: period.start,
          periodEnd: period.end,
          note: body.note?.trim() ?? '',
        };
        await plans.insert(tx, values);
        const items = await itemRows(tx, actor, id, body.items ?? []);
        await plans.replaceItems(tx, { orgId: actor.orgId, planId: id }, items);
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'work_plan',
          entityId: id,
          after: { ...values, items },
        });
        return read(tx, actor, id);
      });
    },

    async update(actor: Actor, id: string, body: UpdateWorkPlanBody): Promise<WorkPlan> {
      return db.transaction(async (tx) => {
        const before = await plans.lockById(tx, actor, id);
        if (!before) throw notFound('entity.workPlan');
        if (before.authorId !== actor.userId) throw forbidden();
        if (before.version !== body.version) throw staleVersion();
        if (!EDITABLE.includes(before.status)) throw new AppError('conflict', 'error.planNotEditable');
        const changes = body.note === undefined ? {} : { note: body.note.trim() };
        if (!(await plans.update(tx, { orgId: actor.orgId, id, version: body.version }, changes))) throw staleVersion();
        const items = body.items ? await itemRows(tx, actor, id, body.items) : undefined;
        if (items) await plans.replaceItems(tx, { orgId: actor.orgId, planId: id }, items);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'work_plan',
          entityId: id,
          after: { ...changes, items },
        });
        return read(tx, actor, id);
      });
    },

    /** Sends the plan to the author's manager (again, after a comment). */
    async submit(actor: Actor, id: string, version: number): Promise<WorkPlan> {
      return db.transaction(async (tx) => {
        const before = await plans.lockById(tx, actor, id);
        if (!before) throw notFound('entity.workPlan');
        if (before.authorId !== actor.userId) throw forbidden();
        if (before.version !== version) throw staleVersion();
        if (!EDITABLE.includes(before.status)) throw new AppError('conflict', 'error.planNotEditable');
        const changes = { status: 'submitted', submittedAt: clock() };
        await plans.update(tx, { orgId: actor.orgId, id, version }, changes);
        await recordAudit(tx, actor, { action: 'submit', entity: 'work_plan', entityId: id, after: changes });
        const manager = await directManagerOf(tx, { orgId: actor.orgId, userId: actor.userId });
        if (manager) {
          await notifyUsers(tx, {
            orgId: actor.orgId,
            userIds: [manager],
            kind: 'work_plan_submitted',
            params: { authorName: actor.displayName, planKind: before.kind, periodStart: before.periodStart },
            entity: 'work_plan',
            entityId: id,
          });
        }
        return read(tx, actor, id);
      });
    },

    /** The author's manager (or a scoped reviewer) approves the plan or answers with a comment. */
    async review(actor: Actor, id: string, body: ReviewWorkPlanBody): Promise<WorkPlan> {
      const comment = body.comment?.trim() || null;
      return db.transaction(async (tx) => {
        const before = await plans.lockById(tx, actor, id);
        if (!before || before.status === 'draft') throw notFound('entity.workPlan');
        if (!before.reviewable) throw forbidden();
        // After the plan is found: someone who may not see it learns nothing from a 400 first.
        if (body.decision === 'comment' && comment === null) throw invalidField('comment', 'validation.required');
        if (body.decision === 'approve' && body.score === undefined) throw invalidField('score', 'validation.required');
        if (before.status !== 'submitted') throw new AppError('conflict', 'error.planNotSubmitted');
        const changes = {
          status: body.decision === 'approve' ? 'approved' : 'commented',
          reviewDecision: body.decision,
          reviewComment: comment,
          score: body.decision === 'approve' ? body.score! : null,
          reviewerId: actor.userId,
          reviewedAt: clock(),
        };
        await plans.update(tx, { orgId: actor.orgId, id, version: before.version }, changes);
        await recordAudit(tx, actor, {
          action: 'review',
          entity: 'work_plan',
          entityId: id,
          before: { status: before.status, score: before.score },
          after: changes,
        });
        await notifyUsers(tx, {
          orgId: actor.orgId,
          userIds: [before.authorId],
          kind: 'work_plan_reviewed',
          params: {
            reviewerName: actor.displayName,
            decision: body.decision,
            ...(changes.score === null ? {} : { score: changes.score }),
            planKind: before.kind,
            periodStart: before.periodStart,
          },
          entity: 'work_plan',
          entityId: id,
        });
        return read(tx, actor, id);
      });
    },
  };
}
