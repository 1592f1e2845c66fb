import { endpoints } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

const exportKeys = { all: ['organization-exports'] as const };

/** The organization's data exports, newest first; polled every second while one runs. */
export function useOrganizationExports() {
  return useEndpointQuery(endpoints.organizationExports.list, {
    queryKey: exportKeys.all,
    transform: (list) => list.items,
    refetchInterval: (query) => (query.state.data?.some((e) => e.state === 'running') ? 1000 : false),
  });
}

const useExportMutation = invalidatingMutation([exportKeys.all]);

/** Starts an export in the background; the list shows its progress. */
export const useStartOrganizationExport = () =>
  useExportMutation((_: void) => client(endpoints.organizationExports.start));

/** Where the browser downloads a finished export (a plain link: the session cookie authorizes it). */
export const organizationExportFileUrl = (id: string) => `/api/v1/organization-exports/${id}/file`;
