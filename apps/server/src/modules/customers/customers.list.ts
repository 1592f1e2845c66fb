import {
  CUSTOMER_PROTECTED_FIELDS,
  type CustomerListQuery,
  type CustomerPage,
  type StaleCustomerQuery,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { EXACT_TOTAL_LIMIT, decodeCursor, keysetPage, type Cursor } from '../../platform/pagination.js';
import { buildSearchQuery } from '../../platform/search/search-tokens.js';
import { customFieldConditions } from '../custom-fields/index.js';
import { followUpCadences, getLifecycleSettings } from '../lifecycle/index.js';
import { reclaimDaysOf } from '../pools/index.js';
import {
  SEARCH_CANDIDATE_LIMIT,
  customerListRepository,
  type CustomerFilters,
  type ListScope,
} from './customer-list.repository.js';
import type { CustomerSortKey } from './customers.repository.js';
import { fieldAccess, toCustomer } from './customers.fields.js';
import { customerFileRepository, type CustomerFileRow } from './customer-file.repository.js';

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

/** One page's rows as read (`limit + 1` of them), their sort values, and the window count when asked. */
interface RowsRead<Item> {
  rows: Item[];
  sortValues: (string | null)[];
  total: number | null;
}

/** What a list query resolves to: scope, filters and sort, before a page is read. */
interface ListPlan {
  scope: ListScope;
  filters: CustomerFilters;
  sort: CustomerSortKey;
  descending: boolean;
}

async function pageOf<Item extends { id: string }>(
  db: Db,
  plan: ListPlan,
  page: { cursor: string | undefined; limit: number },
  read: (options: { cursor: Cursor | null; limit: number; withTotal: boolean }) => Promise<RowsRead<Item>>,
): Promise<{ items: Item[]; nextCursor: string | null; total?: number; totalIsEstimate?: boolean }> {
  const { scope, filters, sort } = plan;
  const { limit } = page;
  const cursor = decodeCursor(page.cursor, sort === 'name' || sort === 'customerNo' ? 'text' : 'timestamp');
  // A search's matches (at most SEARCH_CANDIDATE_LIMIT) are all read to be sorted: counting them
  // in the same query is free, where a separate count would run the search a second time.
  // With team memberships each scope branch is cut to one page, so the window would undercount.
  const withTotal = filters.searchQuery !== undefined && !cursor && !scope.withTeamMemberships;
  const fetched = await read({ cursor, limit: limit + 1, withTotal });
  const hasMore = fetched.rows.length > limit;
  const { rows: items, nextCursor } = keysetPage(fetched.rows, {
    limit,
    sortValueOf: (_, i) => fetched.sortValues[i] ?? null,
  });
  // The total is counted for the first page only: later pages continue a list whose size
  // the client already knows, and counting is the costliest part of a page (bench W1/W2).
  if (cursor) return { items, nextCursor };
  if (!hasMore) return { items, nextCursor, total: items.length, totalIsEstimate: false };
  const exact =
    fetched.total ?? (await customerListRepository.countUpTo(db, scope, { filters, cap: EXACT_TOTAL_LIMIT }));
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

/**
 * The API page: rows as the contract's customers, hidden fields left out, each with the days until
 * its pool's rules reclaim it.
 */
const customerPage = (db: Db, actor: Actor, plan: ListPlan, page: { cursor: string | undefined; limit: number }) =>
  pageOf(db, plan, page, async (options) => {
    const read = await customerListRepository.findPage(db, plan.scope, { ...plan, ...options });
    const reclaimDays = await reclaimDaysOf(db, { orgId: actor.orgId, rows: read.rows, now: new Date() });
    const rows = read.rows.map(({ poolId: _pool, ownedSince: _since, locked: _locked, ...row }, i) => ({
      ...toCustomer(row, actor),
      daysUntilReclaim: reclaimDays[i] ?? null,
    }));
    return { ...read, rows };
  });

/** The list query's scope, filters and sort; null when a search can match nothing. */
async function planOf(db: Db, actor: Actor, query: CustomerListQuery): Promise<ListPlan | null> {
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
    relationshipPhase: query.relationshipPhase,
    rfmSegment: query.rfmSegment,
    customFields: await customFieldConditions(db, actor, 'customer', query.cf),
    ...(query.followUpOverdue ? { followUpOverdue: await followUpCadences(db, actor.orgId) } : {}),
    ...(await viewFilters(db, actor, query.view)),
  };
  if (query.q !== undefined) {
    const searchQuery = buildSearchQuery(query.q, {
      phone: fieldAccess(actor.fieldPermissions, 'phone') !== 'hidden',
      email: fieldAccess(actor.fieldPermissions, 'email') !== 'hidden',
    });
    if (searchQuery === null) return null;
    filters.searchQuery = searchQuery;
  }
  // Most users are nobody's team member: their lists keep the plain owner-scope query.
  const withTeamMemberships = query.deleted !== true && (await customerListRepository.hasTeamMemberships(db, actor));
  return { scope: { actor, withTeamMemberships }, filters, sort, descending };
}

/** The customer list and its views: everything in scope, plus (read-only) customers where the caller is a team member. */
export async function listCustomers(db: Db, actor: Actor, query: CustomerListQuery): Promise<CustomerPage> {
  const plan = await planOf(db, actor, query);
  if (!plan) return { items: [], nextCursor: null, total: 0, totalIsEstimate: false };
  return customerPage(db, actor, plan, { cursor: query.cursor, limit: query.limit ?? 50 });
}

/**
 * The same list for a file (list export): the same plan, pages and totals, read as flat rows
 * (customer-file.repository) instead of API objects: an export reads every row of
 * the list, and building each customer through the ORM was most of a CSV export's time (bench W12).
 * Hidden fields are not read at all.
 */
export async function listCustomerFileRows(
  db: Db,
  actor: Actor,
  query: CustomerListQuery,
): Promise<{ items: CustomerFileRow[]; nextCursor: string | null; total?: number }> {
  const plan = await planOf(db, actor, query);
  if (!plan) return { items: [], nextCursor: null, total: 0 };
  const hidden = new Set(CUSTOMER_PROTECTED_FIELDS.filter((f) => fieldAccess(actor.fieldPermissions, f) === 'hidden'));
  return pageOf(db, plan, { cursor: query.cursor, limit: query.limit ?? 50 }, (options) =>
    customerFileRepository.findPage(db, plan.scope, { ...plan, ...options, hidden }),
  );
}

/**
 * Stale customers (domain §2): neither changed nor followed up for `days` days, oldest first.
 * Only records the caller may act on (its write scope), since the screen exists for bulk actions.
 */
export async function listStaleCustomers(db: Db, actor: Actor, query: StaleCustomerQuery): Promise<CustomerPage> {
  const plan: ListPlan = {
    scope: { actor, withTeamMemberships: false },
    filters: { staleDays: query.days ?? 180 },
    sort: 'updatedAt',
    descending: false,
  };
  return customerPage(db, actor, plan, { cursor: query.cursor, limit: query.limit ?? 50 });
}
