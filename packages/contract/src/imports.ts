import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, pageOf } from './common.js';

/**
 * Import wizard (issue 12): upload → detect → map → check → run → result. One import job per
 * uploaded file; the file stays in the server's staging area until the job ends.
 */

/** What a file imports. `sales_lines` is the flat one-row-per-order-line file of ERPs and old CRMs. */
export const IMPORT_KINDS = [
  'customers',
  'contacts',
  'leads',
  'products',
  'orders',
  'payments',
  'follow_ups',
  'sales_lines',
] as const;
export const ImportKindName = Type.Enum(IMPORT_KINDS);
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/**
 * uploaded: detected, waiting for a mapping · checking / checked: the dry run is queued or done ·
 * queued / running: the run waits for or holds the worker · completed / failed / cancelled: done.
 */
export const IMPORT_STATUSES = [
  'uploaded',
  'checking',
  'checked',
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
] as const;
export const ImportStatus = Type.Enum(IMPORT_STATUSES);
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ImportFormat = Type.Enum(IMPORT_FORMATS);
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The encodings the server converts from (iconv-lite names). */
export const IMPORT_ENCODINGS = [
  'utf-8',
  'gb18030',
  'big5',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
  'cp850',
  'cp437',
  'shift_jis',
] as const;
export const ImportEncoding = Type.Enum(IMPORT_ENCODINGS);
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** What happens to a row that matches an existing record (by external id or the duplicate rules). */
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export const DuplicatePolicy = Type.Enum(DUPLICATE_POLICIES);
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** How day/month order is read from ambiguous dates such as 03/01/24 (ISO and Excel dates need none). */
export const IMPORT_DATE_ORDERS = ['ymd', 'mdy', 'dmy'] as const;
export const ImportDateOrder = Type.Enum(IMPORT_DATE_ORDERS);
export type ImportDateOrder = (typeof IMPORT_DATE_ORDERS)[number];

/** How a file was read. Every property may be overridden by the user (PUT /imports/:id/source). */
export const ImportSource = Type.Object({
  format: ImportFormat,
  /** CSV only; null for XLSX. */
  encoding: Nullable(ImportEncoding),
  /** CSV only: `,` `;` `\t` `|`; null for XLSX. */
  delimiter: Nullable(Type.String({ minLength: 1, maxLength: 1 })),
  /** 1-based row of the header line; the data starts on the next row. */
  headerRow: Type.Integer({ minimum: 1, maximum: 100 }),
  /** XLSX only: the sheet read (its name); null for CSV. */
  sheet: Nullable(Type.String({ maxLength: 100 })),
});
export type ImportSource = Static<typeof ImportSource>;

export const UpdateImportSourceBody = Type.Object(
  {
    encoding: Type.Optional(ImportEncoding),
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
    headerRow: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    sheet: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type UpdateImportSourceBody = Static<typeof UpdateImportSourceBody>;

/** One column of the file: its header and a few sample values for the mapping screen. */
export const ImportColumn = Type.Object({
  /** 0-based position in the row. */
  index: Type.Integer({ minimum: 0 }),
  header: Type.String(),
  /** A few of the column's values, for the mapping screen. */
  samples: Type.Array(Type.String()),
  /** The column's distinct values in file order (at most 50), for value maps of enumerations. */
  values: Type.Array(Type.String()),
});
export type ImportColumn = Static<typeof ImportColumn>;

/** Who owns the created records: a column (username or name), one person, or round-robin. */
export const ImportOwnerRule = Type.Union([
  Type.Object({ mode: Type.Literal('column') }, { additionalProperties: false }),
  Type.Object({ mode: Type.Literal('fixed'), userId: Id }, { additionalProperties: false }),
  Type.Object(
    { mode: Type.Literal('round_robin'), userIds: Type.Array(Id, { minItems: 1, maxItems: 200 }) },
    { additionalProperties: false },
  ),
]);
export type ImportOwnerRule = Static<typeof ImportOwnerRule>;

/**
 * The mapping of a file to a kind's fields. `columns` maps a field key to a 0-based column;
 * `constants` gives a field one value for every row (e.g. customer type = company) when no column
 * has it; `valueMaps[field][file value] = field value` translates enumerations (状态 values →
 * order states). Unmapped columns are ignored.
 */
export const ImportMapping = Type.Object(
  {
    columns: Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0, maximum: 999 })),
    constants: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 200 })),
    valueMaps: Type.Record(
      Type.String({ maxLength: 64 }),
      Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 100 })),
    ),
    dateOrder: ImportDateOrder,
    duplicatePolicy: DuplicatePolicy,
    owner: ImportOwnerRule,
  },
  { additionalProperties: false },
);
export type ImportMapping = Static<typeof ImportMapping>;

/** A field a kind takes, as the mapping screen shows it (label in the reader's language). */
export const IMPORT_FIELD_TYPES = [
  'text',
  'integer',
  'number',
  'money',
  'date',
  'datetime',
  'phone',
  'email',
  'enum',
  'boolean',
  'user',
  'tags',
] as const;
export const ImportFieldType = Type.Enum(IMPORT_FIELD_TYPES);
export type ImportFieldType = (typeof IMPORT_FIELD_TYPES)[number];

export const ImportFieldOption = Type.Object({ value: Type.String(), label: Type.String() });
export type ImportFieldOption = Static<typeof ImportFieldOption>;

