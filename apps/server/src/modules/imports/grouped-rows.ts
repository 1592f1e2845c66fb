import type { FileRow } from './file-reading.js';

/**
 * The file's data rows with each group's rows brought together, groups in the order of their first
 * row and rows in file order within a group. Flat sales files list an order's lines wherever they
 * fall (the Classic Models file is sorted by product), but a kind with a group key — an order
 * written whole or not at all — must see every line of the order in one batch. The rows are held in
 * memory for this (a few hundred bytes per row); the order is deterministic, so a run resumed after
 * a crash counts the same rows as done.
 */
export async function* groupedFileRows(
  rows: AsyncIterable<FileRow>,
  options: { headerRow: number; keyOf: (row: FileRow, dataIndex: number) => string | null },
): AsyncGenerator<FileRow> {
  const groups = new Map<string, FileRow[]>();
  const order: (FileRow[] | FileRow)[] = [];
  let dataIndex = 0;
  for await (const row of rows) {
    if (row.rowNumber <= options.headerRow) continue;
    const key = options.keyOf(row, dataIndex++);
    if (key === null) {
      order.push(row);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(row);
    else {
      const created = [row];
      groups.set(key, created);
      order.push(created);
    }
  }
  for (const entry of order) {
    if (Array.isArray(entry)) yield* entry;
    else yield entry;
  }
}
