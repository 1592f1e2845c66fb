import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  currency,
  currencyCheck,
  editable,
  externalId,
  externalIdKey,
  fen,
  organizationReference,
  softDeleted,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
} from './columns.js';
import { organizations, roles } from './organizations.js';

/** Product categories (产品分类), a tree. */
export const productCategories = pgTable(
  'product_categories',
  {
    ...tenantKey(),
    name: varchar('name', { length: 64 }).notNull(),
    parentId: uuid('parent_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** How often a customer usually buys this category again (days); feeds the relationship phase. */
    repurchaseDays: integer('repurchase_days'),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [tenantPrimaryKey(t), organizationReference(t, organizations), tenantReference(t, t.parentId, t)],
);

/**
 * Products (产品). Prices in integer minor units (分) of `currency` (design §3). Inactive products
 * stay on old orders but cannot be put on new ones.
 */
export const products = pgTable(
  'products',
  {
    ...tenantKey(),
    code: varchar('code', { length: 40 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    categoryId: uuid('category_id'),
    unit: varchar('unit', { length: 16 }).notNull(),
    specification: varchar('specification', { length: 200 }),
    listPriceFen: fen('list_price_fen').notNull(),
    costPriceFen: fen('cost_price_fen').notNull(),
    ...currency(),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    ...externalId(),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    externalIdKey('products', t),
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.categoryId, productCategories),
    uniqueIndex('products_code_key')
      .on(t.orgId, t.code)
      .where(sql`deleted_at is null`),
    index('products_name_idx').on(t.orgId, t.name),
    check('products_prices_non_negative', sql`list_price_fen >= 0 and cost_price_fen >= 0`),
    currencyCheck('products'),
  ],
);

/**
 * Price authority (价格权限, domain §5): the lowest unit price a role may sell at, per lifecycle
 * stage (`stage` null = any stage without its own row). The floor is `percent_bp` basis points of
 * the product's list price (`basis` = 'list') or of its cost price ('cost'); 10000 = 100 %. A seller
 * with several roles gets the lowest floor; a seller without any row sells at list price.
 */
export const priceAuthorities = pgTable(
  'price_authorities',
  {
    ...tenantKey(),
    roleId: uuid('role_id').notNull(),
    stage: varchar('stage', { length: 20 }),
    basis: varchar('basis', { length: 8 }).notNull(),
    percentBp: integer('percent_bp').notNull(),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.roleId, roles).onDelete('cascade'),
    uniqueIndex('price_authorities_role_stage_key').on(t.orgId, t.roleId, sql`coalesce(${t.stage}, '')`),
    check('price_authorities_basis', sql`basis in ('list', 'cost')`),
    check('price_authorities_percent', sql`percent_bp between 0 and 100000`),
  ],
);
