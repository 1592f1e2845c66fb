import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { givenValues, insertValues, pickColumns } from './shapes.js';

const notes = pgTable('notes', { id: uuid('id').primaryKey(), title: text('title').notNull(), body: text('body') });

describe('row and value shapes from field lists', () => {
  it('picks the columns named like the fields, in the order of the list, skipping fields without a column', () => {
    const columns = pickColumns(notes, ['body', 'authorName', 'id']);
    expect(Object.keys(columns)).toEqual(['body', 'id']);
    expect(columns.body).toBe(notes.body);
  });

  it('names every field on insert: the body value, else the default, else null', () => {
    const body: { title: string; body?: string | null; tags?: string[] } = { title: 'Hello' };
    expect(insertValues(['title', 'body', 'tags'], body, { tags: [] })).toEqual({
      title: 'Hello',
      body: null,
      tags: [],
    });
    expect(insertValues(['title', 'body'], { title: 'Hi', body: null }, { body: 'default' })).toEqual({
      title: 'Hi',
      body: 'default',
    });
  });

  it('keeps on update only the listed fields the body gives, null included', () => {
    const body = { title: undefined, body: null, version: 3 };
    expect(givenValues(['title', 'body', 'tags'], body)).toEqual({ body: null });
  });
});
