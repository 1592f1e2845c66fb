import type { RelationshipPhase } from '@guanxi/contract';
import type { Db, Executor } from '../../platform/db/client.js';
import { localDateOf } from '../../platform/time/index.js';
import { completeTodos, createTodos, notifyEach } from '../notifications/index.js';
import { decisionsRepository } from './decisions.repository.js';
import { phasesRepository, type PhaseRow, type PhaseSubject } from './phases.repository.js';
import { relationshipPhase } from './relationship.rules.js';

/** Notification and to-do kind for a customer entering decline: its owner and manager must decide. */
export const DECLINE_KIND = 'relationship_decline';

interface Organization {
  id: string;
  timeZone: string;
}

/**
 * Computes and stores the phase of these customers of one organization, in the caller's
 * transaction. A customer entering decline alerts its owner and the owner's manager (notification
 * and to-do, once per decline stay); leaving decline closes those to-dos, and by buying again after
 * a win-back decision it counts as won back.
 */
async function computeFor(
  tx: Executor,
  org: Organization,
  subjects: readonly PhaseSubject[],
  options: { now: Date; withCategories: boolean },
): Promise<void> {
  const { now } = options;
  const customerIds = subjects.map((s) => s.id);
  const occasions = await phasesRepository.findOccasions(tx, { orgId: org.id, customerIds, timeZone: org.timeZone });
  const categories = options.withCategories
    ? await phasesRepository.findCategoryIntervals(tx, { orgId: org.id, customerIds })
    : new Map<string, number>();
  const today = localDateOf(now, org.timeZone);
  const rows: PhaseRow[] = [];
  const listed: { customerId: string; phase: RelationshipPhase }[] = [];
  const entering: { subject: PhaseSubject; since: Date }[] = [];
  const recovered: string[] = [];
  const leftDecline: string[] = [];
  for (const subject of subjects) {
    const { phase, reason } = relationshipPhase({
      occasions: occasions.get(subject.id) ?? [],
      customerIntervalDays: subject.expectedRepurchaseDays,
      categoryIntervalDays: categories.get(subject.id) ?? null,
      today,
    });
    const changed = subject.storedPhase !== phase || subject.storedSince === null;
    const since = changed ? now : subject.storedSince!;
    rows.push({ customerId: subject.id, phase, since, reason });
    if (subject.listedPhase !== phase) listed.push({ customerId: subject.id, phase });
    if (phase === 'decline' && subject.storedPhase !== 'decline') entering.push({ subject, since });
    if (subject.storedPhase === 'decline' && phase !== 'decline') {
      leftDecline.push(subject.id);
      if (phase === 'formation' || phase === 'stability') recovered.push(subject.id);
    }
  }
  await phasesRepository.upsertPhases(tx, org.id, rows, now);
  await phasesRepository.updateListedPhases(tx, org.id, listed);
  await alertDecline(tx, org.id, entering);
  for (const id of leftDecline)
    await completeTodos(tx, { orgId: org.id, entity: 'customer', entityId: id, kind: DECLINE_KIND });
  await decisionsRepository.markWonBack(tx, { orgId: org.id, customerIds: recovered, at: now });
}

async function alertDecline(
  tx: Executor,
  orgId: string,
  entering: readonly { subject: PhaseSubject; since: Date }[],
): Promise<void> {
  // Pool customers have nobody to tell; lost ones were let go already.
  const owned = entering.filter((e) => e.subject.ownerId !== null && e.subject.stage !== 'lost');
  if (owned.length === 0) return;
  const notices = owned.map(({ subject, since }) => ({
    orgId,
    userIds: [subject.ownerId!, ...(subject.managerId ? [subject.managerId] : [])],
    kind: DECLINE_KIND,
    params: { customerId: subject.id, customerName: subject.name },
    entity: 'customer',
    entityId: subject.id,
    dedupeKey: `${DECLINE_KIND}:${subject.id}:${since.toISOString()}`,
  }));
  await notifyEach(tx, notices);
  for (const notice of notices) await createTodos(tx, { ...notice, dueAt: null });
}

/** Nightly, for every organization (or one): every live customer's phase, in short batch transactions. Returns how many. */
export async function computeRelationshipPhases(db: Db, now: Date, onlyOrgId: string | null = null): Promise<number> {
  let count = 0;
  for (const org of await phasesRepository.findOrganizations(db, onlyOrgId)) {
    const withCategories = await phasesRepository.hasCategoryIntervals(db, org.id);
    let afterId: string | null = null;
    for (;;) {
      const subjects = await phasesRepository.findSubjects(db, { orgId: org.id, afterId });
      if (subjects.length === 0) break;
      await db.transaction((tx) => computeFor(tx, org, subjects, { now, withCategories }));
      count += subjects.length;
      afterId = subjects.at(-1)!.id;
    }
  }
  return count;
}

/** One customer's phase, now, in the caller's transaction (an order confirmed or cancelled, a new setting). */
export async function recomputeCustomerPhase(
  tx: Executor,
  options: { orgId: string; customerId: string; now: Date },
): Promise<void> {
  const [org] = await phasesRepository.findOrganizations(tx, options.orgId);
  const subjects = await phasesRepository.findSubjects(tx, { orgId: options.orgId, customerId: options.customerId });
  if (!org || subjects.length === 0) return;
  const withCategories = await phasesRepository.hasCategoryIntervals(tx, options.orgId);
  await computeFor(tx, org, subjects, { now: options.now, withCategories });
}
