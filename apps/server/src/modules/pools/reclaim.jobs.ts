import type { Executor, Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { JobDefinition } from '../../platform/jobs/job-registry.js';
import { ownershipRepository, type OwnershipRow } from './ownership.repository.js';
import { toReclaimSubject } from './ownership-view.js';
import { poolsRepository, type PoolRow } from './pools.repository.js';
import { reclaimRepository } from './reclaim.repository.js';
import {
  daysUntilReclaim,
  isDueForReclaim,
  isDueForReminder,
  noFollowUpDaysFor,
  reclaimDeadline,
} from './reclaim-rules.js';
import { DAY_MS } from '../../platform/time/index.js';

/** The notification call of modules/notifications (`notifyUsers`), injected so the jobs stay testable. */
export type NotifyUsers = (
  executor: Executor,
  input: {
    orgId: string;
    userIds: string[];
    kind: string;
    params: Record<string, string | number>;
    entity: string;
    entityId: string;
    dedupeKey?: string;
  },
) => Promise<unknown>;

export const RECLAIM_RULE = 'pools.reclaim';
const BATCH = 200;

/** Every candidate of every pool of the organization, batch by batch. */
async function* candidates(
  db: Db,
  options: { orgId: string; now: Date; marginOf: (pool: PoolRow) => number; ownerId?: string | undefined },
) {
  for (const pool of await poolsRepository.findAll(db, options.orgId)) {
    let afterId: string | null = null;
    for (;;) {
      const batch: OwnershipRow[] = await reclaimRepository.findCandidates(db, {
        orgId: options.orgId,
        pool,
        now: options.now,
        marginDays: options.marginOf(pool),
        ownerId: options.ownerId,
        afterId,
        limit: BATCH,
      });
      for (const row of batch) yield { row, pool };
      if (batch.length < BATCH) break;
      afterId = batch.at(-1)!.id;
    }
  }
}

/** Which rule made the customer due: no follow-up, or not won in time. */
function reclaimReason(row: OwnershipRow, pool: PoolRow, now: Date): 'no_follow_up' | 'not_won' {
  const days = noFollowUpDaysFor(row.tier, pool.rules);
  if (days === null) return 'not_won';
  const subject = toReclaimSubject(row);
  const clock = Math.max(subject.ownedSince.getTime(), subject.lastFollowUpAt?.getTime() ?? 0);
  return clock + days * DAY_MS <= now.getTime() ? 'no_follow_up' : 'not_won';
}

/**
 * Moves neglected customers into their pool (domain §3). Idempotent: a reclaimed customer has no
 * owner, so a second run finds nothing. Each customer commits on its own, keeping transactions short.
 */
export async function reclaimNeglectedCustomers(
  db: Db,
  options: { orgId: string; now: Date; notify: NotifyUsers },
): Promise<{ reclaimed: number }> {
  const { orgId, now } = options;
  let reclaimed = 0;
  for await (const { row: candidate, pool } of candidates(db, { orgId, now, marginOf: () => 0 })) {
    if (!isDueForReclaim(toReclaimSubject(candidate), pool.rules, now)) continue;
    const done = await db.transaction(async (tx) => {
      const row = await ownershipRepository.lockById(tx, orgId, candidate.id);
      // Re-checked under the lock: someone may have followed up or claimed meanwhile.
      if (!row || row.ownerId === null || !isDueForReclaim(toReclaimSubject(row), pool.rules, now)) return false;
      const reason = reclaimReason(row, pool, now);
      await ownershipRepository.setOwnership(
        tx,
        { orgId, id: row.id },
        { ownerId: null, previousOwnerId: row.ownerId, poolId: pool.id, locked: false },
      );
      await ownershipRepository.insertEvent(tx, {
        orgId,
        customerId: row.id,
        kind: 'reclaim',
        actorId: null,
        rule: RECLAIM_RULE,
        fromUserId: row.ownerId,
        toUserId: null,
        poolId: pool.id,
        reason,
        at: now,
      });
      await recordAudit(
        tx,
        { orgId, userId: null, ip: null, requestId: null },
        {
          action: 'reclaim',
          entity: 'customer',
          entityId: row.id,
          before: { ownerId: row.ownerId, poolId: row.poolId },
          after: { ownerId: null, previousOwnerId: row.ownerId, poolId: pool.id, rule: RECLAIM_RULE, reason },
        },
      );
      await options.notify(tx, {
        orgId,
        userIds: [row.ownerId],
        kind: 'pools.reclaimed',
        params: { customerName: row.name, poolName: pool.name },
        entity: 'customer',
        entityId: row.id,
        dedupeKey: `pools.reclaimed:${row.id}:${now.toISOString()}`,
      });
      return true;
    });
    if (done) reclaimed++;
  }
  return { reclaimed };
}

export interface ReclaimReminder {
  customerId: string;
  customerName: string;
  /** The owner and the owner's manager. */
  userIds: string[];
  daysLeft: number;
  /** One reminder per customer and reclaim deadline: a follow-up moves the deadline and re-arms it. */
  dedupeKey: string;
}

/**
 * Owned customers within the pool's reminder window before their reclaim, with whom to remind;
 * `ownerId` limits it to one owner's customers (the to-do inbox's "about to be reclaimed").
 */
export async function findReclaimReminders(
  db: Db,
  options: { orgId: string; now: Date; ownerId?: string },
): Promise<ReclaimReminder[]> {
  const { orgId, now } = options;
  const due: { row: OwnershipRow & { ownerId: string }; pool: PoolRow }[] = [];
  const marginOf = (p: PoolRow) => p.rules.reminderDaysBefore;
  for await (const { row, pool } of candidates(db, { orgId, now, marginOf, ownerId: options.ownerId })) {
    if (row.ownerId !== null && isDueForReminder(toReclaimSubject(row), pool.rules, now))
      due.push({ row: { ...row, ownerId: row.ownerId }, pool });
  }
  const managers = await reclaimRepository.findManagers(db, {
    orgId,
    userIds: [...new Set(due.map((d) => d.row.ownerId))],
  });
  return due.map(({ row, pool }) => {
    const subject = toReclaimSubject(row);
    const manager = managers.get(row.ownerId);
    return {
      customerId: row.id,
      customerName: row.name,
      userIds: manager && manager !== row.ownerId ? [row.ownerId, manager] : [row.ownerId],
      daysLeft: daysUntilReclaim(subject, pool.rules, now)!,
      dedupeKey: `pools.reclaimReminder:${row.id}:${reclaimDeadline(subject, pool.rules)!.toISOString()}`,
    };
  });
}

export async function sendReclaimReminders(
  db: Db,
  options: { orgId: string; now: Date; notify: NotifyUsers },
): Promise<{ reminded: number }> {
  const reminders = await findReclaimReminders(db, options);
  for (const reminder of reminders) {
    await options.notify(db, {
      orgId: options.orgId,
      userIds: reminder.userIds,
      kind: 'pools.reclaimReminder',
      params: { customerName: reminder.customerName, days: reminder.daysLeft },
      entity: 'customer',
      entityId: reminder.customerId,
      dedupeKey: reminder.dedupeKey,
    });
  }
  return { reminded: reminders.length };
}

/** The pools module's durable jobs, nightly in each organization's time zone. */
export function poolJobs({ notify }: { notify: NotifyUsers }): JobDefinition[] {
  return [
    {
      name: 'pools.reclaim',
      scope: 'organization',
      schedule: { kind: 'daily', at: '02:00' },
      run: ({ db, orgId, now }) => reclaimNeglectedCustomers(db, { orgId: orgId!, now, notify }),
    },
    {
      name: 'pools.reminders',
      scope: 'organization',
      schedule: { kind: 'daily', at: '08:30' },
      run: ({ db, orgId, now }) => sendReclaimReminders(db, { orgId: orgId!, now, notify }),
    },
  ];
}
