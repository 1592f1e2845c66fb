import { CUSTOMER_KINDS, CUSTOMER_SORTS, SOURCES, STAGES, TIERS, type CustomerSort } from '@guanxi/contract';
import type { CustomerFilters } from './customers.queries';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

const SORTS: readonly CustomerSort[] = CUSTOMER_SORTS.flatMap((s) => [s, `-${s}` as const]);

/**
 * The list's filters live in the URL (shareable, and the workbench chart links to a stage);
 * unknown values are dropped rather than sent to the server.
 */
export function filtersFromSearch(params: URLSearchParams): CustomerFilters {
  const filters: CustomerFilters = {
    q: params.get('q')?.trim() || undefined,
    stage: pick(STAGES, params.get('stage')),
    kind: pick(CUSTOMER_KINDS, params.get('kind')),
    tier: pick(TIERS, params.get('tier')),
    source: pick(SOURCES, params.get('source')),
    sort: pick(SORTS, params.get('sort')),
    deleted: params.get('deleted') === 'true' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as CustomerFilters;
}

export function searchFromFilters(filters: CustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}
