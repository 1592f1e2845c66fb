import type { ActivityRow, PlanItemRow } from './work-plans.repository.js';

export interface MatchedItem extends PlanItemRow {
  doneAt: Date | null;
}

/**
 * Plan vs actual: each planned item takes the earliest unused call or visit of the same kind with
 * the same customer within the plan period, so two planned calls need two calls. Items are served
 * in plan order (planned time first, when given).
 */
export function matchPlanItems(items: readonly PlanItemRow[], activities: readonly ActivityRow[]): MatchedItem[] {
  const used = new Set<number>();
  const order = items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        (a.item.plannedAt?.getTime() ?? Infinity) - (b.item.plannedAt?.getTime() ?? Infinity) || a.index - b.index,
    );
  const doneAt = new Map<number, Date>();
  for (const { item, index } of order) {
    const match = activities.findIndex(
      (a, k) => !used.has(k) && a.customerId === item.customerId && a.kind === item.kind,
    );
    if (match >= 0) {
      used.add(match);
      doneAt.set(index, activities[match]!.at);
    }
  }
  return items.map((item, index) => ({ ...item, doneAt: doneAt.get(index) ?? null }));
}
