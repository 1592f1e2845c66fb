import { Card, List, Typography } from 'antd';
import type { Key, MouseEventHandler, ReactNode } from 'react';

/** Which of a table's columns a phone card shows, by column key (or `dataIndex` when it has none). */
export interface PhoneCardLayout {
  /** The card's heading (default: the first column). */
  title?: string;
  /** The labelled values under it, in this order (default: the next five columns). */
  fields?: string[];
  /** The buttons at the card's foot (default: the column keyed `actions`). */
  actions?: string;
}

/**
 * What a card reads of an antd column. Deliberately narrow: checking antd's full column and table
 * types against a generic row made the type checker run out of memory.
 */
export interface PhoneColumn<T> {
  key?: Key;
  dataIndex?: unknown;
  title?: unknown;
  render?: (value: never, record: T, index: number) => unknown;
  children?: unknown;
}

type Column<T> = PhoneColumn<T>;

/** A table's `onRow`, as far as a card uses it: a tap opens the record. */
export type PhoneRowHandler<T> = (row: T, index?: number) => { onClick?: MouseEventHandler<HTMLElement> };

const keyOf = <T,>(column: Column<T>): string =>
  String(column.key ?? (Array.isArray(column.dataIndex) ? column.dataIndex.join('.') : String(column.dataIndex ?? '')));

function valueOf<T>(row: T, column: Column<T>): unknown {
  const path: unknown[] =
    column.dataIndex === undefined ? [] : Array.isArray(column.dataIndex) ? column.dataIndex : [column.dataIndex];
  return path.reduce<unknown>((value, step) => (value as Record<string, unknown> | undefined)?.[String(step)], row);
}

function cellOf<T>(row: T, column: Column<T>, index: number): ReactNode {
  const value = valueOf(row, column);
  if (column.render) return column.render(value as never, row, index) as ReactNode;
  return value === null || value === undefined ? null : String(value as string | number);
}

/** Leaf columns (grouped headers flattened): a card has no header rows to group under. */
function leaves<T>(columns: readonly Column<T>[] | undefined): Column<T>[] {
  return (columns ?? []).flatMap((column) =>
    Array.isArray(column.children) ? leaves<T>(column.children as Column<T>[]) : [column],
  );
}

/**
 * A table's rows as a list of cards for phones (style guide: below `md`, tables become List cards):
 * the same columns and cell renderers, one labelled value per line, so nothing scrolls sideways.
 */
export function PhoneCardList<T>({
  rows,
  columns,
  layout = {},
  rowKey,
  loading,
  empty,
  onRow,
  testId,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[] | undefined;
  layout?: PhoneCardLayout;
  /** A property name or a function, as antd's Table takes it. */
  rowKey: unknown;
  loading?: boolean;
  empty?: ReactNode;
  onRow?: PhoneRowHandler<T>;
  testId?: string;
}) {
  const all = leaves(columns);
  const byKey = new Map(all.map((column) => [keyOf(column), column]));
  const titleColumn = (layout.title && byKey.get(layout.title)) || all[0];
  const actionsColumn = byKey.get(layout.actions ?? 'actions');
  const fields = layout.fields
    ? layout.fields.flatMap((key) => byKey.get(key) ?? [])
    : all.filter((column) => column !== titleColumn && column !== actionsColumn).slice(0, 5);
  const idOf = (row: T, index: number): Key =>
    typeof rowKey === 'function'
      ? (rowKey as (row: T, index: number) => Key)(row, index)
      : (row as Record<string, Key>)[typeof rowKey === 'string' ? rowKey : 'id']!;

  return (
    <List<T>
      dataSource={[...rows]}
      loading={loading}
      locale={empty === undefined ? undefined : { emptyText: empty }}
      rowKey={(row) => idOf(row, rows.indexOf(row))}
      data-testid={testId}
      renderItem={(row, index) => {
        const { onClick } = onRow?.(row, index) ?? {};
        return (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <Card
              size="small"
              style={{ width: '100%', minWidth: 0, cursor: onClick ? 'pointer' : undefined }}
              onClick={onClick}
              data-testid="phone-card"
            >
              {titleColumn && (
                <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                  {cellOf(row, titleColumn, index)}
                </Typography.Text>
              )}
              {fields.map((column) => (
                <div key={keyOf(column)} style={{ display: 'flex', gap: 8, lineHeight: '24px', minWidth: 0 }}>
                  <Typography.Text type="secondary" style={{ flex: '0 0 35%', minWidth: 0 }}>
                    {typeof column.title === 'function' ? null : (column.title as ReactNode)}
                  </Typography.Text>
                  <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{cellOf(row, column, index)}</div>
                </div>
              ))}
              {actionsColumn && (
                // The buttons act on the row; a tap on them must not also open the record.
                <div style={{ marginTop: 8 }} onClick={(event) => event.stopPropagation()}>
                  {cellOf(row, actionsColumn, index)}
                </div>
              )}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
