import {
  DEFAULT_CURRENCY,
  type AgeingBuckets,
  type AgeingRow,
  type ReceivablesAgeing,
  type ReceivablesAgeingQuery,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { ageingRepository, type ReceivableRow } from './ageing.repository.js';
import { organizationToday } from './plan-allocation.js';

const DAY_MS = 86_400_000;
const emptyBuckets = (): AgeingBuckets => ({
  notDueFen: 0,
  days0to30Fen: 0,
  days31to60Fen: 0,
  days61to90Fen: 0,
  over90Fen: 0,
  totalFen: 0,
});

/** Days from the due date to `asOf`: negative while not yet due, 0 on the due date itself. */
export const daysPastDue = (dueDate: string, asOf: string): number =>
  Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);

/** Which bucket an age falls in: not yet due, 0–30, 31–60, 61–90, over 90 days past due. */
export function bucketOf(age: number): Exclude<keyof AgeingBuckets, 'totalFen'> {
  if (age < 0) return 'notDueFen';
  if (age <= 30) return 'days0to30Fen';
  if (age <= 60) return 'days31to60Fen';
  if (age <= 90) return 'days61to90Fen';
  return 'over90Fen';
}

/** Sums receivables into rows per customer or owner (largest total first) and a totals row. */
export function ageReceivables(
  receivables: readonly ReceivableRow[],
  options: { asOf: string; groupBy: 'customer' | 'owner' },
): { rows: AgeingRow[]; totals: AgeingBuckets } {
  const groups = new Map<string, AgeingRow>();
  const totals = emptyBuckets();
  for (const receivable of receivables) {
    const [id, name] =
      options.groupBy === 'owner'
        ? [receivable.ownerId, receivable.ownerName]
        : [receivable.customerId, receivable.customerName];
    const group = groups.get(id) ?? { id, name, ...emptyBuckets() };
    const bucket = bucketOf(daysPastDue(receivable.dueDate, options.asOf));
    group[bucket] += receivable.unpaidFen;
    group.totalFen += receivable.unpaidFen;
    totals[bucket] += receivable.unpaidFen;
    totals.totalFen += receivable.unpaidFen;
    groups.set(id, group);
  }
  const rows = [...groups.values()].sort((a, b) => b.totalFen - a.totalFen || a.id.localeCompare(b.id));
  return { rows, totals };
}

/**
 * Receivables ageing (应收账龄). Ages count to `asOf` against today's unpaid amounts: a payment
 * recorded after `asOf` already counts (the report answers "how late is what is still owed").
 */
export function createAgeingService({ db }: { db: Db }) {
  return {
    async get(actor: Actor, query: ReceivablesAgeingQuery): Promise<ReceivablesAgeing> {
      const asOf = query.asOf ?? (await organizationToday(db, actor.orgId));
      const groupBy = query.groupBy ?? 'customer';
      const receivables = await ageingRepository.findReceivables(db, actor, { ownerId: query.ownerId });
      return { asOf, groupBy, currency: DEFAULT_CURRENCY, ...ageReceivables(receivables, { asOf, groupBy }) };
    },
  };
}
