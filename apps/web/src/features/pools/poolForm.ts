import {
  DEFAULT_POOL_RULES,
  DEFAULT_POOL_VISIBLE_FIELDS,
  type CreateCustomerPoolBody,
  type CustomerPool,
  type PoolRules,
  type PoolVisibleField,
} from '@guanxi/contract';

/** The settings form holds the request shape itself; empty number inputs are null (rule off). */
export interface PoolFormValues {
  name: string;
  openToAll: boolean;
  rules: PoolRules;
  visibleFields: PoolVisibleField[];
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

export function toPoolFormValues(pool: CustomerPool | undefined): PoolFormValues {
  if (!pool) {
    return {
      name: '',
      openToAll: false,
      rules: DEFAULT_POOL_RULES,
      visibleFields: DEFAULT_POOL_VISIBLE_FIELDS,
      adminUserIds: [],
      memberUserIds: [],
      memberDepartmentIds: [],
    };
  }
  return {
    name: pool.name,
    openToAll: pool.openToAll,
    rules: pool.rules,
    visibleFields: pool.visibleFields,
    adminUserIds: pool.adminUserIds,
    memberUserIds: pool.memberUserIds,
    memberDepartmentIds: pool.memberDepartmentIds,
  };
}

const orNull = (value: number | null | undefined): number | null => value ?? null;

/** Per-level days as the form holds them: a cleared input (null / undefined) means "pool default", so no key. */
const perTierDays = (days: Partial<Record<string, number | null>> | undefined): Record<string, number> =>
  Object.fromEntries(
    Object.entries(days ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );

/** Cleans the form's values into a request body (undefined numbers from cleared inputs → null). */
export function toPoolBody(values: PoolFormValues): Required<CreateCustomerPoolBody> {
  const rules = values.rules;
  return {
    name: values.name.trim(),
    openToAll: values.openToAll,
    rules: {
      noFollowUpDays: orNull(rules.noFollowUpDays),
      tierNoFollowUpDays: perTierDays(rules.tierNoFollowUpDays),
      notWonDays: orNull(rules.notWonDays),
      excludeWon: rules.excludeWon,
      reminderDaysBefore: rules.reminderDaysBefore ?? 0,
      dailyClaimLimit: orNull(rules.dailyClaimLimit),
      previousOwnerCooldownDays: rules.previousOwnerCooldownDays ?? 0,
      ownershipCap: orNull(rules.ownershipCap),
    },
    visibleFields: values.visibleFields,
    adminUserIds: values.adminUserIds,
    memberUserIds: values.memberUserIds,
    memberDepartmentIds: values.memberDepartmentIds,
  };
}
