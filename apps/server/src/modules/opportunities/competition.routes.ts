import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCompetitorsService } from './competitors.service.js';
import { createLossReasonsService } from './loss-reasons.service.js';
import { createLossReportService } from './loss-report.service.js';

/** Competitors (the list and those on an opportunity), loss reasons and the loss report. */
export const competitionRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const competitors = createCompetitorsService({ db });
    const lossReasons = createLossReasonsService({ db });
    const lossReport = createLossReportService({ db });
    const api = endpoints.opportunityCompetition;

    registerServiceEndpoints(app, endpoints.competitors, competitors, ['list', 'create', 'update']);
    registerServiceEndpoints(app, endpoints.lossReasons, lossReasons, ['list', 'create', 'update']);
    registerEndpoint(app, api.lossReport, async (request) => lossReport.get(actorOf(request), request.query));
    registerEndpoint(app, api.competitors, async (request) =>
      competitors.getOnOpportunity(actorOf(request), request.params.id),
    );
    registerEndpoint(app, api.putCompetitors, async (request) =>
      competitors.putOnOpportunity(actorOf(request), request.params.id, request.body),
    );
  };
