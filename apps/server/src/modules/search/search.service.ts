import {
  customerFieldAccess,
  type ContactHit,
  type CustomerHit,
  type LeadHit,
  type Permission,
  type QuickSearchQuery,
  type QuickSearchResult,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { rankByName } from '../../platform/search/search-ranking.js';
import { buildSearchQuery } from '../../platform/search/search-tokens.js';
import { searchRepository } from './search.repository.js';

/** Candidates read from the token index per group before ranking. */
export const QUICK_SEARCH_CANDIDATES = 200;

/**
 * One group of the quick search. Extension point: the leads module adds a provider for leads
 * (group `leads`, permission `leads.view`) and a matching member of QuickSearchResult.
 */
export interface SearchProvider {
  group: keyof QuickSearchResult;
  permission: Permission;
  find(
    db: Db,
    actor: Actor,
    options: { q: string; tsquery: string; limit: number },
  ): Promise<CustomerHit[] | ContactHit[] | LeadHit[]>;
}

const phoneVisible = (actor: Actor) => customerFieldAccess(actor.fieldPermissions, 'phone') !== 'hidden';

const customerProvider: SearchProvider = {
  group: 'customers',
  permission: 'customers.view',
  async find(db, actor, { q, tsquery, limit }) {
    const rows = await searchRepository.findCustomerCandidates(db, actor, tsquery, QUICK_SEARCH_CANDIDATES);
    return rankByName(rows, q, limit).map(({ updatedAt: _, phone, ...hit }) => ({
      ...hit,
      kind: hit.kind as CustomerHit['kind'],
      stage: hit.stage as CustomerHit['stage'],
      ...(phoneVisible(actor) ? { phone } : {}),
    }));
  },
};

const contactProvider: SearchProvider = {
  group: 'contacts',
  permission: 'contacts.view',
  async find(db, actor, { q, tsquery, limit }) {
    const rows = await searchRepository.findContactCandidates(db, actor, tsquery, QUICK_SEARCH_CANDIDATES);
    // A contact's mobile is guarded by the customers' phone permission.
    return rankByName(rows, q, limit).map(({ updatedAt: _, mobile, ...hit }) => ({
      ...hit,
      ...(phoneVisible(actor) ? { mobile } : {}),
    }));
  },
};

/** Modules add their providers once at start-up (see leads). */
export const SEARCH_PROVIDERS: SearchProvider[] = [customerProvider, contactProvider];

export function createSearchService({ db }: { db: Db }) {
  return {
    /** Searches every group the caller may view; hidden fields neither match nor show. */
    async search(actor: Actor, query: QuickSearchQuery): Promise<QuickSearchResult> {
      const limit = query.limit ?? 10;
      const tsquery = buildSearchQuery(query.q, {
        phone: phoneVisible(actor),
        email: customerFieldAccess(actor.fieldPermissions, 'email') !== 'hidden',
      });
      const result: QuickSearchResult = {};
      for (const provider of SEARCH_PROVIDERS) {
        if (!actor.permissions.has(provider.permission)) continue;
        const hits = tsquery === null ? [] : await provider.find(db, actor, { q: query.q, tsquery, limit });
        Object.assign(result, { [provider.group]: hits });
      }
      return result;
    },
  };
}
