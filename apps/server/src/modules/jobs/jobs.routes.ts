import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/client.js';
import type { JobRegistry } from '../../platform/jobs/job-registry.js';
import { createJobRunner } from '../../platform/jobs/job-runner.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createJobsService } from './jobs.service.js';

export const jobsRoutes =
  ({
    db,
    database,
    config,
    jobs: registry,
  }: {
    db: Db;
    database: Database;
    config: Config;
    jobs: JobRegistry;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { jobs: api } = endpoints;
    // "Run now" runs in the request; the polling runner is started by the server process only.
    const jobs = createJobsService({
      db,
      registry,
      runner: createJobRunner({ db, registry, installation: { database, config } }),
    });

    registerEndpoint(app, api.list, async (request) => jobs.list(actorOf(request)));

    registerEndpoint(app, api.runs, async (request) =>
      jobs.findRuns(actorOf(request), request.params.name, request.query),
    );

    registerEndpoint(app, api.run, async (request) => jobs.runNow(actorOf(request), request.params.name));
  };
