import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type ScopeActor, visibleOwnerIds } from '../../platform/scope/data-scope.js';

/** The author reports to the actor directly (users.manager_id). */
export function isDirectReport(actor: ScopeActor, author: AnyPgColumn | SQL): SQL {
  return sql`exists (select 1 from users mgr_u where mgr_u.org_id = ${actor.orgId} and mgr_u.id = ${author} and mgr_u.manager_id = ${actor.userId})`;
}

/**
 * Whose reports and plans the actor may review (given the review permission): their direct
 * reports, and anyone else inside their data scope — never their own. So a sales manager
 * (department scope) reviews the department, the head of sales the whole sales tree, and a
 * salesperson (own scope) nobody.
 */
export function reviewableAuthor(actor: ScopeActor, author: AnyPgColumn | SQL): SQL {
  const owners = visibleOwnerIds(actor);
  const inScope = owners === null ? sql`true` : sql`${author} in (${owners})`;
  return sql`(${author} <> ${actor.userId} and (${isDirectReport(actor, author)} or ${inScope}))`;
}

/**
 * Submitted work of others the actor may read: in their data scope, reporting to them directly,
 * or (for reports) addressed to them. Drafts stay with their author.
 */
export function teamAuthor(actor: ScopeActor, author: AnyPgColumn | SQL): SQL {
  const owners = visibleOwnerIds(actor);
  const inScope = owners === null ? sql`true` : sql`${author} in (${owners})`;
  return sql`(${inScope} or ${isDirectReport(actor, author)})`;
}
