import type { PriceBasis, Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { priceAuthoritiesRepository } from './price-authorities.repository.js';

export interface DefaultPriceAuthority {
  roleCode: string;
  stage: Stage | null;
  basis: PriceBasis;
  percentBp: number;
}

/**
 * The default matrix of every new organization (domain §5): salespeople may sell at cost to
 * first-time buyers; managers and directors get a wider discount at any stage; admins have no floor.
 * The migration `price_authority_defaults` seeds the same rows into organizations that existed before.
 */
export const DEFAULT_PRICE_AUTHORITIES: readonly DefaultPriceAuthority[] = [
  { roleCode: 'salesperson', stage: 'prospect', basis: 'list', percentBp: 9500 },
  { roleCode: 'salesperson', stage: 'interested', basis: 'list', percentBp: 9500 },
  { roleCode: 'salesperson', stage: 'first_purchase', basis: 'cost', percentBp: 10000 },
  { roleCode: 'salesperson', stage: 'repeat', basis: 'list', percentBp: 9000 },
  { roleCode: 'salesperson', stage: 'lost', basis: 'list', percentBp: 9500 },
  { roleCode: 'sales_manager', stage: null, basis: 'list', percentBp: 8500 },
  { roleCode: 'sales_director', stage: null, basis: 'list', percentBp: 8000 },
  { roleCode: 'admin', stage: null, basis: 'cost', percentBp: 0 },
];

/** Seeds a new organization's price authorities for its built-in roles, in the caller's transaction. */
export async function seedPriceAuthorityDefaults(tx: Executor, orgId: string): Promise<void> {
  const codes = [...new Set(DEFAULT_PRICE_AUTHORITIES.map((d) => d.roleCode))];
  const roleIds = new Map(
    (await priceAuthoritiesRepository.rolesOf(tx, orgId, { codes })).map((role) => [role.code, role.id]),
  );
  await priceAuthoritiesRepository.insertMany(
    tx,
    DEFAULT_PRICE_AUTHORITIES.flatMap((d) => {
      const roleId = roleIds.get(d.roleCode);
      return roleId ? [{ orgId, id: newId(), roleId, stage: d.stage, basis: d.basis, percentBp: d.percentBp }] : [];
    }),
  );
}
