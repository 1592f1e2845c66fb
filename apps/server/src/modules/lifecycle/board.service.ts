import type { LifecycleBoard, LifecycleBoardQuery, LifecycleCurrentStays, Stage } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { DAY_MS } from '../../platform/time/index.js';
import { boardRepository, type DwellRow } from './board.repository.js';
import { getLifecycleSettings } from './settings.service.js';

const DEFAULT_PERIOD_DAYS = 30;
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The exit stage: reaching it is never a conversion, and moving into it is a backward move. */
const LOST: Stage = 'lost';

/** The stages a customer moves forward through, in board order ("lost" left out). */
const forwardStages = (order: readonly string[]) => order.filter((stage) => stage !== LOST);

/** A move into "lost", or to a forward stage earlier than the one left (a move out of "lost" is a win-back, not backward). */
const isBackward = (forward: readonly string[], from: string, to: string) =>
  from !== LOST && (to === LOST || forward.indexOf(to) < forward.indexOf(from));

/** Stage totals (`ownerId` undefined) of the repository's grouping sets, by stage. */
const totalsByStage = (rows: DwellRow[]) =>
  new Map(rows.filter((r) => r.ownerId === undefined).map((r) => [r.stage, r]));

/**
 * The per-owner rows of the repository's grouping sets with the owners' names, ordered as the board
 * lists them: owners by name (the pool last), then stages in board order.
 */
async function perOwner<T>(
  db: Db,
  actor: Actor,
  rows: DwellRow[],
  stageOrder: readonly string[],
  toRow: (row: DwellRow) => T,
): Promise<(T & { ownerId: string | null; ownerName: string | null; stage: Stage })[]> {
  const owned = rows.filter((r) => r.ownerId !== undefined);
  const names = await boardRepository.ownerNames(db, actor, [
    ...new Set(owned.flatMap((r) => (r.ownerId ? [r.ownerId] : []))),
  ]);
  return owned
    .map((r) => ({
      ...toRow(r),
      ownerId: r.ownerId ?? null,
      ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
      stage: r.stage as Stage,
    }))
    .sort(
      (a, b) =>
        Number(a.ownerId === null) - Number(b.ownerId === null) ||
        (a.ownerName ?? '').localeCompare(b.ownerName ?? '', 'zh-CN') ||
        (a.ownerId ?? '').localeCompare(b.ownerId ?? '') ||
        stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage),
    );
}

/** The lifecycle board: counts, conversion, dwell and stuck customers within the caller's scope. */
export function createLifecycleBoardService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  return {
    async get(actor: Actor, query: LifecycleBoardQuery): Promise<LifecycleBoard> {
      const to = query.to ? new Date(query.to) : now();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
      if (from >= to) throw invalidField('from', 'validation.invalid');
      const period = { from, to };
      const { stages } = await getLifecycleSettings(db, actor.orgId);
      const dwellDays = new Map(
        stages
          .filter((s) => s.active && s.expectedDwellDays !== null)
          .map((s) => [s.code as string, s.expectedDwellDays!]),
      );
      // Independent reads of counters and rollups: on PostgreSQL they run on separate pooled
      // connections at once, so the board waits for the slowest, not the sum (bench W9).
      const at = now();
      const forwardRanks = forwardStages(stages.map((s) => s.code));
      const [counts, stuck, moves, endedRows, cohorts] = await Promise.all([
        boardRepository.countByStage(db, actor),
        boardRepository.countStuck(db, actor, { now: at, dwellDays }),
        boardRepository.countMoves(db, actor, period),
        boardRepository.dwellPercentiles(db, actor, period),
        boardRepository.cohortConversion(db, actor, { period, forwardRanks }),
      ]);
      const dwell = totalsByStage(endedRows);
      const dwellByOwner = await perOwner(
        db,
        actor,
        endedRows,
        stages.map((s) => s.code),
        (r) => ({ endedStays: r.count, medianDwellDays: round(r.median), p90DwellDays: round(r.p90) }),
      );

      const entered = new Map<string, number>();
      for (const move of moves) entered.set(move.to, (entered.get(move.to) ?? 0) + move.n);
      const stuckByOwner = new Map<string, { ownerId: string; ownerName: string; count: number }>();
      for (const row of stuck) {
        const entry = stuckByOwner.get(row.ownerId) ?? { ownerId: row.ownerId, ownerName: row.ownerName, count: 0 };
        entry.count += Number(row.n);
        stuckByOwner.set(row.ownerId, entry);
      }
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        stages: stages.map((s) => ({
          stage: s.code,
          count: counts.get(s.code) ?? 0,
          entered: entered.get(s.code) ?? 0,
          medianDwellDays: round(dwell.get(s.code)?.median ?? null),
          p90DwellDays: round(dwell.get(s.code)?.p90 ?? null),
          endedStays: dwell.get(s.code)?.count ?? 0,
          stuck: stuck.filter((r) => r.stage === s.code).reduce((sum, r) => sum + Number(r.n), 0),
        })),
        // Every forward stage with a later one gets a row, entered or not, so the board lists them all.
        conversions: forwardRanks.slice(0, -1).map((stage) => {
          const cohort = cohorts.find((c) => c.stage === stage);
          const entered = cohort?.entered ?? 0;
          const converted = cohort?.converted ?? 0;
          return { stage: stage as Stage, entered, converted, rate: entered > 0 ? round(converted / entered) : null };
        }),
        backwardMoves: moves
          .filter((m): m is typeof m & { from: string } => m.from !== null && isBackward(forwardRanks, m.from, m.to))
          .map((m) => ({ from: m.from as Stage, to: m.to as Stage, count: m.n })),
        stuckByOwner: [...stuckByOwner.values()].sort((a, b) => b.count - a.count),
        dwellByOwner,
      };
    },

    /**
     * Median and p90 of the days the customers in each stage have spent there so far, per stage and
     * per current owner. It reads every customer in the scope (1–3 s for an administrator of a
     * million customers), which is why the board asks for it on its own.
     */
    async currentStays(actor: Actor): Promise<LifecycleCurrentStays> {
      const at = now();
      const { stages } = await getLifecycleSettings(db, actor.orgId);
      const order = stages.map((s) => s.code as string);
      const rows = await boardRepository.openDwellPercentiles(db, actor, { now: at });
      const stays = (r: DwellRow) => ({
        stage: r.stage as Stage,
        customers: r.count,
        medianDays: round(r.median),
        p90Days: round(r.p90),
      });
      const totals = totalsByStage(rows);
      const byOwner = await perOwner(db, actor, rows, order, stays);
      return {
        at: at.toISOString(),
        stages: order.map((stage) => {
          const total = totals.get(stage);
          return total ? stays(total) : { stage: stage as Stage, customers: 0, medianDays: null, p90Days: null };
        }),
        byOwner,
      };
    },
  };
}
