import {
  endpoints,
  type BulkAddTagsBody,
  type BulkDeleteBody,
  type BulkOwnerBody,
  type BulkReturnToPoolBody,
  type CustomerColumnChoice,
} from '@guanxi/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';
import { customerKeys } from './customers.queries';

/** The batch actions of the customer list, by the name the toolbar uses. */
export type CustomerBatchAction = 'transfer' | 'assign' | 'return' | 'tag' | 'delete';

/** A batch answers per record; lists, pools and ownership histories may all have changed. */
const useBatchMutation = invalidatingMutation([customerKeys.all, ['pools'], ['ownership']]);

export type CustomerBatchRequest =
  | { action: 'transfer' | 'assign'; body: BulkOwnerBody }
  | { action: 'return'; body: BulkReturnToPoolBody }
  | { action: 'tag'; body: BulkAddTagsBody }
  | { action: 'delete'; body: BulkDeleteBody };

function runBatch(request: CustomerBatchRequest) {
  const { customers: api } = endpoints;
  switch (request.action) {
    case 'transfer':
      return client(api.bulkTransfer, { body: request.body });
    case 'assign':
      return client(api.bulkAssign, { body: request.body });
    case 'return':
      return client(api.bulkReturnToPool, { body: request.body });
    case 'tag':
      return client(api.bulkAddTags, { body: request.body });
    case 'delete':
      return client(api.bulkDelete, { body: request.body });
  }
}

export const useCustomerBatch = () => useBatchMutation(runBatch);

/** The organization's pools, for choosing where a batch return goes (pools.view). */
export const usePoolChoices = (enabled: boolean) =>
  useEndpointQuery(endpoints.customerPools.list, {
    queryKey: ['pools', 'choices'],
    transform: (list) => list.items.map((pool) => ({ value: pool.id, label: pool.name, isDefault: pool.isDefault })),
    enabled,
  });

const columnKey = ['list-preferences', 'customers'] as const;

/** The user's own column choice of the customer list (null: the default set). */
export const useCustomerColumnPreference = () =>
  useEndpointQuery(endpoints.savedViews.getCustomerColumns, {
    queryKey: columnKey,
    transform: (preference) => preference.columns,
    staleTime: Infinity,
  });

/** Saves the choice on the server (it follows the user to other devices); the screen shows it at once. */
export function useSetCustomerColumnPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (columns: CustomerColumnChoice[] | null) =>
      client(endpoints.savedViews.setCustomerColumns, { body: { columns } }),
    // The query keeps the transformed answer: the column list itself.
    onMutate: (columns) => queryClient.setQueryData(columnKey, columns),
    onSuccess: (preference) => queryClient.setQueryData(columnKey, preference.columns),
  });
}
