import type { DictionaryKind, Locale } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { OrganizationLabels } from '../../platform/export/index.js';
import { dictionariesRepository, type DictionaryEntryRow } from './dictionaries.repository.js';

/** A record's dictionary fields (customers: source, industry, tier; leads: source), by kind. */
export type DictionaryValues = Partial<Record<DictionaryKind, string | null | undefined>>;

/**
 * Refuses (400 naming each field) a dictionary field set to a code that is not an active entry of
 * the organization. Only values that change are checked: a record keeps an entry deactivated since,
 * or an industry typed as free text before the dictionary, through edits of its other fields.
 */
export async function assertDictionaryValues(
  db: Executor,
  options: { orgId: string; values: DictionaryValues; previous?: DictionaryValues },
): Promise<void> {
  const fields: { field: string; key: 'validation.notInDictionary' }[] = [];
  for (const [kind, value] of Object.entries(options.values) as [DictionaryKind, string | null | undefined][]) {
    // Empty means "none": a cleared field (a company edited into a person clears its industry) is
    // sent as null, which body validation turns into '' for a plain text column.
    if (value === null || value === undefined || value === '' || value === options.previous?.[kind]) continue;
    const active = await dictionariesRepository.findActiveCodes(db, { orgId: options.orgId, kind, codes: [value] });
    if (active.length === 0) fields.push({ field: kind, key: 'validation.notInDictionary' });
  }
  if (fields.length > 0) throw new AppError('validation', 'error.validation', { fields });
}

/**
 * The codes among `codes` that are no entry of the organization's dictionary `kind`, active or not
 * (settings keyed by an entry, such as a pool's per-level reclaim days, may keep a deactivated one).
 */
export async function unknownDictionaryCodes(
  db: Executor,
  options: { orgId: string; kind: DictionaryKind; codes: readonly string[] },
): Promise<string[]> {
  if (options.codes.length === 0) return [];
  const known = new Set((await dictionariesRepository.findAll(db, options.orgId, options.kind)).map((row) => row.code));
  return options.codes.filter((code) => !known.has(code));
}

/** The organization's active entries of one kind, in order (imports map file values onto them). */
export async function activeDictionaryEntries(
  db: Executor,
  orgId: string,
  kind: DictionaryKind,
): Promise<Pick<DictionaryEntryRow, 'code' | 'nameZh' | 'nameEn'>[]> {
  return (await dictionariesRepository.findAll(db, orgId, kind)).filter((row) => row.active);
}

/**
 * Every entry's name in the reader's language, by kind and code — for files and reports, which show
 * names, never codes (inactive entries too: old records still carry them).
 */
export async function dictionaryLabels(db: Executor, orgId: string, locale: Locale): Promise<OrganizationLabels> {
  const labels: Record<string, Record<string, string>> = { source: {}, industry: {}, tier: {} };
  for (const row of await dictionariesRepository.findAll(db, orgId))
    (labels[row.kind] ??= {})[row.code] = locale === 'en' ? row.nameEn : row.nameZh;
  return labels;
}
