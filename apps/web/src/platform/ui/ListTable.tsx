import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';

/** An infinite query whose pages each hold `items`. */
export interface ItemPages<T> {
  data?: { pages: readonly { items: readonly T[] }[] } | undefined;
  isPending: boolean;
}

export type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'locale'> & {
  /** The rows shown; more pages load below the table, never through antd's pager. */
  rows?: readonly T[];
  /** Instead of `rows`: every loaded page's items, with the spinner on the query's first load. */
  pages?: ItemPages<T>;
  /** What the table says when there are no rows (antd's default "no data" otherwise). */
  empty?: ReactNode;
  /** The table's `data-testid`. */
  testId?: string;
};

/**
 * antd's Table as every list in the app shows it: rows keyed by `id` and `middle` size unless told
 * otherwise, scrolling sideways within its card, and no pager, because lists load further pages below (`LoadMoreFooter`).
 */
export function ListTable<T>({
  rows,
  pages,
  loading,
  empty,
  testId,
  rowKey = 'id',
  size = 'middle',
  // Wider than the screen (a phone), the table scrolls inside its card instead of widening the page;
  // antd keeps it at least as wide as the card on a desktop.
  scroll = { x: 'max-content' },
  ...table
}: ListTableProps<T>) {
  return (
    <Table<T>
      rowKey={rowKey}
      size={size}
      scroll={scroll}
      dataSource={rows ?? pages?.data?.pages.flatMap((page) => page.items) ?? []}
      loading={loading ?? pages?.isPending}
      pagination={false}
      locale={empty === undefined ? undefined : { emptyText: empty }}
      data-testid={testId}
      {...table}
    />
  );
}
