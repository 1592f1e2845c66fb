import { endpoints } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => ['jobs', 'list'] as const,
  runs: (name: string) => ['jobs', 'runs', name] as const,
};

/** The durable jobs with their schedule and last run (refreshed while a job is running). */
export function useJobs() {
  return useEndpointQuery(endpoints.jobs.list, {
    queryKey: jobKeys.list(),
    transform: (list) => list.items,
    refetchInterval: (query) => (query.state.data?.some((job) => job.running) ? 3000 : false),
  });
}

export function useJobRuns(name: string | null) {
  return useEndpointQuery(endpoints.jobs.runs, {
    queryKey: jobKeys.runs(name ?? ''),
    params: { name: encodeURIComponent(name ?? '') },
    query: { limit: 50 },
    enabled: name !== null,
  });
}

const useJobMutation = invalidatingMutation([jobKeys.all]);

/** Runs a job at once, in the request; the answer is the finished run. */
export const useRunJob = () =>
  useJobMutation((name: string) => client(endpoints.jobs.run, { params: { name: encodeURIComponent(name) } }));
