import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

/** One client for the app; client errors (4xx) are answers, not flukes, so they are not retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});
