import { describe, expect, it } from 'vitest';
import { decodeCursor, keysetPage, type CursorValueKind } from './pagination.js';

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

describe('keysetPage with a tie-breaker other than the row id', () => {
  it('puts `idOf` of the last kept row into the cursor', () => {
    const page = keysetPage(rows, { limit: 1, sortValueOf: (row) => row.day, idOf: () => ids[2]! });
    expect(decodeCursor(page.nextCursor!, 'text')).toEqual({ value: '2025-01-01', id: ids[2] });
  });
});

describe('decodeCursor', () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify([value, ids[0]])).toString('base64url');
  const bad = (value: unknown, kind: CursorValueKind) => () => decodeCursor(encode(value), kind);

  it('reads back what keysetPage wrote, and nothing for no cursor', () => {
    expect(decodeCursor(undefined, 'text')).toBeNull();
    expect(decodeCursor(encode('2025-01-01'), 'date')).toEqual({ value: '2025-01-01', id: ids[0] });
    expect(decodeCursor(encode('-1200'), 'integer')).toEqual({ value: '-1200', id: ids[0] });
    expect(decodeCursor(encode(1200), 'integer')).toEqual({ value: 1200, id: ids[0] });
    expect(decodeCursor(encode('2025-01-01 08:00:00.123+08'), 'timestamp')).toEqual({
      value: '2025-01-01 08:00:00.123+08',
      id: ids[0],
    });
    expect(decodeCursor(encode(null), 'timestamp')).toEqual({ value: null, id: ids[0] });
  });

  it('answers a malformed value with a 400 (badCursor), before it reaches SQL', () => {
    for (const [value, kind] of [
      ['2025-1-1', 'date'],
      [null, 'date'],
      [20250101, 'date'],
      ['12.5', 'integer'],
      ['1e3', 'integer'],
      [null, 'integer'],
      ['123456789012345678901', 'integer'],
      ['yesterday', 'timestamp'],
      [42, 'text'],
    ] as const) {
      expect(bad(value, kind)).toThrow(expect.objectContaining({ key: 'error.badCursor' }));
    }
    expect(() => decodeCursor('not base64 json', 'text')).toThrow(expect.objectContaining({ key: 'error.badCursor' }));
  });
});
