import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { contacts } from '../../platform/db/schema/index.js';
import { updateVersioned, type VersionKey } from '../../platform/db/versioned-rows.js';

/** What the import engine reads and writes of contacts in bulk (issue 12); the SQL stays here. */

export type ContactImportRow = typeof contacts.$inferSelect;

/**
 * Contacts an import batch may match: by external id (trash included), and among live ones by the
 * duplicate check's exact keys (mobile, email — organization-wide) or by the customers they belong to.
 */
export async function findContactsForImport(
  db: Executor,
  orgId: string,
  keys: { externalIds: string[]; mobileE164s: string[]; emails: string[]; customerIds: string[] },
): Promise<ContactImportRow[]> {
  const live: SQL[] = [];
  if (keys.mobileE164s.length > 0) live.push(inArray(contacts.mobileE164, keys.mobileE164s));
  if (keys.emails.length > 0) live.push(inArray(contacts.emailNormalized, keys.emails));
  if (keys.customerIds.length > 0) live.push(inArray(contacts.customerId, keys.customerIds));
  const matches: SQL[] = [];
  if (keys.externalIds.length > 0) matches.push(inArray(contacts.externalId, keys.externalIds));
  if (live.length > 0) matches.push(and(isNull(contacts.deletedAt), or(...live))!);
  if (matches.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), or(...matches)));
}

/** One multi-row insert of prepared contacts (derived columns already set). */
export async function insertContactRows(db: Executor, rows: (typeof contacts.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(contacts).values(rows);
}

/** Applies an import's changes when the version still matches. */
export function updateContactForImport(
  db: Executor,
  key: VersionKey,
  changes: Partial<typeof contacts.$inferInsert>,
): Promise<boolean> {
  return updateVersioned(db, contacts, key, changes);
}
