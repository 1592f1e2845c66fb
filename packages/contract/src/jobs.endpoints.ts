import { endpoint, errorResponses } from './endpoint.js';
import { JobList, JobNameParams, JobRun, JobRunPage, JobRunQuery } from './jobs.js';

const errors = errorResponses(400, 403, 404, 409);

export const jobsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/jobs',
    permission: 'jobs.view',
    summary: 'List the background jobs and their last runs',
    operationId: 'listJobs',
    tags: ['jobs'],
    responses: { 200: JobList },
    errors: {},
  }),
  runs: endpoint({
    method: 'GET',
    path: '/jobs/:name/runs',
    permission: 'jobs.view',
    summary: 'List the runs of a job',
    operationId: 'listJobRuns',
    tags: ['jobs'],
    params: JobNameParams,
    query: JobRunQuery,
    responses: { 200: JobRunPage },
    errors,
  }),
  run: endpoint({
    method: 'POST',
    path: '/jobs/:name/run',
    permission: 'jobs.manage',
    summary: 'Run a job now',
    operationId: 'runJob',
    tags: ['jobs'],
    params: JobNameParams,
    responses: { 200: JobRun },
    errors,
  }),
} as const;
