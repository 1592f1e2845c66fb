import type { ReactNode } from 'react';
import { isListLoading, LoadMoreFooter, type NextPages } from '../LoadMore';
import { ListTable, type ListTableProps } from './ListTable';
import { QueryError } from './QueryResult';

/** What a paged list needs of its TanStack infinite query. */
export interface PagedQuery extends NextPages {
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: Error | null;
}

/**
 * A list read page by page: the query's error above the table, the rows (spinner as `isListLoading`
 * says unless `loading` is given) and `LoadMoreFooter` below — `noMore`, `total` and
 * `loadMoreTestId` are the footer's; `boxTestId` names a plain box around the table for the pages
 * whose tests read the table through one.
 */
export function PagedTable<T>({
  pages,
  noMore,
  total,
  loadMoreTestId,
  boxTestId,
  loading,
  ...table
}: ListTableProps<T> & {
  pages: PagedQuery;
  noMore?: boolean;
  total?: ReactNode;
  loadMoreTestId?: string;
  boxTestId?: string;
}) {
  const list = <ListTable<T> loading={loading ?? isListLoading(pages)} {...table} />;
  return (
    <>
      <QueryError query={pages} />
      {boxTestId === undefined ? list : <div data-testid={boxTestId}>{list}</div>}
      <LoadMoreFooter
        pages={pages}
        rowCount={table.rows.length}
        noMore={noMore}
        total={total}
        testId={loadMoreTestId}
      />
    </>
  );
}
