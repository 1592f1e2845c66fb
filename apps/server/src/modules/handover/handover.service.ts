import {
  HANDOVER_GROUPS,
  HANDOVER_LIST_LIMIT,
  POOLABLE_HANDOVER_GROUPS,
  type HandoverBody,
  type HandoverCandidateList,
  type HandoverGroup,
  type HandoverGroupResult,
  type HandoverItem,
  type HandoverResult,
  type HandoverSummary,
  type HandoverTarget,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { deactivateUserWithin, findEnabledUserNames, findManagedUsers, getManagedUser } from '../org/index.js';
import { createOwnershipService } from '../pools/index.js';
import { pendingApprovalsHandover } from '../approvals/index.js';
import { HANDOVER_REASON, handoverSources, type HandoverSource } from './handover.sources.js';

/** A group's records with where each goes: a user id, or null for the pool. */
interface Plan {
  group: HandoverGroup;
  items: HandoverItem[];
  recipients: (string | null)[];
}

const fieldError = (field: string, key: FieldError['key']): FieldError => ({ field, key });

/** The body's problems for one group, before anything is written (400 naming the field). */
function targetErrors(options: {
  group: HandoverGroup;
  target: HandoverTarget | undefined;
  held: number;
  leavingUserId: string;
  enabled: Map<string, string>;
}): FieldError[] {
  const { group, target, held } = options;
  if (!target) return held > 0 ? [fieldError(group, 'validation.handoverTargetNeeded')] : [];
  const userIds = target.userIds ?? [];
  if (target.toPool === true && userIds.length > 0) return [fieldError(group, 'validation.handoverOneTarget')];
  if (target.toPool === true && !POOLABLE_HANDOVER_GROUPS.includes(group))
    return [fieldError(`${group}.toPool`, 'validation.handoverNoPool')];
  if (userIds.includes(options.leavingUserId))
    return [fieldError(`${group}.userIds`, 'validation.handoverLeavingUser')];
  if (userIds.some((id) => !options.enabled.has(id)))
    return [fieldError(`${group}.userIds`, 'validation.inactiveUser')];
  if (target.toPool !== true && userIds.length === 0 && held > 0)
    return [fieldError(group, 'validation.handoverTargetNeeded')];
  return [];
}

/** Deals the records to the target users in turn (round-robin), or all to the pool. */
const dealt = (items: readonly HandoverItem[], target: HandoverTarget | undefined): (string | null)[] =>
  items.map((_, index) =>
    target?.toPool === true ? null : (target?.userIds?.[index % target.userIds.length] ?? null),
  );

/** A failure of one record's move, named (the transaction rolls back, so nothing was changed). */
function recordFailure(error: unknown, group: HandoverGroup, item: HandoverItem): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(error.code === 'not_found' ? 'conflict' : error.code, 'error.handoverRecordFailed', {
    params: { ...error.options.params, record: item.label, reason: error.key },
    fields: (error.options.fields ?? []).map((f) => ({ ...f, field: `${group}.userIds` })),
  });
}

/**
 * The hand-over of a leaving user (离职交接, issue 13): what they hold, and one all-or-nothing run that
 * gives each group to colleagues or the pool through the owning modules' own moves (customers as
 * ordinary assignments and returns, with ownership events) and then deactivates the user.
 */
export function createHandoverService({ db }: { db: Db }) {
  const sources = handoverSources(createOwnershipService({ db }));

  async function move(tx: Tx, actor: Actor, options: { source: HandoverSource; plan: Plan; fromUserId: string }) {
    const { source, plan, fromUserId } = options;
    for (const [index, item] of plan.items.entries()) {
      const toUserId = plan.recipients[index] ?? null;
      const base = { ids: [item.id], fromUserId, reason: HANDOVER_REASON };
      try {
        if (toUserId === null) await source.returnToPool!(tx, actor, base);
        else await source.moveTo(tx, actor, { ...base, toUserId });
      } catch (error) {
        throw recordFailure(error, plan.group, item);
      }
    }
  }

  function resultOf(plan: Plan, names: Map<string, string>): HandoverGroupResult {
    const counts = new Map<string | null, number>();
    for (const recipient of plan.recipients) counts.set(recipient, (counts.get(recipient) ?? 0) + 1);
    return {
      group: plan.group,
      moved: plan.items.length,
      recipients: [...counts].map(([userId, count]) => ({
        userId,
        displayName: userId === null ? null : (names.get(userId) ?? null),
        count,
      })),
    };
  }

  return {
    async candidates(actor: Actor): Promise<HandoverCandidateList> {
      return { items: await findManagedUsers(db, actor) };
    },

    async summary(actor: Actor, id: string): Promise<HandoverSummary> {
      const user = await getManagedUser(db, actor, id);
      const key = { orgId: actor.orgId, userId: id };
      const groups = [];
      for (const group of HANDOVER_GROUPS) {
        const source = sources[group];
        groups.push({
          group,
          count: await source.count(db, key),
          items: await source.find(db, { ...key, limit: HANDOVER_LIST_LIMIT }),
        });
      }
      return {
        user: { id: user.id, displayName: user.displayName, disabled: user.disabled },
        groups,
        submittedPending: await pendingApprovalsHandover.countSubmittedPending(db, key),
      };
    },

    async run(actor: Actor, id: string, body: HandoverBody): Promise<HandoverResult> {
      return db.transaction(async (tx) => {
        await getManagedUser(tx, actor, id);
        if (id === actor.userId) throw new AppError('business_rule', 'error.handoverSelf');
        const targetIds = HANDOVER_GROUPS.flatMap((group) => body[group]?.userIds ?? []);
        const enabled = await findEnabledUserNames(tx, actor, [...new Set(targetIds)]);
        const key = { orgId: actor.orgId, userId: id };
        const plans: Plan[] = [];
        const errors: FieldError[] = [];
        for (const group of HANDOVER_GROUPS) {
          const items = await sources[group].find(tx, key);
          const target = body[group];
          errors.push(...targetErrors({ group, target, held: items.length, leavingUserId: id, enabled }));
          plans.push({ group, items, recipients: dealt(items, target) });
        }
        if (errors.length > 0) throw new AppError('validation', 'error.validation', { fields: errors });
        for (const plan of plans) await move(tx, actor, { source: sources[plan.group], plan, fromUserId: id });
        const deactivated = await deactivateUserWithin(tx, actor, id);
        return { userId: id, groups: plans.map((plan) => resultOf(plan, enabled)), deactivated };
      });
    },
  };
}
export type HandoverService = ReturnType<typeof createHandoverService>;
