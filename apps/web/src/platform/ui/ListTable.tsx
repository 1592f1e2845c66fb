import { Grid, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { PhoneCardList, type PhoneCardLayout, type PhoneColumn, type PhoneRowHandler } from './PhoneCardList';

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
  /** On a phone, the rows as cards (which columns go where); a sideways-scrolling table otherwise. */
  phoneCards?: PhoneCardLayout | true;
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
  phoneCards,
  rowKey = 'id',
  size = 'middle',
  // Wider than the screen (a phone), the table scrolls inside its card instead of widening the page;
  // antd keeps it at least as wide as the card on a desktop.
  scroll = { x: 'max-content' },
  ...table
}: ListTableProps<T>) {
  const isPhone = Grid.useBreakpoint().md === false;
  const dataSource = rows ?? pages?.data?.pages.flatMap((page) => page.items) ?? [];
  if (isPhone && phoneCards) {
    return (
      <PhoneCardList<T>
        rows={dataSource}
        columns={table.columns as unknown as PhoneColumn<T>[] | undefined}
        layout={phoneCards === true ? undefined : phoneCards}
        rowKey={rowKey}
        loading={Boolean(loading ?? pages?.isPending)}
        empty={empty}
        onRow={table.onRow as unknown as PhoneRowHandler<T> | undefined}
        testId={testId}
      />
    );
  }
  return (
    <Table<T>
      rowKey={rowKey}
      size={size}
      scroll={scroll}
      dataSource={dataSource}
      loading={loading ?? pages?.isPending}
      pagination={false}
      locale={empty === undefined ? undefined : { emptyText: empty }}
      data-testid={testId}
      {...table}
    />
  );
}
