import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createReportSettingsService } from './report-settings.js';
import { createReportStatsService } from './report-stats.service.js';
import { createWorkReportsService } from './work-reports.service.js';
import { reportRows, type ListExports } from '../../platform/export/index.js';
import { REPORT_STATS_EXPORT_COLUMNS, reportStatsRows, WORK_REPORT_EXPORT_COLUMNS } from './work-reports.export.js';

export const workReportsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { workReports: api } = endpoints;
    const reports = createWorkReportsService({ db });
    const stats = createReportStatsService({ db });
    const settings = createReportSettingsService({ db });

    registerServiceEndpoints(app, api, reports, ['list', 'create']);
    registerEndpoint(app, api.counts, async (request) => reports.previewCounts(actorOf(request), request.query));
    registerEndpoint(app, api.stats, async (request) => stats.stats(actorOf(request), request.query));
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => reports.list(actor, query),
      columns: WORK_REPORT_EXPORT_COLUMNS,
      title: 'export.workReports',
      entity: 'work_report',
    });
    listExports.register(app, {
      endpoint: api.exportStats,
      list: reportRows(async (actor, query) => reportStatsRows(await stats.stats(actor, query))),
      columns: REPORT_STATS_EXPORT_COLUMNS,
      title: 'export.workReportStats',
      entity: 'work_report',
    });
    // Everyone who writes reports may read the due rules; only reports.manage changes them.
    registerEndpoint(app, api.settings, async (request) => settings.get(actorOf(request)));
    registerEndpoint(app, api.putSettings, async (request) => settings.update(actorOf(request), request.body));
    registerServiceEndpoints(app, api, reports, ['get', 'update']);
    registerEndpoint(app, api.submit, async (request) =>
      reports.submit(actorOf(request), request.params.id, request.body.version),
    );
    registerEndpoint(app, api.review, async (request) =>
      reports.review(actorOf(request), request.params.id, request.body),
    );
  };
