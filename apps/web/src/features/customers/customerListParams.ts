import {
  CUSTOMER_KINDS,
  CUSTOMER_SORTS,
  CUSTOMER_VIEWS,
  GENDERS,
  RELATIONSHIP_PHASES,
  RFM_SEGMENTS,
  SCALES,
  STAGES,
  DICTIONARY_CODE_PATTERN,
  type CustomerSort,
} from '@guanxi/contract';
import type { CustomerFilters } from './customers.queries';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** A dictionary entry's code (source, level): the organization's entries are checked by the server. */
const dictionaryCode = (value: string | null): string | undefined =>
  value && value.length <= 32 && new RegExp(DICTIONARY_CODE_PATTERN).test(value) ? value : undefined;

const SORTS: readonly CustomerSort[] = CUSTOMER_SORTS.flatMap((s) => [s, `-${s}` as const]);

const text = (value: string | null, max = 50) => {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
};
const timestamp = (value: string | null) => (value && !Number.isNaN(Date.parse(value)) ? value : undefined);
const days = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined;
};
/** A whole number of days in the current stage (0 = entered within the last 24 hours). */
const dayCount = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 0 && n <= 36500 ? n : undefined;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Drops undefined and empty values, so equal filters compare equal (saved views, query keys). */
export function compactFilters(filters: CustomerFilters): CustomerFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  ) as CustomerFilters;
}

/** The filters beyond the basic bar, shown in the "more filters" panel. */
export const MORE_FILTER_KEYS = [
  'industry',
  'scale',
  'gender',
  'ownerId',
  'province',
  'city',
  'district',
  'tag',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'daysInStageMin',
  'daysInStageMax',
  'cf',
] as const satisfies readonly (keyof CustomerFilters)[];

/**
 * The list's filters live in the URL (shareable, and the workbench chart links to a stage);
 * unknown values are dropped rather than sent to the server.
 */
export function filtersFromSearch(params: URLSearchParams): CustomerFilters {
  const tags = params
    .getAll('tag')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0 && tag.length <= 20)
    .slice(0, 10);
  const ownerId = params.get('ownerId');
  return compactFilters({
    q: text(params.get('q'), 64),
    view: pick(CUSTOMER_VIEWS, params.get('view')),
    stage: pick(STAGES, params.get('stage')),
    relationshipPhase: pick(RELATIONSHIP_PHASES, params.get('relationshipPhase')),
    rfmSegment: pick(RFM_SEGMENTS, params.get('rfmSegment')),
    kind: pick(CUSTOMER_KINDS, params.get('kind')),
    tier: dictionaryCode(params.get('tier')),
    source: dictionaryCode(params.get('source')),
    scale: pick(SCALES, params.get('scale')),
    gender: pick(GENDERS, params.get('gender')),
    ownerId: ownerId && UUID.test(ownerId) ? ownerId : undefined,
    industry: text(params.get('industry')),
    province: text(params.get('province')),
    city: text(params.get('city')),
    district: text(params.get('district')),
    tag: tags,
    createdFrom: timestamp(params.get('createdFrom')),
    createdTo: timestamp(params.get('createdTo')),
    updatedFrom: timestamp(params.get('updatedFrom')),
    updatedTo: timestamp(params.get('updatedTo')),
    sort: pick(SORTS, params.get('sort')),
    deleted: params.get('deleted') === 'true' ? true : undefined,
    // Drill-down from the team activity page: customers not followed up for N days.
    noFollowUpDays: days(params.get('noFollowUpDays')),
    // Stage strategy: the last follow-up is older than the stage's cadence.
    followUpOverdue: params.get('followUpOverdue') === 'true' ? true : undefined,
    daysInStageMin: dayCount(params.get('daysInStageMin')),
    daysInStageMax: dayCount(params.get('daysInStageMax')),
    // Custom field filters `key:value`; the server checks the key and value against the field.
    cf: params
      .getAll('cf')
      .filter((entry) => /^[a-z][a-z0-9_]{0,39}:.+/.test(entry) && entry.length <= 140)
      .slice(0, 10),
  });
}

export function searchFromFilters(filters: CustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(compactFilters(filters))) {
    if (Array.isArray(value)) for (const item of value as string[]) params.append(key, item);
    else params.set(key, String(value));
  }
  return params;
}

/** The customer list's address with these filters, e.g. a report's click-through. */
export const customerListPath = (filters: CustomerFilters): string =>
  `/customers?${searchFromFilters(filters).toString()}`;

/** Whether two filter sets select the same rows in the same order. */
export function sameFilters(a: CustomerFilters, b: CustomerFilters): boolean {
  const normalize = (filters: CustomerFilters) =>
    JSON.stringify(Object.entries(compactFilters(filters)).sort(([x], [y]) => x.localeCompare(y)));
  return normalize(a) === normalize(b);
}
