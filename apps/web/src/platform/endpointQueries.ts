import type { EndpointDefinition, EndpointParams, EndpointQuery, EndpointResult } from '@guanxi/contract';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { callEndpoint, type ClientOptions } from './api';

/**
 * The shapes every feature's `*.queries.ts` repeats, over the typed {@link callEndpoint}: answers are
 * typed from the contract's endpoint objects, so no hook writes a response type by hand.
 */

/** Rows a list page asks for unless the hook says otherwise. */
export const PAGE_SIZE = 50;

/** The part of a keyset list's answer that leads to the next page. */
export interface KeysetPage {
  nextCursor?: string | null;
}

/** The cursor of the page after `page`; `undefined` tells TanStack Query there is none. */
export const nextPageCursor = (page: KeysetPage): string | undefined => page.nextCursor ?? undefined;

/** One page's query string: the screen's filters, the page size and the previous page's cursor. */
export function pageQuery<F extends object>(
  filters: F | undefined,
  page: { limit: number; cursor: string | undefined },
) {
  return { ...filters, limit: page.limit, cursor: page.cursor };
}

/**
 * The keys of a feature whose records have lists and details: `all` covers every query of the
 * feature (what a write invalidates), `list(filters)` one filtered list, `detail(id)` one record.
 */
export function recordKeys<Filters>(root: string) {
  return {
    all: [root] as const,
    list: (filters: Filters) => [root, 'list', filters] as const,
    detail: (id: string) => [root, 'detail', id] as const,
  };
}

/**
 * The inputs of a record's query by an id that may not be known yet (`undefined` or `null`, e.g.
 * while a drawer is closed): the query waits until it is.
 *
 * @example useEndpointQuery(endpoints.orders.get, byOptionalId(id, orderKeys.detail))
 */
export function byOptionalId(id: string | null | undefined, key: (id: string) => QueryKey) {
  return { queryKey: key(id ?? ''), params: { id: id ?? '' }, enabled: id !== undefined && id !== null };
}

/** Marks every query under each key stale (active ones refetch); settles when they have. */
export const invalidateKeys = (queryClient: QueryClient, keys: readonly QueryKey[]) =>
  Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));

/** What a list's filters may hold: the endpoint's query without the paging the hook adds. */
export type PageFilters<E extends EndpointDefinition> = Omit<NonNullable<EndpointQuery<E>>, 'limit' | 'cursor'>;

/** `E` when it pages by `limit` and `cursor` and answers `nextCursor`, so only such lists compile. */
type KeysetEndpoint<E extends EndpointDefinition> =
  NonNullable<EndpointQuery<E>> extends { limit?: number; cursor?: string }
    ? EndpointResult<E> extends KeysetPage
      ? E
      : never
    : never;

/**
 * A keyset-paged list ("load more"): the first page without a cursor, each further one after the
 * previous page's `nextCursor`, `pageSize` rows at a time.
 *
 * @example useKeysetPages(endpoints.orders.list, { queryKey: orderKeys.list(filters), filters })
 */
export function useKeysetPages<E extends EndpointDefinition>(
  endpoint: E & KeysetEndpoint<E>,
  options: {
    queryKey: QueryKey;
    filters?: PageFilters<E>;
    params?: EndpointParams<E>;
    pageSize?: number;
    enabled?: boolean;
  },
) {
  const { queryKey, filters, params, pageSize = PAGE_SIZE, enabled } = options;
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      callEndpoint(endpoint, { params, query: pageQuery(filters, { limit: pageSize, cursor: pageParam }) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => nextPageCursor(lastPage as KeysetPage),
    enabled,
  });
}

/** The endpoint's inputs, and how its answer becomes the cached data (`transform`, default as is). */
type EndpointQueryInputs<E extends EndpointDefinition, Data> = Pick<ClientOptions<E>, 'params' | 'query'> & {
  transform?: (result: EndpointResult<E>) => Data;
};

/**
 * One GET endpoint as a query. The usual query options pass through (`enabled`, `staleTime`,
 * `refetchInterval`, …); `transform` shapes the answer before it is cached (e.g. a list's items).
 *
 * @example useEndpointQuery(endpoints.orders.get, { queryKey: orderKeys.detail(id), params: { id } })
 */
export function useEndpointQuery<E extends EndpointDefinition, Data = EndpointResult<E>>(
  endpoint: E,
  options: EndpointQueryInputs<E, Data> & Omit<UseQueryOptions<NoInfer<Data>>, 'queryFn'>,
) {
  const { params, query, transform, ...queryOptions } = options;
  return useQuery<Data>({
    ...queryOptions,
    queryFn: async () => {
      const result = await callEndpoint(endpoint, { params, query });
      return transform ? transform(result) : (result as Data);
    },
  });
}

/**
 * A feature's mutation hook maker: every mutation made with it invalidates `keys` once it succeeds
 * (with `{ settled: true }` also after a failure, e.g. a conflict that means the screen is stale).
 * It stays pending until the refetch is done, so a closing form leaves fresh data behind, unless
 * `waitForRefetch` is false (the form closes at once and the lists catch up).
 *
 * @example const useOrderMutation = invalidatingMutation([orderKeys.all, customerKeys.all]);
 *          const useDeleteOrder = () => useOrderMutation((id: string) => client(endpoints.orders.delete, { params: { id } }));
 */
export function invalidatingMutation(keys: readonly QueryKey[], { waitForRefetch = true } = {}) {
  return function useInvalidatingMutation<Variables, Result>(
    mutationFn: (variables: Variables) => Promise<Result>,
    options: { settled?: boolean } = {},
  ) {
    const queryClient = useQueryClient();
    const invalidate = () => {
      const refetched = invalidateKeys(queryClient, keys);
      return waitForRefetch ? refetched : undefined;
    };
    return useMutation(options.settled ? { mutationFn, onSettled: invalidate } : { mutationFn, onSuccess: invalidate });
  };
}
