import { PassThrough } from 'node:stream';
import type { EndpointQuery, EndpointResult, ExportFormat } from '@guanxi/contract';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { auditContextOf, recordAudit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import { registerEndpoint } from '../http/endpoint-route.js';
import { actorOf } from '../http/request-context.js';
import { createExportJobWorker, toListExportJob } from './export-job-worker.js';
import { exportJobsRoutes } from './export-jobs.routes.js';
import { exportJobsRepository } from './export-jobs.repository.js';
import { ExportThrottle } from './export-throttle.js';
import {
  EXPORT_PAGE_SIZE,
  exportFileName,
  writeListFile,
  type AnyListExport,
  type ExportEndpoint,
  type ExportListQuery,
  type ExportPage,
  type ListExportDefinition,
} from './export-writing.js';
import { EXPORT_CONTENT_TYPES } from './table-writer.js';

export { EXPORT_PAGE_SIZE, type ExportListQuery, type ListExportDefinition };

/** `filename*` carries any (e.g. Chinese) name; the plain `filename` is an ASCII fallback. */
export const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export interface ListExportsOptions {
  db: Db;
  dataDir: string;
  perMinute: number;
  /** More rows than this: a background job with a download link instead of the file (issue 12). */
  inlineMaxRows: number;
  /** Days a background export's file stays downloadable. */
  fileDays: number;
  onError?: (error: unknown) => void;
}

/**
 * The first pages of an export, read before anything is sent (a bad filter or cursor is still a
 * 4xx), as many as it takes to know whether the list fits the inline limit: the list's own count
 * when its first page gives one, otherwise pages until the limit is passed or the list ends.
 */
async function firstPages<Item>(
  definition: ListExportDefinition<ExportEndpoint, Item>,
  actor: Actor,
  query: Record<string, unknown>,
  inlineMaxRows: number,
): Promise<{ pages: ExportPage<Item>[]; rows: number; total: number | null; fits: boolean }> {
  const list = (cursor?: string) =>
    definition.list(actor, { ...query, limit: EXPORT_PAGE_SIZE, cursor } as ExportListQuery<ExportEndpoint>);
  const pages = [await list()];
  let rows = pages[0]!.items.length;
  const total = pages[0]!.nextCursor === null ? rows : (pages[0]!.total ?? null);
  if (total !== null) return { pages, rows, total, fits: total <= inlineMaxRows };
  while (rows <= inlineMaxRows && pages.at(-1)!.nextCursor !== null) {
    const page = await list(pages.at(-1)!.nextCursor!);
    pages.push(page);
    rows += page.items.length;
  }
  const ended = pages.at(-1)!.nextCursor === null;
  return { pages, rows, total: ended ? rows : null, fits: rows <= inlineMaxRows };
}

/** The shared export machinery of one app: the per-user limit, the route every list registers, the job worker. */
export function createListExports(options: ListExportsOptions) {
  const { db } = options;
  const throttle = new ExportThrottle(options.perMinute);
  const definitions = new Map<string, AnyListExport>();
  const worker = createExportJobWorker({ db, dataDir: options.dataDir, definitions, onError: options.onError });

  const audit = (actor: Actor, definition: AnyListExport, after: Record<string, unknown>, log: FastifyBaseLogger) =>
    recordAudit(db, auditContextOf(actor), {
      action: 'export',
      entity: definition.entity,
      entityId: newId(),
      after,
    }).catch((error: unknown) => log.error({ err: error }, 'export audit failed'));

  async function queue<Item>(
    definition: ListExportDefinition<ExportEndpoint, Item>,
    context: { actor: Actor; format: ExportFormat; filters: Record<string, unknown>; total: number | null },
  ) {
    const { actor, format, filters } = context;
    const id = newId();
    const createdAt = new Date();
    const row = {
      orgId: actor.orgId,
      id,
      requestedBy: actor.userId,
      listKey: definition.endpoint.operationId,
      format,
      query: filters,
      status: 'queued',
      // 0: not known yet, the worker counts first.
      rowsTotal: context.total ?? 0,
      fileName: await exportFileName(db, actor, definition.title, format),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + options.fileDays * 86_400_000),
    };
    await db.transaction(async (tx) => {
      await exportJobsRepository.insert(tx, row);
      await recordAudit(tx, auditContextOf(actor), {
        action: 'export',
        entity: definition.entity,
        entityId: id,
        after: { format, filters, rows: context.total, job: id },
      });
    });
    worker.notify();
    return toListExportJob({ ...row, rowsDone: 0, bytes: null, attempts: 0, lockedUntil: null, finishedAt: null });
  }

  async function respond<Item>(
    definition: ListExportDefinition<ExportEndpoint, Item>,
    context: { actor: Actor; query: Record<string, unknown>; reply: FastifyReply; log: FastifyBaseLogger },
  ) {
    const { actor, reply, log } = context;
    const { format, ...filters } = context.query as { format: ExportFormat } & Record<string, unknown>;
    const first = await firstPages(definition, actor, filters, options.inlineMaxRows);
    if (!first.fits) {
      reply.code(202);
      return queue(definition, { actor, format, filters, total: first.total });
    }
    const out = new PassThrough();
    const fileName = await exportFileName(db, actor, definition.title, format);
    const pump = async () => {
      let result = { rows: 0, complete: false };
      let writer: { finish(): Promise<void> } | null = null;
      try {
        const written = await writeListFile({ db, definition, actor, query: filters, format, out, pages: first.pages });
        result = written;
        writer = written.writer;
      } catch (error) {
        log.error({ err: error }, 'export failed while streaming');
      }
      // Audited before the file ends, so whoever has the file can find the entry.
      await audit(actor, definition, { format, filters, ...result }, log);
      if (result.complete && writer) await writer.finish();
      else out.destroy(new Error('export stopped before its end'));
    };
    void pump().catch((error: unknown) => {
      log.error({ err: error }, 'export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    reply
      .header('Content-Type', EXPORT_CONTENT_TYPES[format])
      .header('Content-Disposition', contentDisposition(fileName))
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
      const general = definition as unknown as ListExportDefinition<ExportEndpoint, Item>;
      definitions.set(definition.endpoint.operationId, general);
      registerEndpoint(app, definition.endpoint, async (request, reply) => {
        const actor = actorOf(request);
        throttle.take(actor);
        const query = request.query as EndpointQuery<E> as Record<string, unknown>;
        // Fastify sends a stream as it is: no serialization, the file's bytes as they are written.
        return (await respond(general, { actor, query, reply, log: request.log })) as EndpointResult<E>;
      });
    },
    /** `GET /export-jobs`, one job, and its file: the requester's own background exports. */
    routes: exportJobsRoutes({ db, dataDir: options.dataDir }),
    /** The background worker; the app starts it when ready and stops it when closing. */
    worker,
  };
}

export type ListExports = ReturnType<typeof createListExports>;
