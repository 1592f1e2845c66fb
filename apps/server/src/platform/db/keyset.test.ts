import { PgDialect, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { keysetAfter, splitSortValues } from './keyset.js';

const notes = pgTable('notes', { id: uuid('id').primaryKey(), title: text('title'), at: timestamp('at') });
const dialect = new PgDialect();
const cursor = { value: '2026-01-02 03:04:05+00', id: '00000000-0000-4000-8000-000000000001' };

describe('keyset pages', () => {
  it('continues a newest-first list below the cursor, with the sort value cast for the column', () => {
    const query = dialect.sqlToQuery(
      keysetAfter({ sort: notes.at, id: notes.id, cursor, cast: 'timestamptz', descending: true }),
    );
    expect(query.sql).toBe('("notes"."at", "notes"."id") < ($1::timestamptz, $2::uuid)');
    expect(query.params).toEqual([cursor.value, cursor.id]);
  });

  it('continues an ascending list above the cursor, with the value converted when given', () => {
    const query = dialect.sqlToQuery(
      keysetAfter({ sort: notes.title, id: notes.id, cursor, cast: 'bigint', descending: false, value: 42 }),
    );
    expect(query.sql).toBe('("notes"."title", "notes"."id") > ($1::bigint, $2::uuid)');
    expect(query.params).toEqual([42, cursor.id]);
  });

  it('splits the sort values off the rows, index for index', () => {
    const rows = [
      { id: 'a', sortValue: '1' },
      { id: 'b', sortValue: '2' },
    ];
    expect(splitSortValues(rows)).toEqual({ rows: [{ id: 'a' }, { id: 'b' }], sortValues: ['1', '2'] });
  });
});
