/**
 * The web's view of `@guanxi/contract`. It re-exports everything, but re-states the enum-typed
 * fields: in the contract those unions are built with `Type.Union(LIST.map(Type.Literal))`,
 * whose `Static` type is `never` (TypeBox needs a tuple there; `Type.Enum(LIST)` would do).
 * Once the contract is fixed every `Patch` below is an identity and this file can go.
 */
import type * as C from '@guanxi/contract';
import type {
  CUSTOMER_SORTS,
  CustomerKind,
  DATA_SCOPES,
  FieldPermissions,
  Permission,
  Source,
  Stage,
  Tier,
} from '@guanxi/contract';

export * from '@guanxi/contract';

type Patch<T, P> = Omit<T, keyof P> & P;

export type DataScope = (typeof DATA_SCOPES)[number];
export type CustomerSort = (typeof CUSTOMER_SORTS)[number] | `-${(typeof CUSTOMER_SORTS)[number]}`;

interface CustomerEnums {
  kind: CustomerKind;
  stage: Stage;
  tier: Tier | null;
  source: Source | null;
}
export type Customer = Patch<C.Customer, CustomerEnums>;
export type CustomerPage = Patch<C.CustomerPage, { items: Customer[] }>;
export type CustomerListQuery = Patch<
  C.CustomerListQuery,
  { stage?: Stage; kind?: CustomerKind; tier?: Tier; source?: Source; sort?: CustomerSort }
>;
export type CreateCustomerBody = Patch<C.CreateCustomerBody, Partial<CustomerEnums> & { kind: CustomerKind }>;
export type UpdateCustomerBody = Patch<C.UpdateCustomerBody, Partial<Omit<CustomerEnums, 'stage'>>>;

interface AccessFields {
  permissions: Permission[];
  dataScope: DataScope;
  fieldPermissions: FieldPermissions;
}
export type Me = Patch<C.Me, AccessFields>;
export type Role = Patch<C.Role, AccessFields>;
export type CreateRoleBody = Patch<C.CreateRoleBody, Patch<AccessFields, { fieldPermissions?: FieldPermissions }>>;
export type UpdateRoleBody = Patch<C.UpdateRoleBody, Partial<AccessFields>>;
