import type { Executor } from '../../platform/db/client.js';
import { activeDictionaryEntries } from '../dictionaries/index.js';
import type { ImportFieldOptionSpec, ImportKind } from './import-kind.js';

/**
 * The kind as one organization imports it: each field backed by a dictionary (source, industry,
 * level) offers the organization's active entries — added ones too, deactivated ones no more —
 * named in both languages, with the built-in spellings (展会 → trade_fair, "A类") of the same code.
 */
export async function withDictionaryOptions(db: Executor, orgId: string, kind: ImportKind): Promise<ImportKind> {
  if (!kind.fields.some((field) => field.dictionary)) return kind;
  const fields = [];
  for (const field of kind.fields) {
    if (!field.dictionary) {
      fields.push(field);
      continue;
    }
    const builtIn = new Map((field.options ?? []).map((option) => [option.value, option]));
    const options: ImportFieldOptionSpec[] = (await activeDictionaryEntries(db, orgId, field.dictionary)).map(
      (entry) => ({
        value: entry.code,
        labelKey: builtIn.get(entry.code)?.labelKey ?? '',
        names: { en: entry.nameEn, zh: entry.nameZh },
        synonyms: builtIn.get(entry.code)?.synonyms ?? [],
      }),
    );
    fields.push({ ...field, options });
  }
  return { ...kind, fields };
}
