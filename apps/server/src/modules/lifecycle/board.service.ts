import type { LifecycleBoard, LifecycleBoardQuery, Stage } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { DAY_MS } from '../../platform/time/index.js';
import { boardRepository } from './board.repository.js';
import { getLifecycleSettings } from './settings.service.js';

const DEFAULT_PERIOD_DAYS = 30;
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

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
      const [counts, stuck, moves, dwellRows] = await Promise.all([
        boardRepository.countByStage(db, actor),
        boardRepository.countStuck(db, actor, { now: now(), dwellDays }),
        boardRepository.countMoves(db, actor, period),
        boardRepository.dwellPercentiles(db, actor, period),
      ]);
      const dwell = new Map(dwellRows.map((d) => [d.stage, d]));

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
          stuck: stuck.filter((r) => r.stage === s.code).reduce((sum, r) => sum + Number(r.n), 0),
        })),
        conversions: moves
          .filter((m): m is typeof m & { from: string } => m.from !== null)
          .map((m) => {
            const base = entered.get(m.from) ?? 0;
            return { from: m.from as Stage, to: m.to as Stage, count: m.n, rate: base > 0 ? round(m.n / base) : null };
          }),
        stuckByOwner: [...stuckByOwner.values()].sort((a, b) => b.count - a.count),
      };
    },
  };
}
