import {
  ABC_CLASSES,
  DEFAULT_CURRENCY,
  PYRAMID_TIERS,
  type AbcClass,
  type CustomerPyramid,
  type CustomerValue,
  type CustomerValueQuery,
  type ProfitContributionPage,
  type ProfitContributionQuery,
  type PyramidMembersPage,
  type PyramidMembersQuery,
  type PyramidTier,
  type RfmMatrix,
  type RfmSegment,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { contributionRepository, type ContributionSums } from './contribution.repository.js';
import { rfmMatrixOf } from './rfm-matrix.js';
import { rfmRepository } from './rfm.repository.js';
import { snapshotRepository } from './snapshot.repository.js';
import { getValueBounds } from './value-bounds.js';
import { contributionRange, resolvePeriod } from './value-period.js';
import { orgTimeZone } from '../../platform/time/index.js';

/** profit ÷ base in %, one decimal; null without a base. */
export const percentOf = (part: number, base: number): number | null =>
  base > 0 ? Math.round((part * 1000) / base) / 10 : null;

/** The derived figures of a contribution: gross profit, profit contribution and margin. */
function withProfit(sums: ContributionSums) {
  const grossProfitFen = sums.revenueFen - sums.costFen;
  const profitFen = grossProfitFen - sums.expensesFen;
  return { ...sums, grossProfitFen, profitFen, marginPct: percentOf(profitFen, sums.revenueFen) };
}

/** The profit cursor is a whole number of fen as text: it is client input and reaches SQL as numeric. */
function profitCursor(raw: string | undefined): { profitFen: string; id: string } | null {
  const cursor = decodeCursor(raw, 'integer');
  return cursor && { profitFen: String(cursor.value), id: cursor.id };
}

/** Profit contribution (domain §5) live for any period, and the pyramid / ABC (§7) from the nightly snapshot. */
export function createCustomerValueService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  async function rangeFor(
    actor: Actor,
    query: { from?: string | undefined; to?: string | undefined; currency?: string | undefined },
  ) {
    const timeZone = await orgTimeZone(db, actor.orgId);
    const period = resolvePeriod(query, timeZone, clock());
    const currency = query.currency ?? DEFAULT_CURRENCY;
    return { period, currency, range: contributionRange({ orgId: actor.orgId, currency, period, timeZone }) };
  }

  return {
    async listContribution(actor: Actor, query: ProfitContributionQuery): Promise<ProfitContributionPage> {
      const { period, currency, range } = await rangeFor(actor, query);
      const after = profitCursor(query.cursor);
      const limit = query.limit ?? 50;
      const filters = { ownerId: query.ownerId, q: query.q };
      const { rows, totals } = await contributionRepository.findPage(db, actor, { range, filters, after, limit });
      const page = keysetPage(
        rows.map((row) => ({ ...row, id: row.customerId })),
        { limit, sortValueOf: (row) => String(row.profitFen) },
      );
      return {
        items: page.rows.map(({ id: _, ...row }) => ({ ...row, ...withProfit(row) })),
        nextCursor: page.nextCursor,
        total: totals.customers,
        currency,
        period,
        totals: { customers: totals.customers, ...withProfit(totals) },
      };
    },

    async getForCustomer(actor: Actor, customerId: string, query: CustomerValueQuery): Promise<CustomerValue> {
      if (!(await contributionRepository.isCustomerVisible(db, actor, customerId))) throw notFound('entity.customer');
      const { period, currency, range } = await rangeFor(actor, query);
      const sums = await contributionRepository.sumForCustomer(db, { ...range, customerId });
      const snapshot = await snapshotRepository.getForCustomer(db, { orgId: actor.orgId, customerId });
      const rfm = snapshot && (await rfmRepository.getForCustomer(db, { orgId: actor.orgId, customerId }));
      return {
        customerId,
        currency,
        period,
        ...withProfit(sums),
        snapshot: snapshot && {
          tier: snapshot.tier as PyramidTier,
          abcClass: snapshot.abcClass as AbcClass,
          profitRank: snapshot.profitRank,
          period: { from: snapshot.periodStart, to: snapshot.periodEnd },
          computedAt: snapshot.computedAt.toISOString(),
          rfm: rfm ? { ...rfm, segment: rfm.segment as RfmSegment } : null,
        },
      };
    },

    /** The RFM segment matrix of the latest snapshot over the customers the caller may see. */
    async getRfmMatrix(actor: Actor): Promise<RfmMatrix> {
      const meta = await snapshotRepository.getMeta(db, actor.orgId);
      const averages = await rfmRepository.averages(db, actor.orgId);
      const matrix = rfmMatrixOf(await rfmRepository.sumBySegmentAndGrid(db, actor));
      const customersInScope = await snapshotRepository.countVisible(db, actor);
      return {
        computedAt: meta ? meta.computedAt.toISOString() : null,
        period: meta ? meta.period : null,
        currency: DEFAULT_CURRENCY,
        customersInScope,
        averages,
        ...matrix,
      };
    },

    /** The customers behind one bar of the pyramid or one ABC class, most profitable first. */
    async listPyramidMembers(actor: Actor, query: PyramidMembersQuery): Promise<PyramidMembersPage> {
      const cursor = decodeCursor(query.cursor, 'integer');
      const limit = query.limit ?? 50;
      const rows = await snapshotRepository.findMembers(db, actor, {
        tier: query.pyramidTier,
        abcClass: query.abcClass,
        afterRank: cursor ? Number(cursor.value) : 0,
        limit: limit + 1,
      });
      const page = keysetPage(
        rows.map((row) => ({ ...row, id: row.customerId })),
        { limit, sortValueOf: (row) => String(row.profitRank) },
      );
      return {
        items: page.rows.map(({ id: _, ...row }) => ({
          ...row,
          tier: row.tier as PyramidTier,
          abcClass: row.abcClass as AbcClass,
        })),
        nextCursor: page.nextCursor,
      };
    },

    async getPyramid(actor: Actor): Promise<CustomerPyramid> {
      const meta = await snapshotRepository.getMeta(db, actor.orgId);
      const bounds = await getValueBounds(db, actor.orgId);
      const sums = await snapshotRepository.sumByTierAndClass(db, actor);
      const byTier = new Map(sums.tiers.map((row) => [row.key, row]));
      const byClass = new Map(sums.classes.map((row) => [row.key, row]));
      const totalRevenue = [...byTier.values()].reduce((sum, row) => sum + row.revenueFen, 0);
      const { customersInScope, ...movement } = await snapshotRepository.movement(db, actor);
      return {
        customersInScope,
        movement,
        computedAt: meta ? meta.computedAt.toISOString() : null,
        period: meta ? meta.period : null,
        currency: DEFAULT_CURRENCY,
        tiers: PYRAMID_TIERS.map((tier) => {
          const row = byTier.get(tier);
          const revenueFen = row?.revenueFen ?? 0;
          return {
            tier,
            count: row?.count ?? 0,
            revenueFen,
            profitFen: row?.profitFen ?? 0,
            revenueSharePct: percentOf(revenueFen, totalRevenue),
          };
        }),
        abc: ABC_CLASSES.map((abcClass) => {
          const row = byClass.get(abcClass);
          const revenueFen = row?.revenueFen ?? 0;
          return { abcClass, count: row?.count ?? 0, revenueFen, revenueSharePct: percentOf(revenueFen, totalRevenue) };
        }),
        bounds,
      };
    },
  };
}
export type CustomerValueService = ReturnType<typeof createCustomerValueService>;
