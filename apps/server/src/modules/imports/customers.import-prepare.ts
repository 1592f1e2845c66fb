import {
  CUSTOMER_COMPANY_ONLY_FIELDS,
  CUSTOMER_PERSON_ONLY_FIELDS,
  customerFieldAccess,
  normalizeCreditCode,
} from '@guanxi/contract';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertValidCustomer,
  cleanCustomerInput,
  unnumberedDerivedValues,
  type CustomerImportRow,
} from '../customers/index.js';
import type { ImportRow, ImportRowIssue } from './import-kind.js';
import type { MatchKey } from './record-matching.js';

/**
 * A customer row before the database: its values cleaned by the customer rules, their issues, the
 * keys it is matched by and the columns derived from it — all work that needs no transaction, done
 * while the previous batch is being written.
 */

/** The customer columns an import writes, in the API's order. */
export const WRITABLE = [
  'kind',
  'name',
  'phone',
  'email',
  'creditCode',
  'industry',
  'scale',
  'website',
  'gender',
  'birthday',
  'tier',
  'source',
  'tags',
  'province',
  'city',
  'district',
  'address',
  'remarks',
] as const;
export type Writable = (typeof WRITABLE)[number];
export type CustomerValues = { [K in Writable]?: K extends 'tags' ? string[] : string | null };
/** A row's values with the two every customer has. */
export type ValuesOfRow = CustomerValues & { kind: string; name: string };

export const PROTECTED = ['phone', 'email', 'address', 'remarks'];

/** Keys a customer row is matched by: the duplicate rules' exact keys and the normalized name. */
function customerMatchKeys(values: {
  phone?: string | null | undefined;
  email?: string | null | undefined;
  creditCode?: string | null | undefined;
  name?: string | null | undefined;
}) {
  return {
    phone: normalizePhone(values.phone).e164,
    email: values.email ? normalizeEmail(values.email) : null,
    creditCode: values.creditCode ? normalizeCreditCode(values.creditCode) : null,
    name: values.name ? normalizeName(values.name) : null,
  };
}

/** A protected customer field (phone, email, address, remarks) the importer may not write. */
export const isReadOnlyForImporter = (permissions: Parameters<typeof customerFieldAccess>[0], field: string) =>
  customerFieldAccess(permissions, field) !== 'edit';

/** Issues from the customer rules (credit code check digit, person-only fields, a person's mobile). */
export function ruleIssues(values: ValuesOfRow): ImportRowIssue[] {
  try {
    assertValidCustomer(values);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (error.options.fields ?? []).map((field) => ({
      field: field.field,
      code:
        {
          'validation.creditCode': 'imports.rowError.creditCode',
          'validation.mobile': 'imports.rowError.mobile',
          'validation.notForKind': 'imports.customers.error.notForKind',
          'validation.date': 'imports.rowError.notADate',
          'validation.required': 'imports.rowError.required',
        }[field.key as string] ?? 'imports.rowError.invalid',
    }));
  }
}

function valuesOf(row: ImportRow): ValuesOfRow {
  const v = row.values;
  const personHint = v.gender !== undefined || v.birthday !== undefined;
  const values: ValuesOfRow = {
    kind: typeof v.kind === 'string' ? v.kind : personHint ? 'person' : 'company',
    name: String(v.name ?? ''),
  };
  for (const field of WRITABLE) {
    if (field === 'kind' || field === 'name' || v[field] === undefined) continue;
    (values as Record<string, unknown>)[field] = v[field];
  }
  return cleanCustomerInput(values);
}

export const keysOf = (values: CustomerValues & { name: string }, externalId: string | null): MatchKey[] => {
  const keys = customerMatchKeys(values);
  return [
    ...(externalId ? [{ kind: 'externalId' as const, value: externalId }] : []),
    ...(keys.phone ? [{ kind: 'exact' as const, field: 'phone', value: `phone:${keys.phone}` }] : []),
    ...(keys.email ? [{ kind: 'exact' as const, field: 'email', value: `email:${keys.email}` }] : []),
    ...(keys.creditCode ? [{ kind: 'exact' as const, field: 'creditCode', value: `credit:${keys.creditCode}` }] : []),
    ...(keys.name ? [{ kind: 'name' as const, value: `name:${keys.name}` }] : []),
  ];
};

export const dbKeysOf = (row: CustomerImportRow): string[] => [
  ...(row.deletedAt === null && row.phoneE164 ? [`phone:${row.phoneE164}`] : []),
  ...(row.deletedAt === null && row.emailNormalized ? [`email:${row.emailNormalized}`] : []),
  ...(row.deletedAt === null && row.creditCode ? [`credit:${row.creditCode}`] : []),
  ...(row.deletedAt === null && row.nameNormalized ? [`name:${row.nameNormalized}`] : []),
];

/** A row's values, rule issues, match keys and — for the run — derived columns before numbering. */
export interface PreparedCustomerRow {
  values: ValuesOfRow;
  externalId: string | null;
  keys: MatchKey[];
  issues: readonly ImportRowIssue[];
  derived: ReturnType<typeof unnumberedDerivedValues> | undefined;
}

const preparedAhead = new WeakMap<ImportRow, PreparedCustomerRow>();

function preparedRowOf(row: ImportRow, mode: 'check' | 'run'): PreparedCustomerRow {
  const values = valuesOf(row);
  const externalId = typeof row.values.externalId === 'string' ? row.values.externalId : null;
  const issues = ruleIssues(values);
  return {
    values,
    externalId,
    keys: keysOf(values, externalId),
    issues,
    derived: mode === 'run' && issues.length === 0 ? unnumberedDerivedValues(storedValuesOf(values)) : undefined,
  };
}

/** The row as prepared ahead, or prepared now (a replayed or directly called batch). */
export const preparedCustomerRow = (row: ImportRow, mode: 'check' | 'run'): PreparedCustomerRow =>
  preparedAhead.get(row) ?? preparedRowOf(row, mode);

/** Done by the engine while the previous batch is written (see `ImportKind.prepareRow`). */
export function prepareCustomerRow(row: ImportRow, phase: 'check' | 'run'): void {
  preparedAhead.set(row, preparedRowOf(row, phase));
}

/** The values as stored: a company keeps no person-only field and a person no company-only one. */
export function storedValuesOf(values: ValuesOfRow): ValuesOfRow {
  const otherKindFields: readonly string[] =
    values.kind === 'person' ? CUSTOMER_COMPANY_ONLY_FIELDS : CUSTOMER_PERSON_ONLY_FIELDS;
  return Object.fromEntries(Object.entries(values).filter(([key]) => !otherKindFields.includes(key))) as ValuesOfRow;
}
