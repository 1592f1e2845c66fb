import type { Db } from '../../platform/db/client.js';
import { createTodos, notifyUsers } from '../notifications/index.js';
import { lifecycleJobsRepository } from './jobs.repository.js';
import { RULES, stuckPeriod } from './lifecycle.rules.js';
import { getLifecycleRuleSettings, getLifecycleSettings } from './settings.service.js';
import { STUCK_KIND, applyStageMove } from './stage-moves.js';
import { transitionsRepository } from './transitions.repository.js';
import { DAY_MS } from '../../platform/time/index.js';

const SYSTEM_AUDIT = { userId: null, ip: null, requestId: null };

/**
 * Nightly: buyers without a confirmed order for the org's `lostAfterDays` (default 365) after a
 * purchase move to lost (rule
 * actor), each in its own short transaction. Idempotent; returns how many moved.
 */
export async function markLostCustomers(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let moved = 0;
  for (const orgId of await lifecycleJobsRepository.findOrganizationIds(db, onlyOrgId)) {
    const { lostAfterDays } = await getLifecycleRuleSettings(db, orgId);
    const cutoff = new Date(now.getTime() - lostAfterDays * DAY_MS);
    let after: { orgId: string; id: string } | null = null;
    for (;;) {
      const batch = await lifecycleJobsRepository.findLostCandidates(db, { orgId, cutoff, after });
      if (batch.length === 0) break;
      for (const candidate of batch) if (await moveToLost(db, candidate, now)) moved++;
      after = batch.at(-1)!;
    }
  }
  return moved;
}

/** One candidate in its own short transaction; false when it no longer qualifies. */
async function moveToLost(db: Db, candidate: { orgId: string; id: string }, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const customer = await transitionsRepository.lockCustomer(tx, candidate);
    if (!customer || (customer.stage !== 'first_purchase' && customer.stage !== 'repeat')) return false;
    const { stages } = await getLifecycleSettings(tx, candidate.orgId);
    if (!stages.find((s) => s.code === 'lost')?.active) return false;
    await applyStageMove(tx, {
      customer,
      to: 'lost',
      at: now,
      actorId: null,
      ruleId: RULES.inactivityLost,
      reason: null,
      approverId: null,
      triggeringEvent: 'job.inactivity',
      triggeringEntityId: null,
      requestId: null,
      audit: { orgId: candidate.orgId, ...SYSTEM_AUDIT },
    });
    return true;
  });
}

/**
 * Nightly: a customer longer in its stage than the stage's expected dwell gets the owner and the
 * owner's manager a notification and a to-do — once per stage entry, again every `stuckRepeatDays`
 * (default 7) while
 * still stuck. The dedupe key (customer, stage entry, period) makes a rerun a no-op.
 * Returns the number of stuck customers seen.
 */
export async function runStuckAlerts(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let seen = 0;
  for (const orgId of await lifecycleJobsRepository.findOrganizationIds(db, onlyOrgId)) {
    const { stages, rules } = await getLifecycleSettings(db, orgId);
    for (const stage of stages) {
      if (!stage.active || stage.expectedDwellDays === null) continue;
      const enteredBefore = new Date(now.getTime() - stage.expectedDwellDays * DAY_MS);
      let afterId: string | null = null;
      for (;;) {
        const batch = await lifecycleJobsRepository.findStuck(db, { orgId, stage: stage.code, enteredBefore, afterId });
        if (batch.length === 0) break;
        await db.transaction(async (tx) => {
          for (const customer of batch) {
            const period = stuckPeriod({
              enteredAt: customer.stageEnteredAt,
              dwellDays: stage.expectedDwellDays,
              now,
              repeatDays: rules.stuckRepeatDays,
            });
            if (period === null) continue;
            const days = Math.floor((now.getTime() - customer.stageEnteredAt.getTime()) / DAY_MS);
            const dedupeKey = `stuck:${customer.id}:${customer.stageEnteredAt.toISOString()}:${period}`;
            const userIds = [customer.ownerId, ...(customer.managerId ? [customer.managerId] : [])];
            const params = {
              customerId: customer.id,
              customerName: customer.name,
              stage: stage.code,
              days,
              expectedDwellDays: stage.expectedDwellDays,
            };
            const target = { orgId, userIds, entity: 'customer', entityId: customer.id, dedupeKey };
            await notifyUsers(tx, { ...target, kind: STUCK_KIND, params });
            await createTodos(tx, { ...target, kind: STUCK_KIND, dueAt: now, params });
          }
        });
        seen += batch.length;
        afterId = batch.at(-1)!.id;
      }
    }
  }
  return seen;
}
