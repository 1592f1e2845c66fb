import { endpoints, type CreateSavedViewBody } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

export const savedViewKeys = {
  all: ['saved-views'] as const,
  customers: ['saved-views', 'customers'] as const,
};

/** The caller's own customer views plus the ones others shared. */
export function useSavedCustomerViews() {
  return useQuery({
    queryKey: savedViewKeys.customers,
    queryFn: () => client(endpoints.savedViews.list, { query: { module: 'customers' } }).then((list) => list.items),
    staleTime: 60_000,
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedViewBody) => client(endpoints.savedViews.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client(endpoints.savedViews.delete, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}
