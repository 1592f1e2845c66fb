import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf } from './common.js';
import { AmountFen, CURRENCY_PATTERN, DEFAULT_CURRENCY } from './money.js';
import { Stage } from './vocabulary.js';

// ---- Product categories (产品分类): a tree via parentId ----

const CategoryName = Type.String({ minLength: 1, maxLength: 64 });
const SortOrder = Type.Integer({ minimum: -100000, maximum: 100000 });
/** How often a customer usually buys this category again, in days; null: no expectation (feeds the relationship phase). */
const RepurchaseDays = Nullable(Type.Integer({ minimum: 1, maximum: 3650 }));

export const ProductCategory = Type.Object({
  id: Id,
  name: Type.String(),
  parentId: Nullable(Id),
  sortOrder: Type.Integer(),
  repurchaseDays: Nullable(Type.Integer()),
  /** Live products filed directly under this category. */
  productCount: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Timestamp,
});
export type ProductCategory = Static<typeof ProductCategory>;
export const ProductCategoryList = Type.Object({ items: Type.Array(ProductCategory) });
export type ProductCategoryList = Static<typeof ProductCategoryList>;

export const CreateProductCategoryBody = Type.Object(
  {
    name: CategoryName,
    parentId: Type.Optional(Nullable(Id)),
    sortOrder: Type.Optional(SortOrder),
    repurchaseDays: Type.Optional(RepurchaseDays),
  },
  { additionalProperties: false },
);
export type CreateProductCategoryBody = Static<typeof CreateProductCategoryBody>;

export const UpdateProductCategoryBody = Type.Object(
  {
    name: Type.Optional(CategoryName),
    parentId: Type.Optional(Nullable(Id)),
    sortOrder: Type.Optional(SortOrder),
    repurchaseDays: Type.Optional(RepurchaseDays),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateProductCategoryBody = Static<typeof UpdateProductCategoryBody>;

// ---- Products (产品) ----

/** Sort keys of the product list; a leading '-' sorts descending. */
export const PRODUCT_SORTS = ['code', 'name', '-createdAt'] as const;
export const ProductSort = Type.Enum(PRODUCT_SORTS);
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const Product = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  categoryId: Nullable(Id),
  categoryName: Nullable(Type.String()),
  unit: Type.String(),
  specification: Nullable(Type.String()),
  listPriceFen: Type.Integer(),
  costPriceFen: Type.Integer(),
  currency: Type.String(),
  /** Inactive products stay on old orders but cannot be put on new ones. */
  active: Type.Boolean(),
  description: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type Product = Static<typeof Product>;
export const ProductPage = pageOf(Product);
export type ProductPage = Static<typeof ProductPage>;

export const ProductListQuery = Type.Object(
  {
    ...PageQuery,
    /** Matches code or name, case-insensitively. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    categoryId: Type.Optional(Id),
    active: Type.Optional(Type.Boolean()),
    sort: Type.Optional(ProductSort),
  },
  { additionalProperties: false },
);
export type ProductListQuery = Static<typeof ProductListQuery>;

const productFields = {
  code: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  categoryId: Nullable(Id),
  unit: Type.String({ minLength: 1, maxLength: 16 }),
  specification: Nullable(Type.String({ maxLength: 200 })),
  listPriceFen: AmountFen,
  costPriceFen: AmountFen,
  currency: Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY }),
  active: Type.Boolean({ default: true }),
  description: Nullable(Type.String({ maxLength: 2000 })),
};

export const CreateProductBody = Type.Object(
  {
    code: productFields.code,
    name: productFields.name,
    categoryId: Type.Optional(productFields.categoryId),
    unit: productFields.unit,
    specification: Type.Optional(productFields.specification),
    listPriceFen: productFields.listPriceFen,
    costPriceFen: productFields.costPriceFen,
    currency: Type.Optional(productFields.currency),
    active: Type.Optional(productFields.active),
    description: Type.Optional(productFields.description),
  },
  { additionalProperties: false },
);
export type CreateProductBody = Static<typeof CreateProductBody>;

export const UpdateProductBody = Type.Object(
  {
    code: Type.Optional(productFields.code),
    name: Type.Optional(productFields.name),
    categoryId: Type.Optional(productFields.categoryId),
    unit: Type.Optional(productFields.unit),
    specification: Type.Optional(productFields.specification),
    listPriceFen: Type.Optional(productFields.listPriceFen),
    costPriceFen: Type.Optional(productFields.costPriceFen),
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN })),
    active: Type.Optional(Type.Boolean()),
    description: Type.Optional(productFields.description),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateProductBody = Static<typeof UpdateProductBody>;

// ---- Price authority (价格权限, domain §5) ----

/** The floor is a share of the list price or of the cost price. */
export const PRICE_BASES = ['list', 'cost'] as const;
export const PriceBasis = Type.Enum(PRICE_BASES);
export type PriceBasis = (typeof PRICE_BASES)[number];
/** Basis points: 10000 = 100 %; up to 1000 % so a floor may lie above list price. */
export const MAX_PERCENT_BP = 100_000;

export const PriceAuthorityRowInput = Type.Object(
  {
    roleId: Id,
    /** Null: every stage without its own row for this role. */
    stage: Nullable(Stage),
    basis: PriceBasis,
    percentBp: Type.Integer({ minimum: 0, maximum: MAX_PERCENT_BP }),
  },
  { additionalProperties: false },
);
export type PriceAuthorityRowInput = Static<typeof PriceAuthorityRowInput>;

export const PriceAuthorityRow = Type.Object({
  id: Id,
  roleId: Id,
  roleCode: Type.String(),
  roleName: Type.String(),
  stage: Nullable(Stage),
  basis: PriceBasis,
  percentBp: Type.Integer(),
  updatedAt: Timestamp,
});
export type PriceAuthorityRow = Static<typeof PriceAuthorityRow>;
/** The organization's roles, so the settings screen can show roles without rows (no roles.view needed). */
export const PriceAuthorityRole = Type.Object({ id: Id, code: Type.String(), name: Type.String() });
export type PriceAuthorityRole = Static<typeof PriceAuthorityRole>;
export const PriceAuthorityMatrix = Type.Object({
  items: Type.Array(PriceAuthorityRow),
  roles: Type.Array(PriceAuthorityRole),
});
export type PriceAuthorityMatrix = Static<typeof PriceAuthorityMatrix>;

/** Replaces the whole matrix; a role or stage without a row falls back as `floorFor` describes. */
export const PutPriceAuthoritiesBody = Type.Object(
  { rows: Type.Array(PriceAuthorityRowInput, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type PutPriceAuthoritiesBody = Static<typeof PutPriceAuthoritiesBody>;
