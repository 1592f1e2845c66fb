import { endpoints } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => ['jobs', 'list'] as const,
  runs: (name: string) => ['jobs', 'runs', name] as const,
};

/** The durable jobs with their schedule and last run (refreshed while a job is running). */
export function useJobs() {
  return useQuery({
    queryKey: jobKeys.list(),
    queryFn: () => client(endpoints.jobs.list).then((list) => list.items),
    refetchInterval: (query) => (query.state.data?.some((job) => job.running) ? 3000 : false),
  });
}

export function useJobRuns(name: string | null) {
  return useQuery({
    queryKey: jobKeys.runs(name ?? ''),
    queryFn: () =>
      client(endpoints.jobs.runs, { params: { name: encodeURIComponent(name ?? '') }, query: { limit: 50 } }),
    enabled: name !== null,
  });
}

/** Runs a job at once, in the request; the answer is the finished run. */
export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client(endpoints.jobs.run, { params: { name: encodeURIComponent(name) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
