import { describe, expect, it } from 'vitest';
import { decodeCursor, keysetPage } from './pagination.js';

const ids = [
  '00000000-0000-7000-8000-000000000001',
  '00000000-0000-7000-8000-000000000002',
  '00000000-0000-7000-8000-000000000003',
];
const rows = ids.map((id, index) => ({ id, day: `2025-01-0${index + 1}` }));

describe('keysetPage', () => {
  it('keeps `limit` rows and points the next page after the last one kept when the extra row came back', () => {
    const page = keysetPage(rows, { limit: 2, sortValueOf: (row) => row.day });
    expect(page.rows).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor!, 'text')).toEqual({ value: '2025-01-02', id: ids[1] });
  });

  it('has no next page when no extra row came back', () => {
    expect(keysetPage(rows, { limit: 3, sortValueOf: (row) => row.day })).toEqual({ rows, nextCursor: null });
    expect(keysetPage([], { limit: 3, sortValueOf: () => null })).toEqual({ rows: [], nextCursor: null });
  });

  it('passes the last kept row’s index, for sort values read beside the rows', () => {
    const sortValues = ['a', 'b', 'c'];
    const page = keysetPage(rows, { limit: 1, sortValueOf: (_row, index) => sortValues[index] ?? null });
    expect(decodeCursor(page.nextCursor!, 'text')).toEqual({ value: 'a', id: ids[0] });
  });
});
