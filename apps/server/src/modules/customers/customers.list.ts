import type { CustomerListQuery, CustomerPage, StaleCustomerQuery } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { EXACT_TOTAL_LIMIT, decodeCursor, keysetPage } from '../../platform/pagination.js';
import { buildSearchQuery } from '../../platform/search/search-tokens.js';
import { getLifecycleSettings } from '../lifecycle/index.js';
import {
  SEARCH_CANDIDATE_LIMIT,
  customerListRepository,
  type CustomerFilters,
  type ListScope,
} from './customer-list.repository.js';
import type { CustomerSortKey } from './customers.repository.js';
import { fieldAccess, toCustomer } from './customers.fields.js';

/** The filters of a built-in view (`mine`, `team`, `stuck`) on top of the query's own. */
async function viewFilters(db: Db, actor: Actor, view: CustomerListQuery['view']): Promise<CustomerFilters> {
  if (view === 'mine') return { ownerId: actor.userId };
  if (view === 'team') return { ownerIdNot: actor.userId };
  if (view === 'stuck') {
    const { stages } = await getLifecycleSettings(db, actor.orgId);
    const stuck = stages.flatMap((s) =>
      s.active && s.expectedDwellDays !== null ? [{ stage: s.code, days: s.expectedDwellDays }] : [],
    );
    return { stuck };
  }
  return {};
}

async function pageOf(
  db: Db,
  actor: Actor,
  options: {
    scope: ListScope;
    filters: CustomerFilters;
    sort: CustomerSortKey;
    descending: boolean;
    cursor: string | undefined;
    limit: number;
  },
): Promise<CustomerPage> {
  const { scope, filters, sort, limit } = options;
  const cursor = decodeCursor(options.cursor, sort === 'name' || sort === 'customerNo' ? 'text' : 'timestamp');
  // A search's matches (at most SEARCH_CANDIDATE_LIMIT) are all read to be sorted: counting them
  // in the same query is free, where a separate count would run the search a second time.
  // With team memberships each scope branch is cut to one page, so the window would undercount.
  const withTotal = filters.searchQuery !== undefined && !cursor && !scope.withTeamMemberships;
  const page = await customerListRepository.findPage(db, scope, {
    filters,
    sort,
    descending: options.descending,
    cursor,
    limit: limit + 1,
    withTotal,
  });
  const hasMore = page.rows.length > limit;
  const { rows, nextCursor } = keysetPage(page.rows, { limit, sortValueOf: (_, i) => page.sortValues[i] ?? null });
  const items = rows.map((r) => toCustomer(r, actor));
  // The total is counted for the first page only: later pages continue a list whose size
  // the client already knows, and counting is the costliest part of a page (bench W1/W2).
  if (cursor) return { items, nextCursor };
  if (!hasMore) return { items, nextCursor, total: rows.length, totalIsEstimate: false };
  const exact = page.total ?? (await customerListRepository.countUpTo(db, scope, { filters, cap: EXACT_TOTAL_LIMIT }));
  // A search ranks a capped candidate set; a count at the cap means "at least that many".
  const capped = filters.searchQuery !== undefined && exact !== null && exact >= SEARCH_CANDIDATE_LIMIT;
  if (exact !== null) return { items, nextCursor, total: exact, totalIsEstimate: capped };
  const estimate = await customerListRepository.estimateCount(db, scope, filters);
  return { items, nextCursor, total: Math.max(estimate, EXACT_TOTAL_LIMIT + 1), totalIsEstimate: true };
}

/** The repository's sort column and direction; days in stage run opposite to the stage-entered time. */
function sortOf(param: NonNullable<CustomerListQuery['sort']>): { sort: CustomerSortKey; descending: boolean } {
  const descending = param.startsWith('-');
  const key = descending ? param.slice(1) : param;
  if (key === 'daysInStage') return { sort: 'stageEnteredAt', descending: !descending };
  return { sort: key as CustomerSortKey, descending };
}

/** The customer list and its views: everything in scope, plus (read-only) customers where the caller is a team member. */
export async function listCustomers(db: Db, actor: Actor, query: CustomerListQuery): Promise<CustomerPage> {
  const sortParam = query.sort ?? '-updatedAt';
  const { sort, descending } = sortOf(sortParam);
  const filters: CustomerFilters = {
    stage: query.stage,
    kind: query.kind,
    tier: query.tier,
    source: query.source,
    ownerId: query.ownerId,
    scale: query.scale,
    gender: query.gender,
    industry: query.industry,
    province: query.province,
    city: query.city,
    district: query.district,
    tags: query.tag,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    updatedFrom: query.updatedFrom,
    updatedTo: query.updatedTo,
    deleted: query.deleted,
    noFollowUpDays: query.noFollowUpDays,
    daysInStageMin: query.daysInStageMin,
    daysInStageMax: query.daysInStageMax,
    ...(await viewFilters(db, actor, query.view)),
  };
  if (query.q !== undefined) {
    const searchQuery = buildSearchQuery(query.q, {
      phone: fieldAccess(actor.fieldPermissions, 'phone') !== 'hidden',
      email: fieldAccess(actor.fieldPermissions, 'email') !== 'hidden',
    });
    if (searchQuery === null) return { items: [], nextCursor: null, total: 0, totalIsEstimate: false };
    filters.searchQuery = searchQuery;
  }
  // Most users are nobody's team member: their lists keep the plain owner-scope query.
  const withTeamMemberships = query.deleted !== true && (await customerListRepository.hasTeamMemberships(db, actor));
  const scope = { actor, withTeamMemberships };
  return pageOf(db, actor, { scope, filters, sort, descending, cursor: query.cursor, limit: query.limit ?? 50 });
}

/**
 * Stale customers (domain §2): neither changed nor followed up for `days` days, oldest first.
 * Only records the caller may act on (its write scope), since the screen exists for bulk actions.
 */
export async function listStaleCustomers(db: Db, actor: Actor, query: StaleCustomerQuery): Promise<CustomerPage> {
  const scope = { actor, withTeamMemberships: false };
  const filters: CustomerFilters = { staleDays: query.days ?? 180 };
  return pageOf(db, actor, {
    scope,
    filters,
    sort: 'updatedAt',
    descending: false,
    cursor: query.cursor,
    limit: query.limit ?? 50,
  });
}
