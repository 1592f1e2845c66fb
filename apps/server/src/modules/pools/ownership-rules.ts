import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { DAY_MS, startOfLocalDay } from '../../platform/time/index.js';
import { ownershipRepository } from './ownership.repository.js';
import type { PoolRow } from './pools.repository.js';

const refuse = (
  key: 'error.poolDailyLimit' | 'error.poolCooldown' | 'error.ownershipCap',
  field: string,
  params: Record<string, number>,
) =>
  new AppError('business_rule', key, {
    params,
    fields: [{ field, key: field === 'id' ? 'validation.notAllowedNow' : 'validation.invalid' }],
  });

/** Claim limits of domain §3: the daily limit per member and the previous owner's cooldown. */
export async function assertMayClaim(
  tx: Executor,
  options: { actor: Actor; pool: PoolRow; customerId: string; now: Date; timeZone: string },
): Promise<void> {
  const { actor, pool, now } = options;
  const limit = pool.rules.dailyClaimLimit;
  if (limit !== null) {
    const since = startOfLocalDay(now, options.timeZone);
    if (
      (await ownershipRepository.countClaimsSince(tx, { orgId: actor.orgId, userId: actor.userId, since })) >= limit
    ) {
      throw refuse('error.poolDailyLimit', 'id', { limit });
    }
  }
  const cooldownDays = pool.rules.previousOwnerCooldownDays;
  if (cooldownDays > 0) {
    const since = new Date(now.getTime() - cooldownDays * DAY_MS);
    if (
      await ownershipRepository.wasReleasedBySince(tx, {
        orgId: actor.orgId,
        customerId: options.customerId,
        userId: actor.userId,
        since,
      })
    ) {
      throw refuse('error.poolCooldown', 'id', { days: cooldownDays });
    }
  }
}

/** The ownership cap (off by default) applies to whoever would hold the customer next. */
export async function assertBelowCap(
  tx: Executor,
  options: { orgId: string; userId: string; pool: PoolRow | null; field: string },
): Promise<void> {
  const cap = options.pool?.rules.ownershipCap ?? null;
  if (cap === null) return;
  if ((await ownershipRepository.countOwnedBy(tx, { orgId: options.orgId, userId: options.userId })) >= cap) {
    throw refuse('error.ownershipCap', options.field, { cap });
  }
}

export async function assertActiveUser(tx: Executor, options: { orgId: string; userId: string }): Promise<void> {
  if (!(await ownershipRepository.isActiveUser(tx, options))) {
    throw new AppError('validation', 'error.unknownOwner', {
      fields: [{ field: 'userId', key: 'validation.invalid' }],
    });
  }
}
