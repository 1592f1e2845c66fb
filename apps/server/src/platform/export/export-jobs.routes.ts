import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { endpoints, ErrorBody, ListExportJobParams, type ExportFormat } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { auditContextOf, recordAudit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import { notFound } from '../errors/app-error.js';
import { FileBytes } from '../http/attachment-transfer.js';
import { registerEndpoint } from '../http/endpoint-route.js';
import { actorOf } from '../http/request-context.js';
import { exportJobFile, toListExportJob } from './export-job-worker.js';
import { exportJobsRepository as repository } from './export-jobs.repository.js';
import { EXPORT_CONTENT_TYPES } from './table-writer.js';

const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * The requester's background list exports: the list, one job (progress), and the finished file.
 * Another user's job, an unfinished one and an expired one all answer 404.
 */
export const exportJobsRoutes =
  ({ db, dataDir }: { db: Db; dataDir: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { exportJobs: api } = endpoints;
    const ownJob = async (user: { orgId: string; userId: string }, id: string) => {
      const row = await repository.findOwnById(db, user, id);
      if (!row || row.expiresAt.getTime() <= Date.now()) throw notFound('entity.exportJob');
      return row;
    };

    registerEndpoint(app, api.list, async (request) => {
      const now = Date.now();
      const rows = await repository.findOwn(db, actorOf(request));
      return { items: rows.filter((row) => row.expiresAt.getTime() > now).map((row) => toListExportJob(row)) };
    });
    registerEndpoint(app, api.get, async (request) =>
      toListExportJob(await ownJob(actorOf(request), request.params.id)),
    );
    // The file's bytes from disk, not JSON: a plain route, outside the contract's endpoints.
    app.get(
      '/export-jobs/:id/file',
      {
        config: { permission: 'authenticated' },
        schema: {
          summary: 'Download the file of one of my finished background list exports',
          operationId: 'downloadExportJob',
          tags: ['exports'],
          params: ListExportJobParams,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await ownJob(actor, request.params.id);
        const file = exportJobFile(dataDir, row);
        if (row.status !== 'completed') throw notFound('entity.exportJob');
        await access(file).catch(() => {
          throw notFound('entity.exportJob');
        });
        await recordAudit(db, auditContextOf(actor), {
          action: 'download',
          entity: 'export_job',
          entityId: row.id,
          after: { fileName: row.fileName, format: row.format, rows: row.rowsDone },
        });
        if (row.bytes !== null) reply.header('Content-Length', row.bytes);
        return (
          reply
            .header('Content-Type', EXPORT_CONTENT_TYPES[row.format as ExportFormat])
            .header('Content-Disposition', contentDisposition(row.fileName))
            .header('X-Content-Type-Options', 'nosniff')
            .header('Cache-Control', 'private, no-store')
            // The response schema describes bytes; Fastify streams a readable as it is.
            .send(createReadStream(file) as unknown as Buffer)
        );
      },
    );
  };
