import type { Actor } from '../auth/actor.js';

/**
 * A report's table as the one page a list export reads (`listExports.register({ list: reportRows(…) })`):
 * reports are small — a row per stage, person or tier — so the whole table comes from one read of the
 * report's own service function, with the screen's period and filters and the reader's data scope.
 */
export function reportRows<Query, Item>(
  rows: (actor: Actor, query: Query) => Promise<readonly Item[]>,
): (actor: Actor, query: Query) => Promise<{ items: Item[]; nextCursor: null }> {
  return async (actor, query) => ({ items: [...(await rows(actor, query))], nextCursor: null });
}
