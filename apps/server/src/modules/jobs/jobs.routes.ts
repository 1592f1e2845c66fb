import { ErrorBody, JobList, JobNameParams, JobRun, JobRunPage, JobRunQuery } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { JobRegistry } from '../../platform/jobs/job-registry.js';
import { createJobRunner } from '../../platform/jobs/job-runner.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createJobsService } from './jobs.service.js';

const tags = ['jobs'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const jobsRoutes =
  ({ db, jobs: registry }: { db: Db; jobs: JobRegistry }): FastifyPluginAsyncTypebox =>
  async (app) => {
    // "Run now" runs in the request; the polling runner is started by the server process only.
    const jobs = createJobsService({ db, registry, runner: createJobRunner({ db, registry }) });

    app.get(
      '/jobs',
      { config: { permission: 'jobs.view' }, schema: { tags, response: { 200: JobList } } },
      async (request) => jobs.list(actorOf(request)),
    );

    app.get(
      '/jobs/:name/runs',
      {
        config: { permission: 'jobs.view' },
        schema: { tags, params: JobNameParams, querystring: JobRunQuery, response: { 200: JobRunPage, ...errors } },
      },
      async (request) => jobs.findRuns(actorOf(request), request.params.name, request.query),
    );

    app.post(
      '/jobs/:name/run',
      {
        config: { permission: 'jobs.manage' },
        schema: { tags, params: JobNameParams, response: { 200: JobRun, ...errors } },
      },
      async (request) => jobs.runNow(actorOf(request), request.params.name),
    );
  };
