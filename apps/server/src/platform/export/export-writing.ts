import type { Writable } from 'node:stream';
import type { EndpointDefinition, EndpointQuery, ExportFile, ExportFormat, ListExportJob } from '@guanxi/contract';
import type { TSchema } from 'typebox';
import type { Actor } from '../auth/actor.js';
import type { AuditEntity } from '@guanxi/contract';
import type { Db } from '../db/client.js';
import { translate, type MessageKey } from '../i18n/index.js';
import { localDateOf, orgTimeZone } from '../time/index.js';
import { cellFormat, type Cell, type ExportColumn, type OrganizationLabels } from './export-columns.js';
import { tableWriter, type TableColumn } from './table-writer.js';

/**
 * Rows read per query: memory stays one page whatever the total, and a page is large enough that
 * the per-query cost (scope, plan, round trip) is a small share of the rows (bench W12: 200 → 1,000).
 */
export const EXPORT_PAGE_SIZE = 1000;

/** A list export endpoint, as `exportEndpointOf` in the contract makes it. */
export type ExportEndpoint = EndpointDefinition & {
  method: 'GET';
  query: TSchema;
  responses: { 200: typeof ExportFile; 202: typeof ListExportJob };
};

/** The list query an export pages through: the export's filters and sort, plus page parameters. */
export type ExportListQuery<E extends ExportEndpoint> = Omit<EndpointQuery<E>, 'format'> & {
  limit?: number;
  cursor?: string;
};

export interface ExportPage<Item> {
  items: Item[];
  nextCursor: string | null;
  /** The list's count on its first page, when it gives one (exact, or the planner's estimate). */
  total?: number;
}

/** What one list's export is made of; the route, streaming, jobs, permission, audit and limit are shared. */
export interface ListExportDefinition<E extends ExportEndpoint, Item> {
  endpoint: E;
  /**
   * The list endpoint's own service function, so the file holds exactly what the list shows the
   * caller: same filters and sort, same data scope, hidden fields already left out.
   */
  list: (actor: Actor, query: ExportListQuery<E>) => Promise<ExportPage<Item>>;
  columns: readonly ExportColumn<Item>[];
  /** The file's and sheet's name, e.g. 客户 → 客户-20261207-0930.xlsx. */
  title: MessageKey;
  /** The audit entry's record type: the list's records. */
  entity: AuditEntity;
  /**
   * Columns the organization defined (custom fields, issue 14), after the fixed ones: only those the
   * reader may see, headed in the reader's language.
   */
  moreColumns?: (actor: Actor) => Promise<readonly ExportColumn<Item>[]>;
  /** The organization's own labels the columns use (`format.label(prefix, code)`), in the reader's language. */
  labels?: (actor: Actor) => Promise<OrganizationLabels>;
}

/** A definition whose endpoint and item types no longer matter (the job worker's registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of definitions of any list's item type
export type AnyListExport = ListExportDefinition<ExportEndpoint, any>;

const DEFAULT_WIDTHS = { text: 18, number: 10, money: 14 } as const;

export function fileNameOf(title: string, format: ExportFormat, timeZone: string, now = new Date()): string {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(now)
    .replace(':', '');
  return `${title}-${localDateOf(now, timeZone).replaceAll('-', '')}-${clock}.${format}`;
}

const visibleColumns = <Item>(columns: readonly ExportColumn<Item>[], actor: Actor) =>
  columns.filter((column) => !column.protectedField || actor.fieldPermissions[column.protectedField] !== 'hidden');

/**
 * Writes a list to `out` page by page: the pages already read first, then the rest through the
 * list's cursor. Stops early (complete false) when `out` is destroyed (the client went away).
 */
export async function writeListFile<Item>(options: {
  db: Db;
  definition: ListExportDefinition<ExportEndpoint, Item>;
  actor: Actor;
  query: Record<string, unknown>;
  format: ExportFormat;
  out: Writable;
  /** Pages read before the file began (the count decision); the last one's cursor continues. */
  pages: ExportPage<Item>[];
  onPage?: (rows: number) => Promise<void>;
}): Promise<{ rows: number; complete: boolean; writer: { finish(): Promise<void> } }> {
  const { db, definition, actor, format, out } = options;
  const timeZone = await orgTimeZone(db, actor.orgId);
  const locale = actor.locale;
  const format_ = cellFormat(locale, timeZone, definition.labels ? await definition.labels(actor) : {});
  const more = definition.moreColumns ? await definition.moreColumns(actor) : [];
  const columns = [...visibleColumns(definition.columns, actor), ...more];
  const tableColumns: TableColumn[] = columns.map((column) => ({
    header: typeof column.header === 'string' ? translate(locale, column.header) : column.header.text,
    kind: column.kind ?? 'text',
    width: column.width ?? DEFAULT_WIDTHS[column.kind ?? 'text'],
  }));
  const writer = tableWriter(format, out, { columns: tableColumns, sheetName: translate(locale, definition.title) });
  const values = columns.map((column) => column.value);
  const read = (cursor: string) => {
    const query = { ...options.query, limit: EXPORT_PAGE_SIZE, cursor };
    const page = definition.list(actor, query as ExportListQuery<ExportEndpoint>);
    // Awaited below; a failure while the file stops first must not go unhandled.
    page.catch(() => undefined);
    return page;
  };
  const queue = [...options.pages];
  let next: Promise<ExportPage<Item>> | null = null;
  let rows = 0;
  for (;;) {
    if (out.destroyed) return { rows, complete: false, writer };
    const page: ExportPage<Item> = queue.shift() ?? (await next!);
    // The next page is read while this one is written: the database and the file work at once,
    // and memory holds two pages at most.
    next = page.nextCursor !== null && queue.length === 0 ? read(page.nextCursor) : null;
    const cells = page.items.map((item) => {
      const row = new Array<Cell>(values.length);
      for (let i = 0; i < values.length; i++) row[i] = values[i]!(item, format_);
      return row;
    });
    await writer.writeRows(cells);
    rows += page.items.length;
    await options.onPage?.(rows);
    if (page.nextCursor === null) return { rows, complete: true, writer };
  }
}

/** The translated file name of a list export for this reader, now. */
export async function exportFileName(db: Db, actor: Actor, title: MessageKey, format: ExportFormat) {
  return fileNameOf(translate(actor.locale, title), format, await orgTimeZone(db, actor.orgId));
}
