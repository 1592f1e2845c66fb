import { Type, type Static } from 'typebox';
import { VersionField } from './common.js';

/**
 * Admin-edited dictionaries (数据字典, issue 14): the organization's own lists of customer sources
 * (shared by leads and customers), industries and customer levels (客户等级). Records store an
 * entry's stable `code`; screens, reports and files show its name in the reader's language.
 */
export const DICTIONARY_KINDS = ['source', 'industry', 'tier'] as const;
export const DictionaryKind = Type.Enum(DICTIONARY_KINDS);
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

/** Letters, digits and underscores: codes travel in URLs, imports' value maps and reports. */
export const DICTIONARY_CODE_PATTERN = '^[A-Za-z0-9_]+$';
export const DictionaryCode = Type.String({ minLength: 1, maxLength: 32, pattern: DICTIONARY_CODE_PATTERN });
export type DictionaryCode = Static<typeof DictionaryCode>;

const NameZh = Type.String({ minLength: 1, maxLength: 32 });
const NameEn = Type.String({ minLength: 1, maxLength: 48 });
const SortOrder = Type.Integer({ minimum: 0, maximum: 100000 });

export const DictionaryEntry = Type.Object({
  kind: DictionaryKind,
  code: DictionaryCode,
  nameZh: Type.String(),
  nameEn: Type.String(),
  sortOrder: Type.Integer(),
  /** Inactive entries still label the records that carry them, but are offered for no new choice. */
  active: Type.Boolean(),
  /** Whether the built-in list had it (seeded); built-in and added entries are edited alike. */
  builtIn: Type.Boolean(),
  version: Type.Integer(),
});
export type DictionaryEntry = Static<typeof DictionaryEntry>;

/** Every entry of every kind, active or not, by kind and sort order. */
export const DictionaryList = Type.Object({ items: Type.Array(DictionaryEntry) });
export type DictionaryList = Static<typeof DictionaryList>;

export const DictionaryKindParams = Type.Object({ kind: DictionaryKind }, { additionalProperties: false });
export const DictionaryEntryParams = Type.Object(
  { kind: DictionaryKind, code: DictionaryCode },
  { additionalProperties: false },
);

/** A new entry; without a code the server makes one from the names (拼音 of the Chinese name). */
export const CreateDictionaryEntryBody = Type.Object(
  {
    code: Type.Optional(DictionaryCode),
    nameZh: NameZh,
    nameEn: NameEn,
    sortOrder: Type.Optional(SortOrder),
  },
  { additionalProperties: false },
);
export type CreateDictionaryEntryBody = Static<typeof CreateDictionaryEntryBody>;

/** Rename, move or (de)activate one entry; its code never changes. */
export const UpdateDictionaryEntryBody = Type.Object(
  {
    nameZh: Type.Optional(NameZh),
    nameEn: Type.Optional(NameEn),
    sortOrder: Type.Optional(SortOrder),
    active: Type.Optional(Type.Boolean()),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateDictionaryEntryBody = Static<typeof UpdateDictionaryEntryBody>;

/** A kind's entries in their new order: every code of the kind, once each. */
export const ReorderDictionaryBody = Type.Object(
  { codes: Type.Array(DictionaryCode, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type ReorderDictionaryBody = Static<typeof ReorderDictionaryBody>;
