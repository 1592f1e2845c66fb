import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The part of a TanStack infinite query that fetching further pages needs. */
export interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Under a table: "load more" at the right while pages are left, then "no more" once anything was
 * listed (unless `noMore` is false). With `total`, that text stands at the left. Without `total`
 * and `noMore`, nothing is rendered after the last page.
 */
export function LoadMoreFooter({
  pages,
  rowCount = 0,
  total,
  noMore = true,
  testId,
}: {
  pages: NextPages;
  rowCount?: number;
  total?: ReactNode;
  noMore?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!pages.hasNextPage && !noMore && total === undefined) return null;
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: total === undefined ? 'flex-end' : 'space-between',
        marginTop: 16,
      }}
    >
      {total}
      {pages.hasNextPage ? (
        <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      ) : (
        noMore && rowCount > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </div>
  );
}

/**
 * "Load more" under a list while pages are left (full width, or `inline` as a plain button in a
 * vertical Space); nothing after the last one.
 */
export function LoadMoreButton({ pages, inline = false }: { pages: NextPages; inline?: boolean }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Button
      block={!inline}
      style={inline ? undefined : { marginTop: 12 }}
      loading={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {t('common.loadMore')}
    </Button>
  );
}

/**
 * Whether a paged table shows its spinner: on the first load and on a refetch after the filters
 * changed, but not while "load more" appends a page below the rows already shown.
 */
export function isListLoading(pages: { isPending: boolean; isFetching: boolean; isFetchingNextPage: boolean }) {
  return pages.isPending || (pages.isFetching && !pages.isFetchingNextPage);
}
