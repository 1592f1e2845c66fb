import { boolean, PgDialect, pgTable, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { byKey, columnsEqual, firstRow } from './row-reads.js';

const notes = pgTable('notes', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  authorId: uuid('author_id'),
  pinned: boolean('pinned'),
});
const dialect = new PgDialect();

describe('row reads', () => {
  it('matches each named column to its value, in the order named', () => {
    const query = dialect.sqlToQuery(columnsEqual(notes, { orgId: 'o', authorId: 'u', pinned: true }));
    expect(query.sql).toBe('("notes"."org_id" = $1 and "notes"."author_id" = $2 and "notes"."pinned" = $3)');
    expect(query.params).toEqual(['o', 'u', true]);
  });

  it('refuses a name without a column rather than dropping the condition', () => {
    expect(() => columnsEqual(notes, { orgId: 'o', at: 'now' } as never)).toThrow(/no column at/);
  });

  it('finds one record by organization and id, ignoring the key object’s other fields', () => {
    const key = { orgId: 'o', id: 'n', version: 3 };
    const query = dialect.sqlToQuery(byKey(notes, key));
    expect(query.sql).toBe('("notes"."org_id" = $1 and "notes"."id" = $2)');
    expect(query.params).toEqual(['o', 'n']);
  });

  it('answers the first row, or null when there is none', async () => {
    expect(await firstRow(Promise.resolve([1, 2]))).toBe(1);
    expect(await firstRow(Promise.resolve([]))).toBeNull();
  });
});
