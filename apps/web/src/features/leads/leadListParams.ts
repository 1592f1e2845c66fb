import { DICTIONARY_CODE_PATTERN, LEAD_STATUSES } from '@guanxi/contract';
import type { LeadFilters } from './leads.queries';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** A dictionary entry's code (source, level): the organization's entries are checked by the server. */
const dictionaryCode = (value: string | null): string | undefined =>
  value && value.length <= 32 && new RegExp(DICTIONARY_CODE_PATTERN).test(value) ? value : undefined;

/** The list's filters live in the URL (shareable); unknown values are dropped, not sent. */
export function leadFiltersFromSearch(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {
    q: params.get('q')?.trim() || undefined,
    status: pick(LEAD_STATUSES, params.get('status')),
    source: dictionaryCode(params.get('source')),
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
