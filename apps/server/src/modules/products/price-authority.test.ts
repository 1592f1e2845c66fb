import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { priceAuthorities, products } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/db/ids.js';
import { DEFAULT_PRICE_AUTHORITIES, priceAuthority, productCatalog } from './index.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();

const product = { listPriceFen: 10_000, costPriceFen: 6_000 };

/** A fresh organization with the given rules replacing the defaults, and a seller holding `roles`. */
async function sellerWith(
  rules: { role: string; stage: string | null; basis: 'list' | 'cost'; percentBp: number }[],
  roles: string[],
) {
  const { orgId, roleIds } = await ctx.createOrg();
  const db = ctx.database.db;
  await db.delete(priceAuthorities).where(sql`${priceAuthorities.orgId} = ${orgId}`);
  if (rules.length)
    await db.insert(priceAuthorities).values(
      rules.map((r) => ({
        orgId,
        id: newId(),
        roleId: roleIds[r.role]!,
        stage: r.stage,
        basis: r.basis,
        percentBp: r.percentBp,
      })),
    );
  const seller = await ctx.createUser({ orgId, roleIds: roles.map((r) => roleIds[r]!) });
  return { orgId, sellerId: seller.id, roleIds };
}

describe('priceAuthority.floorFor', () => {
  it('gives a seller with two roles the lower of their floors', async () => {
    const key = await sellerWith(
      [
        { role: 'salesperson', stage: null, basis: 'list', percentBp: 9500 },
        { role: 'sales_manager', stage: null, basis: 'list', percentBp: 8500 },
      ],
      ['salesperson', 'sales_manager'],
    );
    const floor = await priceAuthority.floorFor(ctx.database.db, { ...key, stage: 'repeat' });
    expect(floor(product)).toBe(8_500);
  });

  it("lets a role's row for the stage override its any-stage row, only for that stage", async () => {
    const key = await sellerWith(
      [
        { role: 'salesperson', stage: null, basis: 'list', percentBp: 9000 },
        { role: 'salesperson', stage: 'prospect', basis: 'list', percentBp: 9800 },
      ],
      ['salesperson'],
    );
    const db = ctx.database.db;
    expect((await priceAuthority.floorFor(db, { ...key, stage: 'prospect' }))(product)).toBe(9_800);
    expect((await priceAuthority.floorFor(db, { ...key, stage: 'interested' }))(product)).toBe(9_000);
  });

  it('sells at list price when no rule applies to any of the seller roles', async () => {
    const key = await sellerWith([{ role: 'sales_manager', stage: null, basis: 'list', percentBp: 5000 }], ['clerk']);
    const floor = await priceAuthority.floorFor(ctx.database.db, { ...key, stage: 'prospect' });
    expect(floor(product)).toBe(10_000);
    const stageOnly = await sellerWith(
      [{ role: 'salesperson', stage: 'repeat', basis: 'list', percentBp: 5000 }],
      ['salesperson'],
    );
    expect((await priceAuthority.floorFor(ctx.database.db, { ...stageOnly, stage: 'prospect' }))(product)).toBe(10_000);
  });

  it('takes a cost-based floor from the cost price and rounds a fraction of a fen up', async () => {
    const key = await sellerWith(
      [{ role: 'salesperson', stage: null, basis: 'cost', percentBp: 10_500 }],
      ['salesperson'],
    );
    const floor = await priceAuthority.floorFor(ctx.database.db, { ...key, stage: 'first_purchase' });
    expect(floor(product)).toBe(6_300);
    // 105 % of 333 fen is 349.65 fen: the floor is 350, never a price below the authority.
    expect(floor({ listPriceFen: 1_000, costPriceFen: 333 })).toBe(350);
    // Exact at the top of the range, where a float product would lose precision.
    expect(floor({ listPriceFen: 0, costPriceFen: 99_999_999_999_999 })).toBe(104_999_999_999_999);
  });

  it('applies the default matrix of a new organization (salespeople at cost for first-time buyers)', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const rep = await ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] });
    const manager = await ctx.createUser({ orgId, roleIds: [roleIds.sales_manager!] });
    const admin = await ctx.createUser({ orgId, roleIds: [roleIds.admin!] });
    const db = ctx.database.db;
    const floorOf = async (sellerId: string, stage: 'prospect' | 'first_purchase' | 'repeat') =>
      (await priceAuthority.floorFor(db, { orgId, sellerId, stage }))(product);
    expect(await floorOf(rep.id, 'prospect')).toBe(9_500);
    expect(await floorOf(rep.id, 'first_purchase')).toBe(6_000);
    expect(await floorOf(rep.id, 'repeat')).toBe(9_000);
    expect(await floorOf(manager.id, 'first_purchase')).toBe(8_500);
    expect(await floorOf(admin.id, 'repeat')).toBe(0);
  });

  it('seeds the defaults into organizations that existed before, leaving configured ones alone', async () => {
    const file = new URL('../../../migrations/20261124000751_price_authority_defaults.sql', import.meta.url);
    const migration = readFileSync(file, 'utf8');
    const bare = await sellerWith([], ['salesperson']);
    const configured = await sellerWith(
      [{ role: 'admin', stage: null, basis: 'list', percentBp: 100 }],
      ['salesperson'],
    );
    await ctx.database.db.execute(migration);
    const count = async (orgId: string) =>
      (
        await ctx.database.db
          .select()
          .from(priceAuthorities)
          .where(sql`${priceAuthorities.orgId} = ${orgId}`)
      ).length;
    expect(await count(bare.orgId)).toBe(DEFAULT_PRICE_AUTHORITIES.length);
    expect(await count(configured.orgId)).toBe(1);
    const floor = await priceAuthority.floorFor(ctx.database.db, { ...bare, stage: 'first_purchase' });
    expect(floor(product)).toBe(6_000);
  });
});

describe('productCatalog.findByIds', () => {
  it('returns live products of the org by id, inactive included, deleted and foreign ones absent', async () => {
    const { orgId } = await ctx.createOrg();
    const other = await ctx.createOrg();
    const make = (org: string, code: string, extra: Record<string, unknown> = {}) => {
      const id = newId();
      return ctx.database.db
        .insert(products)
        .values({ orgId: org, id, code, name: code, unit: '台', listPriceFen: 100, costPriceFen: 60, ...extra })
        .then(() => id);
    };
    const live = await make(orgId, 'A');
    const inactive = await make(orgId, 'B', { active: false });
    const deleted = await make(orgId, 'C', { deletedAt: new Date() });
    const foreign = await make(other.orgId, 'D');
    const found = await productCatalog.findByIds(ctx.database.db, orgId, [
      live,
      inactive,
      deleted,
      foreign,
      'nonsense',
    ]);
    expect([...found.keys()].sort()).toEqual([live, inactive].sort());
    expect(found.get(live)).toEqual({
      id: live,
      code: 'A',
      name: 'A',
      unit: '台',
      listPriceFen: 100,
      costPriceFen: 60,
      currency: 'CNY',
      active: true,
    });
    expect(found.get(inactive)?.active).toBe(false);
    expect((await productCatalog.findByIds(ctx.database.db, orgId, [])).size).toBe(0);
  });
});
