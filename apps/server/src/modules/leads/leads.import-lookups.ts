import { and, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { leads } from '../../platform/db/schema/index.js';
import { updateVersioned, type VersionKey } from '../../platform/db/versioned-rows.js';
import type { Actor } from '../../platform/auth/actor.js';
import { leadsRepository } from './leads.repository.js';

/** What the import engine reads and writes of leads in bulk (issue 12); the SQL stays here. */

export type LeadImportRow = typeof leads.$inferSelect;

/**
 * Leads an import batch may match: by external id (trash included), and among live unconverted
 * ones by the duplicate check's keys (a phone as mobile or landline, an email) or the company name.
 */
export async function findLeadsForImport(
  db: Executor,
  orgId: string,
  keys: { externalIds: string[]; phoneE164s: string[]; emails: string[]; companies: string[] },
): Promise<LeadImportRow[]> {
  const live: SQL[] = [];
  if (keys.phoneE164s.length > 0)
    live.push(inArray(leads.mobileE164, keys.phoneE164s), inArray(leads.phoneE164, keys.phoneE164s));
  if (keys.emails.length > 0) live.push(inArray(leads.emailNormalized, keys.emails));
  if (keys.companies.length > 0) live.push(inArray(leads.companyNormalized, keys.companies));
  const matches: SQL[] = [];
  if (keys.externalIds.length > 0) matches.push(inArray(leads.externalId, keys.externalIds));
  if (live.length > 0) matches.push(and(isNull(leads.deletedAt), ne(leads.status, 'converted'), or(...live))!);
  if (matches.length === 0) return [];
  return db
    .select()
    .from(leads)
    .where(and(eq(leads.orgId, orgId), or(...matches)));
}

export async function insertLeadRows(db: Executor, rows: (typeof leads.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(leads).values(rows);
}

export function updateLeadForImport(db: Executor, key: VersionKey, changes: Partial<typeof leads.$inferInsert>) {
  return updateVersioned(db, leads, key, changes);
}

/** The users among these the actor may give leads to (active, inside the actor's scope). */
export function findAssignableLeadOwners(db: Executor, actor: Actor, userIds: string[]): Promise<string[]> {
  return leadsRepository.findAssignableOwners(db, actor, userIds);
}
