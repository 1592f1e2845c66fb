import type { LifecycleBoard, LifecycleBoardQuery, LifecycleCurrentStays, Stage } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { DAY_MS } from '../../platform/time/index.js';
import { boardRepository, type DwellRow } from './board.repository.js';
import { getLifecycleSettings } from './settings.service.js';

const DEFAULT_PERIOD_DAYS = 30;
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

type OwnerDwell = LifecycleBoard['dwellByOwner'][number];

/** Stays that ended in the period per owner and stage, owners by name (the pool last), stages in board order. */
async function dwellPerOwner(
  db: Db,
  actor: Actor,
  options: { endedRows: DwellRow[]; stageOrder: string[] },
): Promise<OwnerDwell[]> {
  const entries = new Map<string, OwnerDwell>();
  for (const row of options.endedRows.filter((r) => r.ownerId !== undefined)) {
    entries.set(`${row.ownerId ?? ''}|${row.stage}`, {
      ownerId: row.ownerId ?? null,
      ownerName: null,
      stage: row.stage as Stage,
      endedStays: row.count,
      medianDwellDays: round(row.median),
      p90DwellDays: round(row.p90),
    });
  }
  const ownerIds = [...new Set([...entries.values()].flatMap((e) => (e.ownerId ? [e.ownerId] : [])))];
  const names = await boardRepository.ownerNames(db, actor, ownerIds);
  const rows = [...entries.values()].map((e) => ({
    ...e,
    ownerName: e.ownerId ? (names.get(e.ownerId) ?? null) : null,
  }));
  const stageRank = (stage: string) => options.stageOrder.indexOf(stage);
  return rows.sort(
    (a, b) =>
      Number(a.ownerId === null) - Number(b.ownerId === null) ||
      (a.ownerName ?? '').localeCompare(b.ownerName ?? '', 'zh-CN') ||
      (a.ownerId ?? '').localeCompare(b.ownerId ?? '') ||
      stageRank(a.stage) - stageRank(b.stage),
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
      const [counts, stuck, moves, endedRows] = await Promise.all([
        boardRepository.countByStage(db, actor),
        boardRepository.countStuck(db, actor, { now: at, dwellDays }),
        boardRepository.countMoves(db, actor, period),
        boardRepository.dwellPercentiles(db, actor, period),
      ]);
      const stageTotals = (rows: DwellRow[]) =>
        new Map(rows.filter((d) => d.ownerId === undefined).map((d) => [d.stage, d]));
      const dwell = stageTotals(endedRows);
      const dwellByOwner = await dwellPerOwner(db, actor, {
        endedRows,
        stageOrder: stages.map((s) => s.code),
      });

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
        conversions: moves
          .filter((m): m is typeof m & { from: string } => m.from !== null)
          .map((m) => {
            const base = entered.get(m.from) ?? 0;
            return { from: m.from as Stage, to: m.to as Stage, count: m.n, rate: base > 0 ? round(m.n / base) : null };
          }),
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
      const ownerIds = [...new Set(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))];
      const names = await boardRepository.ownerNames(db, actor, ownerIds);
      const stays = (r: DwellRow) => ({
        stage: r.stage as Stage,
        customers: r.count,
        medianDays: round(r.median),
        p90Days: round(r.p90),
      });
      const totals = new Map(rows.filter((r) => r.ownerId === undefined).map((r) => [r.stage, r]));
      const byOwner = rows
        .filter((r) => r.ownerId !== undefined)
        .map((r) => ({
          ownerId: r.ownerId ?? null,
          ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
          ...stays(r),
        }))
        .sort(
          (a, b) =>
            Number(a.ownerId === null) - Number(b.ownerId === null) ||
            (a.ownerName ?? '').localeCompare(b.ownerName ?? '', 'zh-CN') ||
            (a.ownerId ?? '').localeCompare(b.ownerId ?? '') ||
            order.indexOf(a.stage) - order.indexOf(b.stage),
        );
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
