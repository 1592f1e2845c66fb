import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Search lexemes built by the application (design §3), stored as a 'simple' tsvector. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** Every business table starts with the tenant and a time-ordered id (design §3). */
export const tenantKey = () => ({
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
});

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Optimistic locking: updates send the version back; a stale one answers 409. */
export const versioned = () => ({ version: integer('version').notNull().default(1) });
