import type {
  DictionaryKind,
  DuplicatePolicy,
  ImportFieldType,
  ImportKindName,
  Locale,
  Permission,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import type { MessageCatalog } from '../../platform/i18n/index.js';

/**
 * What one import kind (customers, contacts, products, orders …) tells the import engine.
 *
 * The engine (import-engine.ts) owns everything that is the same for every kind: reading the file
 * (encodings, CSV/XLSX, header row), mapping columns to fields, turning cells into typed values
 * ({@link ImportFieldSpec.type}: dates, money with ¥ / , / 万, phones, enumerations through the
 * value maps and the option synonyms), required fields, owners (column, fixed person, round-robin),
 * batching, progress, cancel, resume after a crash, the error report and the per-batch audit entry.
 *
 * A kind owns what is its own: its fields, and {@link ImportKind.importBatch}, which validates a batch
 * of converted rows by the same rules as the API, matches them to existing records (external id
 * first, then the duplicate rules) and — in the run, not in the dry run — writes them. The engine
 * calls `importBatch` inside one short transaction per batch, together with the progress update, so a
 * batch commits whole or not at all.
 *
 * Register a kind in `import-kinds.ts` (one line); see /work/notes/import-interface.md.
 */
export interface ImportKind {
  readonly name: ImportKindName;
  /** The permission that allows importing this kind (`customers.import`). */
  readonly permission: Permission;
  /**
   * The permission needed to give the imported records to someone else (owner column, another
   * person, round-robin), e.g. `customers.assign`; without it every record is the importer's own.
   * Leave out for kinds without owners.
   */
  readonly assignPermission?: Permission;
  /** Message key of the kind's name in the wizard ("Customers" / "客户"). */
  readonly labelKey: string;
  /**
   * The kind's own texts (labels, hints, option labels, row-error reasons) in both languages; the
   * imports module registers them. Keys `imports.<kind>.…` keep kinds from colliding.
   */
  readonly messages?: MessageCatalog;
  /** The fields a column can be mapped to, in the order the mapping screen shows them. */
  readonly fields: readonly ImportFieldSpec[];
  /**
   * Consecutive rows with the same key go into the same batch (an order's lines, grouped by order
   * number). Rows are otherwise batched by count. Return null for a row that starts no group.
   */
  groupKey?(row: ImportRow): string | null;
  /**
   * Validates, matches and (when `context.mode === 'run'`) writes one batch. Answers one result per
   * row, in the order given. Rows the engine already rejected (conversion errors, missing required
   * fields, unknown owner) never reach here.
   *
   * Rules:
   * - Check every rule before writing anything of a row; a row is written whole or reported. If
   *   this function throws, the engine rolls the batch back and replays it one row per transaction,
   *   reporting the row that throws as `internal`.
   * - Match by `externalId` (unique per organization and table, soft-deleted rows included) first,
   *   then by the duplicate rules; apply `context.duplicatePolicy` to a match: skip → `duplicate`,
   *   update → `updated` (or `unchanged` if no value differs), create → `created` anyway (never for an
   *   external id match: an external id names one record).
   * - Rows earlier in the same file count as existing: remember keys created in `context.fileMemory`
   *   (the dry run writes nothing, so it finds earlier rows only there).
   * - Write search tokens, derived columns and lifecycle effects as the module's own create does;
   *   audit each update (before/after) with `context.actor`; created rows are covered by the engine's
   *   audit entry per batch. Prefer multi-row inserts over one call per row.
   */
  importBatch(context: ImportBatchContext, rows: readonly ImportRow[]): Promise<ImportRowResult[]>;
  /**
   * Work on one row that needs no database (clean-up, keys, search tokens), which the engine does
   * while the batch before it is being written, so that it costs no waiting time. The kind keeps
   * the result with the row object (a WeakMap) for `importBatch`, which must work without it too.
   */
  prepareRow?(row: ImportRow, phase: 'check' | 'run'): void;
}

/** One field of a kind. */
export interface ImportFieldSpec {
  /** Stable key, used in mappings and templates (`name`, `phone`, `externalId`, `ownerId`). */
  readonly key: string;
  readonly type: ImportFieldType;
  readonly required?: boolean;
  /** Message key of the label ("Customer name" / "客户名称"). */
  readonly labelKey: string;
  /** Message key of an optional hint shown under the field (what it matches, accepted forms). */
  readonly hintKey?: string;
  /**
   * Header names that suggest this field, compared case-, space- and punctuation-insensitively
   * (客户名称, 公司名称, Customer Name, CUSTOMERNAME). The label in both languages is always a synonym.
   */
  readonly synonyms?: readonly string[];
  /**
   * For `enum`: the values and, per value, its label key and the file spellings that mean it
   * (来源 "展会" → `trade_show`). A value map saved with the mapping takes precedence.
   */
  readonly options?: readonly ImportFieldOptionSpec[];
  /**
   * For `enum`: the organization's dictionary the options come from (sources, industries, levels).
   * The engine replaces `options` with the organization's active entries (`withDictionaryOptions`),
   * keeping the spellings listed here for entries of the same code.
   */
  readonly dictionary?: DictionaryKind;
  /** For `text`: the longest accepted value; longer is a row error. */
  readonly maxLength?: number;
}

export interface ImportFieldOptionSpec {
  readonly value: string;
  readonly labelKey: string;
  /** Names of an option that has no message key (a dictionary entry), in both languages. */
  readonly names?: { readonly en: string; readonly zh: string };
  readonly synonyms?: readonly string[];
}

/** A converted value: strings for text, phone (as typed, trimmed), email (trimmed), enum and user
 * (the user's id); numbers for integer, number and money (fen); `YYYY-MM-DD` for date; ISO
 * timestamp for datetime; booleans; string arrays for tags. A field missing from the row is absent. */
export type ImportValue = string | number | boolean | string[];

/** One data row after mapping and conversion. */
export interface ImportRow {
  /** 1-based line (CSV) or row (XLSX) number in the file, as the user sees it in their program. */
  readonly rowNumber: number;
  /** Converted values by field key; only fields with a non-empty cell or a constant are present. */
  readonly values: Readonly<Record<string, ImportValue>>;
  /**
   * The owner the engine chose for the row (owner column, fixed person or round-robin), when the
   * kind has a field of type `user` named `ownerId`; the kind decides whether it uses it for
   * updates (it should not change the owner of an existing record unless the column was mapped).
   */
  readonly ownerId: string | null;
}

export type ImportRowResult =
  | {
      readonly outcome: 'created' | 'updated' | 'unchanged' | 'duplicate';
      readonly recordId?: string;
      /**
       * What the user should look at although the row is imported: a name similar to another
       * customer's (duplicate rules, domain §4). Listed in the report; codes `imports.<kind>.warning.*`.
       */
      readonly warnings?: readonly ImportRowIssue[];
    }
  | { readonly outcome: 'error'; readonly errors: readonly ImportRowIssue[] };

/**
 * Why a row was rejected. `code` is a message key registered in a module's message catalog (the
 * engine translates it into the reader's language when listing or exporting errors); `params` fill
 * its placeholders. Keys under `imports.rowError.*` are shared (required, invalid, tooLong,
 * notFound, duplicateInFile, deletedRecord, ambiguous, internal …): prefer them.
 */
export interface ImportRowIssue {
  readonly field: string | null;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What a batch sees; a new context per batch, except `fileMemory`, which lives through a phase. */
export interface ImportBatchContext {
  /** The batch's transaction: every query of the batch must use it (PGlite runs one at a time). */
  readonly tx: Executor;
  /** The user who started the import, with their current permissions and data scope (ip null). */
  readonly actor: Actor;
  readonly orgId: string;
  readonly importId: string;
  /** The dry run writes nothing; the run writes. */
  readonly mode: 'check' | 'run';
  readonly duplicatePolicy: DuplicatePolicy;
  /** Field keys the user mapped to a column or a constant (an update changes only those). */
  readonly mappedFields: ReadonlySet<string>;
  /** The reader's language of the import's creator, for texts written into records. */
  readonly locale: Locale;
  /** For domain events (customer.created …) published in the batch's transaction. */
  readonly events: EventBus;
  /**
   * Keys the file has produced so far in this phase (`phone:+862166668888` → record id, or a
   * placeholder in the dry run). Kept in memory by the worker; a dry run interrupted by a restart
   * starts again from its first row, so it is never stale.
   */
  readonly fileMemory: Map<string, string>;
  /** Now, fixed for the batch (timestamps of the batch's rows). */
  readonly now: Date;
}
