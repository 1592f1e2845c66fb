import {
  endpoints,
  type CancelReturnVisitBody,
  type CreateReturnVisitBody,
  type PutReturnVisitSettingsBody,
  type RecordReturnVisitBody,
  type ReturnVisitListQuery,
  type UpdateReturnVisitBody,
} from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';

export type ReturnVisitFilters = Omit<ReturnVisitListQuery, 'limit' | 'cursor'>;
const key = ['return-visits'] as const;

export const useReturnVisits = (filters: ReturnVisitFilters) =>
  useKeysetPages(endpoints.returnVisits.list, { queryKey: [...key, 'list', filters], filters });

export const useReturnVisit = (id: string | null) =>
  useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => client(endpoints.returnVisits.get, { params: { id: id ?? '' } }),
    enabled: !!id,
  });

export const useReturnVisitSettings = () =>
  useEndpointQuery(endpoints.returnVisits.getSettings, { queryKey: [...key, 'settings'] });

/** A visit's changes also change the inbox's "return visits due". */
const useVisitMutation = invalidatingMutation([key, ['todos']]);

export const useCreateReturnVisit = () =>
  useVisitMutation((body: CreateReturnVisitBody) => client(endpoints.returnVisits.create, { body }));
export const useUpdateReturnVisit = () =>
  useVisitMutation(({ id, body }: { id: string; body: UpdateReturnVisitBody }) =>
    client(endpoints.returnVisits.update, { params: { id }, body }),
  );
export const useRecordReturnVisit = () =>
  useVisitMutation(({ id, body }: { id: string; body: RecordReturnVisitBody }) =>
    client(endpoints.returnVisits.record, { params: { id }, body }),
  );
export const useCancelReturnVisit = () =>
  useVisitMutation(({ id, body }: { id: string; body: CancelReturnVisitBody }) =>
    client(endpoints.returnVisits.cancel, { params: { id }, body }),
  );
/** A low score becomes a complaint (the queue of complaints changes too). */
export const useRaiseComplaint = () =>
  invalidatingMutation([key, ['complaints'], ['todos']])((id: string) =>
    client(endpoints.returnVisits.raiseComplaint, { params: { id } }),
  );
export const usePutReturnVisitSettings = () =>
  useVisitMutation((body: PutReturnVisitSettingsBody) => client(endpoints.returnVisits.putSettings, { body }));
