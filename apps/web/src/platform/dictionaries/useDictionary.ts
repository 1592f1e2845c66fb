import { endpoints, type DictionaryEntry, type DictionaryKind } from '@guanxi/contract';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEndpointQuery } from '../endpointQueries';

/** The organization's dictionaries (sources, industries, customer levels): one cached answer for every screen. */
export const dictionaryKeys = { all: ['dictionaries'] as const };

export const useDictionaryEntries = () =>
  useEndpointQuery(endpoints.dictionaries.list, {
    queryKey: dictionaryKeys.all,
    transform: (list) => list.items,
    // Admins change the lists rarely; their own edits invalidate the key.
    staleTime: 5 * 60_000,
  });

/** An entry's name in the reader's language. */
export const useEntryName = () => {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback(
    (entry: Pick<DictionaryEntry, 'nameZh' | 'nameEn'>) => (english ? entry.nameEn : entry.nameZh),
    [english],
  );
};

export interface Dictionary {
  /** Every entry of the kind, inactive ones too, in order. */
  entries: DictionaryEntry[];
  /**
   * What a form or filter offers: the active entries, plus `keep` (the record's current value) when
   * it is an inactive entry or an old free-text value, so editing a record never loses it.
   */
  options: (keep?: string | null) => { value: string; label: string }[];
  /** A stored value as shown: the entry's name in the reader's language, an unknown value as stored, null as null. */
  label: (code: string | null | undefined) => string | null;
  isPending: boolean;
}

/**
 * One dictionary with a label function: screens show names, never codes.
 *
 * @example const sources = useDictionary('source'); sources.label(customer.source) // 展会 / Trade fair
 */
export function useDictionary(kind: DictionaryKind): Dictionary {
  const query = useDictionaryEntries();
  const nameOf = useEntryName();
  return useMemo(() => {
    const entries = (query.data ?? []).filter((entry) => entry.kind === kind);
    const byCode = new Map(entries.map((entry) => [entry.code, entry]));
    const label = (code: string | null | undefined) => {
      if (code === null || code === undefined || code === '') return null;
      const entry = byCode.get(code);
      return entry ? nameOf(entry) : code;
    };
    const options = (keep?: string | null) => {
      const offered = entries
        .filter((entry) => entry.active || entry.code === keep)
        .map((entry) => ({ value: entry.code, label: nameOf(entry) }));
      if (keep && !byCode.has(keep)) offered.push({ value: keep, label: keep });
      return offered;
    };
    return { entries, options, label, isPending: query.isPending };
  }, [query.data, query.isPending, kind, nameOf]);
}
