import type { DeclineDecisionBody, DeclineDecisionResult, WinBackStep } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/client.js';
import { translate } from '../../platform/i18n/translate.js';
import { atLocalClock, orgTimeZone } from '../../platform/time/index.js';
import { createStageTransitionsService } from '../lifecycle/index.js';
import { createOwnershipService } from '../pools/index.js';
import { createTasksService } from '../tasks/index.js';
import type { RelationshipRow } from './decisions.repository.js';

/** Win-back tasks are due at this local hour of their day. */
const TASK_CLOCK = '10:00';

const STEP_TITLE = {
  call: 'relationship.task.call',
  visit: 'relationship.task.visit',
  offer: 'relationship.task.offer',
} as const satisfies Record<WinBackStep, string>;

/**
 * What a decision does besides being recorded, through the modules that own each rule: the owner's
 * tasks (tasks module), the move to lost (lifecycle, approval rules included) or the return to the
 * pool (pools). The services run in the decision's transaction (as savepoints), so a refused step
 * leaves no decision behind.
 */
export async function carryOutDecision(
  tx: Tx,
  actor: Actor,
  options: { customer: RelationshipRow; body: DeclineDecisionBody & { reason: string } },
): Promise<Omit<DeclineDecisionResult, 'relationship'>> {
  const { customer, body } = options;
  // The services take a database; a transaction is one whose own transactions become savepoints.
  const db: Db = tx;
  if (body.strategy === 'let_go') {
    if (body.letGoTo === 'pool') {
      await createOwnershipService({ db }).returnToPool(actor, customer.customerId, { reason: body.reason });
      return { stageMove: null, tasksCreated: 0 };
    }
    const moved = await createStageTransitionsService({ db }).move(actor, customer.customerId, {
      to: 'lost',
      reason: body.reason,
    });
    return { stageMove: moved.kind, tasksCreated: 0 };
  }
  const tasks = createTasksService({ db });
  const timeZone = await orgTimeZone(tx, actor.orgId);
  const assigneeId = customer.ownerId ?? actor.userId;
  const name = customer.name;
  const planned = [
    ...body.tasks!.map((t) => ({
      title: translate(actor.locale, STEP_TITLE[t.step], { customer: name }),
      description: t.note?.trim() || body.reason,
      dueOn: t.dueOn,
    })),
    {
      title: translate(actor.locale, 'relationship.task.check', { customer: name }),
      description: body.reason,
      dueOn: body.checkOn!,
    },
  ];
  for (const task of planned) {
    await tasks.create(actor, {
      title: task.title,
      description: task.description,
      dueAt: atLocalClock(task.dueOn, TASK_CLOCK, timeZone).toISOString(),
      assigneeId,
      relatedType: 'customer',
      relatedId: customer.customerId,
    });
  }
  return { stageMove: null, tasksCreated: planned.length };
}
