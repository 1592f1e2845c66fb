import {
  DEFAULT_CURRENCY,
  type AgeingBuckets,
  type ReceivablesAgeing,
  type ReceivablesAgeingQuery,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { ageingRepository } from './ageing.repository.js';
import { organizationToday } from './plan-allocation.js';
import { DAY_MS } from '../../platform/time/index.js';

/** Days from the due date to `asOf`: negative while not yet due, 0 on the due date itself. */
export const daysPastDue = (dueDate: string, asOf: string): number =>
  Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);

/**
 * Which bucket an age falls in: not yet due, 0–30, 31–60, 61–90, over 90 days past due. The report
 * sums in SQL (ageing.repository.ts) with these same bounds; this keeps the rule readable and tested.
 */
export function bucketOf(age: number): Exclude<keyof AgeingBuckets, 'totalFen'> {
  if (age < 0) return 'notDueFen';
  if (age <= 30) return 'days0to30Fen';
  if (age <= 60) return 'days31to60Fen';
  if (age <= 90) return 'days61to90Fen';
  return 'over90Fen';
}

/** The total cursor is a whole number of fen as text: it is client input and reaches SQL as numeric. */
function totalCursor(raw: string | undefined): { totalFen: string; id: string } | null {
  const cursor = decodeCursor(raw, 'integer');
  return cursor && { totalFen: String(cursor.value), id: cursor.id };
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
      const limit = query.limit ?? 50;
      const after = totalCursor(query.cursor);
      const found = await ageingRepository.findPage(db, actor, { asOf, groupBy, ownerId: query.ownerId, after, limit });
      const page = keysetPage(found.rows, { limit, sortValueOf: (row) => String(row.totalFen) });
      return {
        asOf,
        groupBy,
        currency: DEFAULT_CURRENCY,
        items: page.rows,
        nextCursor: page.nextCursor,
        total: found.groups,
        totals: found.totals,
      };
    },
  };
}
