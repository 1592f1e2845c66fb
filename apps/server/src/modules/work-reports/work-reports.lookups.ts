import type { Executor } from '../../platform/db/client.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { workReportsRepository, type WorkReportRow } from './work-reports.repository.js';

/** What other modules read of work reports and of the people who write them. */

/** Display names by user id (work plans and the inbox name authors and reviewers with them). */
export function userNamesOf(db: Executor, key: { orgId: string; ids: string[] }): Promise<Map<string, string>> {
  return workReportsRepository.userNames(db, key);
}

/** The user's direct manager, who reviews their reports and plans; null when none. */
export function directManagerOf(db: Executor, key: { orgId: string; userId: string }): Promise<string | null> {
  return workReportsRepository.directManagerOf(db, key);
}

/** The first submitted reports waiting for the actor's review, newest period first. */
export function findReportsToReview(db: Executor, actor: ScopeActor, limit: number): Promise<WorkReportRow[]> {
  return workReportsRepository.findPage(db, actor, { view: 'review', filters: {}, cursor: null, limit });
}

/** How many submitted reports wait for the actor's review. */
export function countReportsToReview(db: Executor, actor: ScopeActor): Promise<number> {
  return workReportsRepository.countToReview(db, actor);
}
