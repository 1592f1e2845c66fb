import { endpoints, ErrorBody, IdParams } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ModuleContext } from '../../platform/module-kit/module-definition.js';
import { FileBytes } from '../../platform/http/attachment-transfer.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { withStagedUpload } from '../../platform/uploads/index.js';
import { errorReportStream } from './error-report.js';
import { createImportTemplatesService } from './import-templates.service.js';
import { createImportsService } from './imports.service.js';
import { importWorkerSignal } from './import-worker-signal.js';

const ReportQuery = Type.Object(
  { phase: Type.Optional(Type.Union([Type.Literal('check'), Type.Literal('run')])) },
  { additionalProperties: false },
);

export const importsRoutes =
  ({ db, dataDir, config }: ModuleContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { imports: api, importTemplates: templatesApi } = endpoints;
    const imports = createImportsService({
      db,
      dataDir,
      maxUploadBytes: config.uploadMaxBytes,
      onQueued: () => importWorkerSignal.notify(),
    });
    const templates = createImportTemplatesService({ db });

    registerServiceEndpoints(app, api, imports, ['kinds']);
    registerEndpoint(app, api.upload, async (request) =>
      withStagedUpload(request, { dataDir, maxBytes: config.uploadMaxBytes }, (file) =>
        imports.upload(actorOf(request), file),
      ),
    );
    registerServiceEndpoints(app, api, imports, [
      'list',
      'get',
      'updateSource',
      'saveMapping',
      'applyTemplate',
      'check',
      'run',
      'cancel',
      'delete',
      'errors',
    ]);
    app.get(
      '/imports/:id/error-report',
      {
        config: { permission: 'authenticated' },
        // XLSX bytes, not JSON: stays a plain route.
        schema: {
          summary: 'Download the per-row error report of a check or run as XLSX',
          operationId: 'downloadImportErrorReport',
          tags: ['imports'],
          params: IdParams,
          querystring: ReportQuery,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { row, kind } = await imports.jobForReport(actor, request.params.id);
        const phase = request.query.phase ?? (row.runSummary ? 'run' : 'check');
        const base = row.fileName.replace(/\.[^.]+$/, '');
        const name = `${base}-${actor.locale === 'en' ? 'errors' : '错误'}.xlsx`;
        return reply
          .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'Content-Disposition',
            `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .header('X-Content-Type-Options', 'nosniff')
          .header('Cache-Control', 'private, no-store')
          .send(errorReportStream({ db, job: row, kind, phase, locale: actor.locale }) as unknown as Buffer);
      },
    );
    registerServiceEndpoints(app, templatesApi, templates, ['list', 'create', 'delete']);
  };
