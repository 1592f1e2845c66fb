import {
  CreateWorkReportBody,
  ErrorBody,
  IdParams,
  ReportCountsPreview,
  ReportCountsQuery,
  ReportStats,
  ReportStatsQuery,
  ReviewWorkReportBody,
  SubmitBody,
  UpdateWorkReportBody,
  WorkReport,
  WorkReportListQuery,
  WorkReportPage,
  WorkReportSettings,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createReportSettingsService } from './report-settings.js';
import { createReportStatsService } from './report-stats.service.js';
import { createWorkReportsService } from './work-reports.service.js';

const tags = ['work-reports'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const workReportsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const reports = createWorkReportsService({ db });
    const stats = createReportStatsService({ db });
    const settings = createReportSettingsService({ db });

    app.get(
      '/work-reports',
      {
        config: { permission: 'reports.view' },
        schema: { tags, querystring: WorkReportListQuery, response: { 200: WorkReportPage, ...errors } },
      },
      async (request) => reports.list(actorOf(request), request.query),
    );
    app.post(
      '/work-reports',
      {
        config: { permission: 'reports.create' },
        schema: { tags, body: CreateWorkReportBody, response: { 201: WorkReport, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await reports.create(actorOf(request), request.body)),
    );
    app.get(
      '/work-reports/counts',
      {
        config: { permission: 'reports.create' },
        schema: { tags, querystring: ReportCountsQuery, response: { 200: ReportCountsPreview, ...errors } },
      },
      async (request) => reports.previewCounts(actorOf(request), request.query),
    );
    app.get(
      '/work-reports/stats',
      {
        config: { permission: 'reports.view' },
        schema: { tags, querystring: ReportStatsQuery, response: { 200: ReportStats, ...errors } },
      },
      async (request) => stats.stats(actorOf(request), request.query),
    );
    // Everyone who writes reports may read the due rules; only reports.manage changes them.
    app.get(
      '/work-reports/settings',
      { config: { permission: 'reports.view' }, schema: { tags, response: { 200: WorkReportSettings, ...errors } } },
      async (request) => settings.get(actorOf(request)),
    );
    app.put(
      '/work-reports/settings',
      {
        config: { permission: 'reports.manage' },
        schema: { tags, body: WorkReportSettings, response: { 200: WorkReportSettings, ...errors } },
      },
      async (request) => settings.update(actorOf(request), request.body),
    );
    app.get(
      '/work-reports/:id',
      {
        config: { permission: 'reports.view' },
        schema: { tags, params: IdParams, response: { 200: WorkReport, ...errors } },
      },
      async (request) => reports.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/work-reports/:id',
      {
        config: { permission: 'reports.create' },
        schema: { tags, params: IdParams, body: UpdateWorkReportBody, response: { 200: WorkReport, ...errors } },
      },
      async (request) => reports.update(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/work-reports/:id/submit',
      {
        config: { permission: 'reports.create' },
        schema: { tags, params: IdParams, body: SubmitBody, response: { 200: WorkReport, ...errors } },
      },
      async (request) => reports.submit(actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/work-reports/:id/review',
      {
        config: { permission: 'reports.review' },
        schema: { tags, params: IdParams, body: ReviewWorkReportBody, response: { 200: WorkReport, ...errors } },
      },
      async (request) => reports.review(actorOf(request), request.params.id, request.body),
    );
  };
