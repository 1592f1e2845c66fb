import { PassThrough } from 'node:stream';
import type {
  AuditEntity,
  EndpointDefinition,
  EndpointQuery,
  EndpointResult,
  ExportFormat,
  ExportFile,
  Locale,
} from '@guanxi/contract';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { TSchema } from 'typebox';
import type { Actor } from '../auth/actor.js';
import { auditContextOf, recordAudit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import { registerEndpoint } from '../http/endpoint-route.js';
import { actorOf } from '../http/request-context.js';
import { translate, type MessageKey } from '../i18n/index.js';
import { localDateOf, orgTimeZone } from '../time/index.js';
import { cellFormat, type ExportColumn, type OrganizationLabels } from './export-columns.js';
import { ExportThrottle } from './export-throttle.js';
import { EXPORT_CONTENT_TYPES, tableWriter, type TableColumn } from './table-writer.js';

/**
 * Rows read per query: memory stays one page whatever the total, and a page is large enough that
 * the per-query cost (scope, plan, round trip) is a small share of the rows (bench W12: 200 → 1,000).
 */
export const EXPORT_PAGE_SIZE = 1000;

/** A list export endpoint, as `exportEndpointOf` in the contract makes it. */
type ExportEndpoint = EndpointDefinition & { method: 'GET'; query: TSchema; responses: { 200: typeof ExportFile } };

/** The list query an export pages through: the export's filters and sort, plus page parameters. */
export type ExportListQuery<E extends ExportEndpoint> = Omit<EndpointQuery<E>, 'format'> & {
  limit?: number;
  cursor?: string;
};

interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** What one list's export is made of; the route, streaming, permission, audit and limit are shared. */
export interface ListExportDefinition<E extends ExportEndpoint, Item> {
  endpoint: E;
  /**
   * The list endpoint's own service function, so the file holds exactly what the list shows the
   * caller: same filters and sort, same data scope, hidden fields already left out.
   */
  list: (actor: Actor, query: ExportListQuery<E>) => Promise<Page<Item>>;
  columns: readonly ExportColumn<Item>[];
  /** The file's and sheet's name, e.g. 客户 → 客户-20261207-0930.xlsx. */
  title: MessageKey;
  /** The audit entry's record type: the list's records. */
  entity: AuditEntity;
  /** The organization's own labels the columns use (`format.label(prefix, code)`), in the reader's language. */
  labels?: (actor: Actor) => Promise<OrganizationLabels>;
}

const DEFAULT_WIDTHS = { text: 18, number: 10, money: 14 } as const;

/** `filename*` carries any (e.g. Chinese) name; the plain `filename` is an ASCII fallback. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

function fileNameOf(title: string, format: ExportFormat, timeZone: string, now = new Date()): string {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(now)
    .replace(':', '');
  return `${title}-${localDateOf(now, timeZone).replaceAll('-', '')}-${clock}.${format}`;
}

const visibleColumns = <Item>(columns: readonly ExportColumn<Item>[], actor: Actor) =>
  columns.filter((column) => !column.protectedField || actor.fieldPermissions[column.protectedField] !== 'hidden');

/** The shared export machinery of one app: the per-user limit and the route every list registers. */
export function createListExports({ db, perMinute }: { db: Db; perMinute: number }) {
  const throttle = new ExportThrottle(perMinute);

  async function stream<E extends ExportEndpoint, Item>(
    definition: ListExportDefinition<E, Item>,
    context: { actor: Actor; query: EndpointQuery<E>; reply: FastifyReply; log: FastifyBaseLogger },
  ) {
    const { actor, reply, log } = context;
    const { format, ...filters } = context.query as { format: ExportFormat } & Record<string, unknown>;
    const listQuery = filters as ExportListQuery<E>;
    // The first page is read before anything is sent, so a bad filter or cursor is still a 4xx.
    let page = await definition.list(actor, { ...listQuery, limit: EXPORT_PAGE_SIZE });
    const timeZone = await orgTimeZone(db, actor.orgId);
    const locale: Locale = actor.locale;
    const format_ = cellFormat(locale, timeZone, definition.labels ? await definition.labels(actor) : {});
    const columns = visibleColumns(definition.columns, actor);
    const tableColumns: TableColumn[] = columns.map((column) => ({
      header: translate(locale, column.header),
      kind: column.kind ?? 'text',
      width: column.width ?? DEFAULT_WIDTHS[column.kind ?? 'text'],
    }));
    const title = translate(locale, definition.title);
    const out = new PassThrough();
    const writer = tableWriter(format, out, { columns: tableColumns, sheetName: title });
    const pump = async () => {
      let rows = 0;
      let complete = false;
      try {
        for (;;) {
          if (out.destroyed) break;
          await writer.writeRows(page.items.map((item) => columns.map((column) => column.value(item, format_))));
          rows += page.items.length;
          if (page.nextCursor === null) {
            complete = true;
            break;
          }
          page = await definition.list(actor, { ...listQuery, limit: EXPORT_PAGE_SIZE, cursor: page.nextCursor });
        }
      } catch (error) {
        log.error({ err: error }, 'export failed while streaming');
      }
      // Audited before the file ends, so whoever has the file can find the entry.
      const audit = { format, filters, rows, complete };
      await recordAudit(db, auditContextOf(actor), {
        action: 'export',
        entity: definition.entity,
        entityId: newId(),
        after: audit,
      }).catch((error: unknown) => log.error({ err: error }, 'export audit failed'));
      if (complete) await writer.finish();
      else out.destroy(new Error('export stopped before its end'));
    };
    void pump().catch((error: unknown) => {
      log.error({ err: error }, 'export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    reply
      .header('Content-Type', EXPORT_CONTENT_TYPES[format])
      .header('Content-Disposition', contentDisposition(fileNameOf(title, format, timeZone)))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    return out;
  }

  return {
    /**
     * Registers a list's export endpoint: `registerListExport(app, { endpoint: api.export,
     * list: customers.list, columns: CUSTOMER_EXPORT_COLUMNS, title: 'export.customers', entity: 'customer' })`.
     */
    register<E extends ExportEndpoint, Item>(
      app: Parameters<typeof registerEndpoint>[0],
      definition: ListExportDefinition<E, Item>,
    ): void {
      registerEndpoint(app, definition.endpoint, async (request, reply) => {
        const actor = actorOf(request);
        throttle.take(actor);
        const query = request.query as EndpointQuery<E>;
        // Fastify sends a stream as it is: no serialization, the file's bytes as they are written.
        return (await stream(definition, { actor, query, reply, log: request.log })) as EndpointResult<E>;
      });
    },
  };
}

export type ListExports = ReturnType<typeof createListExports>;
