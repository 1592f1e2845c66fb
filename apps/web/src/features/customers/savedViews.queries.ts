import { endpoints, type CreateSavedViewBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

export const savedViewKeys = {
  all: ['saved-views'] as const,
  customers: ['saved-views', 'customers'] as const,
};

/** The caller's own customer views plus the ones others shared. */
export function useSavedCustomerViews() {
  return useEndpointQuery(endpoints.savedViews.list, {
    queryKey: savedViewKeys.customers,
    query: { module: 'customers' },
    transform: (list) => list.items,
    staleTime: 60_000,
  });
}

const useSavedViewMutation = invalidatingMutation([savedViewKeys.all]);

export const useCreateSavedView = () =>
  useSavedViewMutation((body: CreateSavedViewBody) => client(endpoints.savedViews.create, { body }));
export const useDeleteSavedView = () =>
  useSavedViewMutation((id: string) => client(endpoints.savedViews.delete, { params: { id } }));
