import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { byOptionalId, invalidateKeys, nextPageCursor, pageQuery, recordKeys } from './endpointQueries';

describe('keyset pages', () => {
  it('asks for the next page after the last page’s cursor, and for none once it is null or absent', () => {
    expect(nextPageCursor({ nextCursor: 'b64cursor' })).toBe('b64cursor');
    expect(nextPageCursor({ nextCursor: null })).toBeUndefined();
    expect(nextPageCursor({})).toBeUndefined();
  });

  it('sends the screen’s filters with the page size and the cursor', () => {
    expect(pageQuery({ q: '华为', stage: 'lead' }, { limit: 50, cursor: 'c1' })).toEqual({
      q: '华为',
      stage: 'lead',
      limit: 50,
      cursor: 'c1',
    });
    expect(pageQuery(undefined, { limit: 100, cursor: undefined })).toEqual({ limit: 100, cursor: undefined });
  });
});

describe('record keys', () => {
  it('puts every list and detail under the feature’s root key', () => {
    const keys = recordKeys<{ stage?: string }>('orders');
    expect(keys.all).toEqual(['orders']);
    expect(keys.list({ stage: 'lead' })).toEqual(['orders', 'list', { stage: 'lead' }]);
    expect(keys.detail('o1')).toEqual(['orders', 'detail', 'o1']);
  });

  it('waits for an id that is not known yet', () => {
    const detail = (id: string) => ['orders', 'detail', id] as const;
    expect(byOptionalId('o1', detail)).toEqual({
      queryKey: ['orders', 'detail', 'o1'],
      params: { id: 'o1' },
      enabled: true,
    });
    expect(byOptionalId(undefined, detail)).toEqual({
      queryKey: ['orders', 'detail', ''],
      params: { id: '' },
      enabled: false,
    });
    expect(byOptionalId(null, detail).enabled).toBe(false);
  });
});

describe('invalidation', () => {
  it('marks every query under each key stale and leaves the others fresh', async () => {
    const queryClient = new QueryClient();
    for (const key of [
      ['orders', 'list', {}],
      ['orders', 'detail', 'o1'],
      ['customers', 'list', {}],
      ['products', 'list', {}],
    ]) {
      queryClient.setQueryData(key, { items: [] });
    }
    await invalidateKeys(queryClient, [['orders'], ['customers']]);
    const stale = queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => query.queryKey[0]);
    expect(stale).toEqual(['orders', 'orders', 'customers']);
  });
});
