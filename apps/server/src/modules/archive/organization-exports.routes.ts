import { endpoints, ErrorBody, OrganizationExportParams } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { FileBytes } from '../../platform/http/attachment-transfer.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOrganizationExportsService } from './organization-exports.service.js';

/** `filename*` carries any name; the plain `filename` is an ASCII fallback. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const organizationExportsRoutes =
  ({ database, dataDir }: { database: Database; dataDir: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { organizationExports: api } = endpoints;
    const exports = createOrganizationExportsService({ database, dataDir });
    // A running export finishes (or fails) before the database closes.
    app.addHook('onClose', () => exports.settled());

    registerEndpoint(app, api.list, async (request) => ({ items: await exports.list(actorOf(request)) }));
    registerEndpoint(app, api.start, async (request) => exports.start(actorOf(request)));
    // The zip's bytes, streamed from disk, not JSON: a plain route, outside the contract's endpoints.
    app.get(
      '/organization-exports/:id/file',
      {
        config: { permission: 'organization.manage' },
        schema: {
          summary: "Download a finished export of the organization's data",
          operationId: 'downloadOrganizationExport',
          tags: ['organization'],
          params: OrganizationExportParams,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const file = await exports.file(actorOf(request), request.params.id);
        if (file.bytes !== null) reply.header('Content-Length', file.bytes);
        return (
          reply
            .header('Content-Type', 'application/zip')
            .header('Content-Disposition', contentDisposition(file.fileName))
            .header('X-Content-Type-Options', 'nosniff')
            .header('Cache-Control', 'private, no-store')
            // The response schema describes bytes; Fastify streams a readable as it is.
            .send(file.stream as unknown as Buffer)
        );
      },
    );
  };
