import type { ReactNode } from 'react';
import { isListLoading, LoadMoreFooter, type NextPages } from '../LoadMore';
import { ListTable, type ItemPages, type ListTableProps } from './ListTable';
import { ForbiddenResult, isForbidden } from './ForbiddenResult';
import { QueryError } from './QueryResult';

/** What a paged list needs of its TanStack infinite query. */
export interface PagedQuery<T> extends NextPages, ItemPages<T> {
  isFetching: boolean;
  isError: boolean;
  error: Error | null;
}

/**
 * A list read page by page: the query's error above the table, its rows (or `rows`, when the page
 * shapes them first; spinner as `isListLoading` says unless `loading` is given) and `LoadMoreFooter` below — `noMore`, `total` and
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
}: Omit<ListTableProps<T>, 'pages'> & {
  pages: PagedQuery<T>;
  noMore?: boolean;
  total?: ReactNode;
  loadMoreTestId?: string;
  boxTestId?: string;
}) {
  // A list the user may not read is the 403 page, not an empty table under an error.
  if (pages.isError && isForbidden(pages.error)) return <ForbiddenResult />;
  const list = <ListTable<T> pages={pages} loading={loading ?? isListLoading(pages)} {...table} />;
  const rowCount = table.rows?.length ?? pages.data?.pages.reduce((count, page) => count + page.items.length, 0);
  return (
    <>
      <QueryError query={pages} />
      {boxTestId === undefined ? list : <div data-testid={boxTestId}>{list}</div>}
      <LoadMoreFooter pages={pages} rowCount={rowCount} noMore={noMore} total={total} testId={loadMoreTestId} />
    </>
  );
}
