import type { Executor } from '../db/client.js';

/** A customer's standing discount in basis points (a member level's, issue 15); 0 for none. */
export type CustomerDiscountSource = (db: Executor, key: { orgId: string; customerId: string }) => Promise<number>;

const sources: CustomerDiscountSource[] = [];

/**
 * The sources the modules lend (members: the level discount), set once by the registry. Orders read
 * them through `customerDiscountBp` without importing the module that owns them (members imports
 * orders, so the other way round would be a cycle).
 */
export function registerCustomerDiscountSources(list: readonly CustomerDiscountSource[]): void {
  sources.splice(0, sources.length, ...list);
}

/** The largest discount any source grants the customer, in basis points. */
export async function customerDiscountBp(db: Executor, key: { orgId: string; customerId: string }): Promise<number> {
  let best = 0;
  for (const source of sources) best = Math.max(best, await source(db, key));
  return best;
}

/**
 * A price floor that lets a customer's standing discount through: the lower of the seller's floor
 * and the list price less the discount (rounded up to a whole fen), so selling a member at their
 * level price never needs approval.
 */
export function floorWithDiscount<P extends { listPriceFen: number }>(
  floorOf: (product: P) => number,
  discountBp: number,
): (product: P) => number {
  if (discountBp <= 0) return floorOf;
  return (product) => Math.min(floorOf(product), Math.ceil((product.listPriceFen * (10000 - discountBp)) / 10000));
}
