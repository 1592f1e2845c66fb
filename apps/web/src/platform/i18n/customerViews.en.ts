import type { Strings } from './catalog';
import type customerViewsZhCN from './customerViews.zh-CN';

/** Customer list views, more filters, stale cleanup and field changes (en). */
const customerViewsEn: Strings<typeof customerViewsZhCN> = {
  customerView: {
    all: 'All',
    mine: 'My customers',
    team: "My team's",
    stuck: 'Stuck',
    pool: 'Pool',
    save: 'Save as view',
    saveTitle: 'Save the current filters as a view',
    name: 'View name',
    nameRequired: 'Please enter a view name',
    shared: 'Share with colleagues',
    sharedTag: 'Shared',
    sharedBy: 'Shared by {{owner}}',
    saved: 'View saved',
    delete: 'Delete view',
    deleteConfirm: 'Delete view “{{name}}”?',
    moreFilters: 'More filters',
    clearFilters: 'Clear filters',
    owner: 'Owner',
    createdRange: 'Created',
    updatedRange: 'Updated',
    textPlaceholder: '{{field}} (exact)',
    tagsPlaceholder: 'Has all selected tags',
    stale: 'Stale cleanup',
  },
  stale: {
    title: 'Stale customer cleanup',
    intro:
      'Customers neither changed nor followed up for the given number of days. Return them to the pool or mark them lost, with a reason.',
    days: 'Unchanged for',
    daysSuffix: 'days',
    selected: '{{count}} customers selected',
    returnToPool: 'Return to pool',
    markLost: 'Mark lost',
    reason: 'Reason',
    reasonRequired: 'Please give a reason',
    confirmReturn: 'Return {{count}} customers to the pool',
    confirmLost: 'Mark {{count}} customers as lost',
    lostHint: 'Where losing a customer needs approval, the stage changes once it is approved.',
    resultTitle: 'Result',
    done: '{{count}} done',
    notFound: '{{count}} not found or out of your scope',
    pendingApproval: '{{count}} waiting for approval',
    failed: '{{count}} failed',
    empty: 'No stale customers',
    open: 'Stale cleanup',
  },
  fieldChange: {
    updated: 'Changed fields',
    deleted: 'Deleted the customer',
    restored: 'Restored the customer',
    field: '{{field}}: ',
    empty: '(empty)',
    more: '{{count}} more changes',
  },
};

export default customerViewsEn;
