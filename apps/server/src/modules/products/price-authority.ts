import { and, eq, isNull, or } from 'drizzle-orm';
import type { Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { priceAuthorities, userRoles } from '../../platform/db/schema/index.js';

export type PriceBasis = 'list' | 'cost';

/** One rule of the matrix, as the floor function needs it. */
export interface FloorRule {
  roleId: string;
  stage: string | null;
  basis: PriceBasis;
  percentBp: number;
}

export interface PricedProduct {
  listPriceFen: number;
  costPriceFen: number;
}

/** The seller's lowest allowed unit price (fen) for a product. */
export type FloorFunction = (product: PricedProduct) => number;

/** The floor of one rule, rounded up to a whole fen so "at the floor" never means below it. */
export function floorOfRule(rule: Pick<FloorRule, 'basis' | 'percentBp'>, product: PricedProduct): number {
  const base = rule.basis === 'cost' ? product.costPriceFen : product.listPriceFen;
  // base ≤ 1e14 times percentBp ≤ 1e5 exceeds 2^53, so the product is exact only as a bigint.
  const scaled = BigInt(base) * BigInt(rule.percentBp);
  const floor = (scaled + 9999n) / 10000n;
  return Number(floor);
}

/**
 * Builds the floor function from the rules of the seller's roles for one stage (domain §5): per
 * role, the row for `stage` overrides the role's null-stage row; across roles the lowest floor wins;
 * no rule at all → list price.
 */
export function floorFromRules(rules: readonly FloorRule[], stage: string): FloorFunction {
  const perRole = new Map<string, FloorRule>();
  for (const rule of rules) {
    if (rule.stage !== null && rule.stage !== stage) continue;
    const current = perRole.get(rule.roleId);
    if (!current || (current.stage === null && rule.stage !== null)) perRole.set(rule.roleId, rule);
  }
  const effective = [...perRole.values()];
  return (product) => {
    if (effective.length === 0) return product.listPriceFen;
    return Math.min(...effective.map((rule) => floorOfRule(rule, product)));
  };
}

export const priceAuthority = {
  /**
   * The price floor function of a seller for a customer stage: lowest allowed unit price in fen for a
   * product. Reads the seller's roles (user_roles) and the price_authorities rows for `stage` and for
   * null stage; see `floorFromRules` for the precedence.
   */
  async floorFor(db: Executor, key: { orgId: string; sellerId: string; stage: Stage }): Promise<FloorFunction> {
    const rows = await db
      .select({
        roleId: priceAuthorities.roleId,
        stage: priceAuthorities.stage,
        basis: priceAuthorities.basis,
        percentBp: priceAuthorities.percentBp,
      })
      .from(priceAuthorities)
      .innerJoin(
        userRoles,
        and(eq(userRoles.orgId, priceAuthorities.orgId), eq(userRoles.roleId, priceAuthorities.roleId)),
      )
      .where(
        and(
          eq(priceAuthorities.orgId, key.orgId),
          eq(userRoles.userId, key.sellerId),
          or(isNull(priceAuthorities.stage), eq(priceAuthorities.stage, key.stage)),
        ),
      );
    return floorFromRules(
      rows.map((row) => ({ ...row, basis: row.basis as PriceBasis })),
      key.stage,
    );
  },
};