export const ImportField = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: ImportFieldType,
  required: Type.Boolean(),
  /** A short hint in the reader's language (what the field matches, accepted forms). */
  hint: Nullable(Type.String()),
  /** The values an enumeration takes, for the value map. */
  options: Type.Array(ImportFieldOption),
});
export type ImportField = Static<typeof ImportField>;

/** An import kind the caller may use, with its fields. */
export const ImportKindInfo = Type.Object({
  kind: ImportKindName,
  label: Type.String(),
  fields: Type.Array(ImportField),
});
export type ImportKindInfo = Static<typeof ImportKindInfo>;
export const ImportKindList = Type.Object({
  items: Type.Array(ImportKindInfo),
  /** The largest file one upload may carry (the server's UPLOAD_MAX_MB), for the upload hint. */
  maxUploadBytes: Type.Integer({ minimum: 1 }),
});
export type ImportKindList = Static<typeof ImportKindList>;

/**
 * Row counts of a check or a run; `errors` counts rows, `reasons` counts each reason.
 * `similarNames` counts rows imported (or to be imported) with a warning: the name is similar to an
 * existing customer's or an earlier row's (duplicate rules, domain §4); they are also in `created`.
 */
export const ImportSummary = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  duplicates: Type.Integer(),
  errors: Type.Integer(),
  similarNames: Type.Integer(),
  reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), count: Type.Integer() })),
});
export type ImportSummary = Static<typeof ImportSummary>;

export const ImportProgress = Type.Object({
  /** Data rows in the file (known after detection). */
  total: Type.Integer(),
  done: Type.Integer(),
  /** Rows per second since the phase started; null before the first batch. */
  rate: Nullable(Type.Number()),
  secondsLeft: Nullable(Type.Integer()),
});
export type ImportProgress = Static<typeof ImportProgress>;

export const ImportJob = Type.Object({
  id: Id,
  kind: ImportKindName,
  status: ImportStatus,
  fileName: Type.String(),
  fileSize: Type.Integer(),
  source: ImportSource,
  /** Sheet names of an XLSX file, in order; empty for CSV. */
  sheets: Type.Array(Type.String()),
  columns: Type.Array(ImportColumn),
  /** The saved mapping, or the server's suggestion while none is saved. */
  mapping: ImportMapping,
  mappingSaved: Type.Boolean(),
  progress: ImportProgress,
  /** The dry run's summary once checked; null before. */
  checkSummary: Nullable(ImportSummary),
  /** The run's summary so far (final once completed); null before the run. */
  runSummary: Nullable(ImportSummary),
  /** Why a failed job failed, in the reader's language. */
  failure: Nullable(Type.String()),
  createdBy: Type.Object({ id: Id, name: Type.String() }),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
});
export type ImportJob = Static<typeof ImportJob>;

export const ImportJobListQuery = Type.Object(
  { ...PageQuery, kind: Type.Optional(ImportKindName) },
  { additionalProperties: false },
);
export type ImportJobListQuery = Static<typeof ImportJobListQuery>;
export const ImportJobPage = pageOf(ImportJob);
export type ImportJobPage = Static<typeof ImportJobPage>;

/** Upload form: the file and the kind it imports. */
export const ImportUploadForm = Type.Object(
  {
    file: Type.Unsafe<Blob>({ type: 'string', format: 'binary', description: 'The CSV, TSV or XLSX file' }),
    kind: ImportKindName,
  },
  { additionalProperties: false },
);

export const SaveImportMappingBody = ImportMapping;

/**
 * One rejected row, or an imported row with a warning (`severity`): its 1-based line in the file, the
 * reason in the reader's language, the original cells.
 */
export const ImportRowError = Type.Object({
  rowNumber: Type.Integer(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  field: Nullable(Type.String()),
  code: Type.String(),
  message: Type.String(),
  values: Type.Array(Type.String()),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportErrorQuery = Type.Object(
  {
    /** Errors of the dry run or of the run (default: the latest phase). */
    phase: Type.Optional(Type.Union([Type.Literal('check'), Type.Literal('run')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ImportErrorQuery = Static<typeof ImportErrorQuery>;
export const ImportErrorPage = pageOf(ImportRowError);
export type ImportErrorPage = Static<typeof ImportErrorPage>;

/** A saved mapping for a kind, reused for the next file with the same columns. */
export const ImportTemplate = Type.Object({
  id: Id,
  kind: ImportKindName,
  name: Type.String(),
  /** Headers the mapping was made for; the columns are matched by header when applied. */
  headers: Type.Array(Type.String()),
  mapping: ImportMapping,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ImportTemplate = Static<typeof ImportTemplate>;
export const ImportTemplateList = Type.Object({ items: Type.Array(ImportTemplate) });
export type ImportTemplateList = Static<typeof ImportTemplateList>;
export const ImportTemplateListQuery = Type.Object(
  { kind: Type.Optional(ImportKindName) },
  { additionalProperties: false },
);
export type ImportTemplateListQuery = Static<typeof ImportTemplateListQuery>;

export const SaveImportTemplateBody = Type.Object(
  {
    kind: ImportKindName,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    headers: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 }),
    mapping: ImportMapping,
  },
  { additionalProperties: false },
);
export type SaveImportTemplateBody = Static<typeof SaveImportTemplateBody>;

/** Apply a saved template to a job's columns (matched by header); answers the job with the mapping saved. */
export const ApplyImportTemplateBody = Type.Object({ templateId: Id }, { additionalProperties: false });
export type ApplyImportTemplateBody = Static<typeof ApplyImportTemplateBody>;
