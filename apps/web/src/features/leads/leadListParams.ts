import { LEAD_STATUSES, SOURCES } from '@guanxi/contract';
import type { LeadFilters } from './leads.queries';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** The list's filters live in the URL (shareable); unknown values are dropped, not sent. */
export function leadFiltersFromSearch(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {
    q: params.get('q')?.trim() || undefined,
    status: pick(LEAD_STATUSES, params.get('status')),
    source: pick(SOURCES, params.get('source')),
    poolId: params.get('poolId') || undefined,
    deleted: params.get('deleted') === 'true' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as LeadFilters;
}

export function searchFromLeadFilters(filters: LeadFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}
