import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The part of a TanStack infinite query that fetching further pages needs. */
export interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Under a table, right-aligned: "load more" while pages are left, then "no more" once anything was listed. */
export function LoadMoreFooter({ pages, rowCount }: { pages: NextPages; rowCount: number }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
      {pages.hasNextPage ? (
        <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : (
        rowCount > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </div>
  );
}

/** A full-width "load more" under a list while pages are left; nothing after the last one. */
export function LoadMoreButton({ pages }: { pages: NextPages }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Button
      block
      style={{ marginTop: 12 }}
      loading={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {t('common.loadMore')}
    </Button>
  );
}
