import type { LeadHit } from '@guanxi/contract';
import { rankByName } from '../../platform/search/search-ranking.js';
import { SEARCH_PROVIDERS, type SearchProvider } from '../search/index.js';
import { ownedLeadScope } from './lead-scope.js';
import { leadsRepository } from './leads.repository.js';
import { leadFieldAccess } from './leads.values.js';

/** Candidates read from the token index before ranking (as for customers and contacts). */
const CANDIDATES = 200;

/** Leads in the quick search box: the caller's own leads by data scope, never a pool's. */
export const leadSearchProvider: SearchProvider = {
  group: 'leads',
  permission: 'leads.view',
  async find(db, actor, { q, tsquery, limit }): Promise<LeadHit[]> {
    const { rows } = await leadsRepository.findPage(db, ownedLeadScope(actor), {
      filters: { searchQuery: tsquery },
      cursor: null,
      limit: CANDIDATES,
    });
    const showMobile = leadFieldAccess(actor, 'mobile') !== 'hidden';
    return rankByName(rows, q, limit).map((row) => ({
      id: row.id,
      name: row.name,
      companyName: row.companyName,
      status: row.status as LeadHit['status'],
      ...(showMobile ? { mobile: row.mobile } : {}),
      ownerId: row.ownerId,
      ownerName: row.ownerName,
    }));
  },
};

/** Adds the leads group to the quick search once, however many apps start. */
export function registerLeadSearchProvider(): void {
  if (!SEARCH_PROVIDERS.includes(leadSearchProvider)) SEARCH_PROVIDERS.push(leadSearchProvider);
}
