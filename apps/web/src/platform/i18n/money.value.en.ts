import type { Strings } from './catalog';
import type valueZhCN from './money.value.zh-CN';

/** Orders and money (issue 5): value screens (en). */
const valueEn: Strings<typeof valueZhCN> = {
  customerValue: {
    profitMenu: 'Profit contribution',
    pyramidMenu: 'Customer pyramid',
    profitTitle: 'Profit contribution per customer',
    pyramidTitle: 'Customer pyramid and ABC classes',
    tab: 'Value',
    period: 'Period',
    periodHint:
      'Confirmed, shipped and completed orders by confirmation date, less approved customer expenses of the period',
    customer: 'Customer',
    owner: 'Owner',
    ordersCount: 'Orders',
    revenue: 'Revenue',
    cost: 'Cost',
    grossProfit: 'Gross profit',
    expenses: 'Allocated expenses',
    profit: 'Profit contribution',
    margin: 'Margin',
    rank: 'Rank',
    totals: 'Total',
    customersCount: 'Customers',
    searchPlaceholder: 'Search customer name',
    empty: 'No orders or expenses in this period',
    tierMembers: '{{tier}}: {{count}} customers, most profitable first',
    tierMembers_one: '{{tier}}: {{count}} customer',
    classMembers: '{{abcClass}}: {{count}} customers, most profitable first',
    classMembers_one: '{{abcClass}}: {{count}} customer',
    membersHint: 'Click a count to see its customers',
    tier: 'Value tier',
    abcClass: 'ABC class',
    count: 'Customers',
    revenueShare: 'Revenue share',
    computedAt: 'Computed at',
    computedPeriod: 'Period {{from}} to {{to}}',
    neverComputed: 'Customer value has not been computed yet. It runs nightly at 02:30, or compute it now.',
    neverComputedNoRights: 'Customer value has not been computed yet. It runs nightly at 02:30.',
    jobCompute: 'Customer value (profit contribution, pyramid and ABC)',
    computeNow: 'Compute now',
    computed: '{{count}} customers computed',
    computed_one: '{{count}} customer computed',
    bounds:
      'Platinum: top {{platinum}}% of profitable customers; Gold: top {{gold}}%; A: first {{a}}% of revenue; B: up to {{b}}%',
    pyramidChart: 'Customer pyramid',
    abcChart: 'ABC classes (by revenue)',
    last12Months: 'Last 12 months',
    notRanked: 'Not ranked (no orders or expenses in the last 12 months)',
    coverage:
      '{{ranked}} customers ranked (orders or expenses in the period); {{unranked}} more had no order or expense in the period and are not ranked.',
    movement:
      'Since the previous period: {{up}} moved up, {{down}} moved down, {{same}} stayed, {{entered}} newly ranked.',
    movementFirst: 'This is the first computation; from the next period on, moves between tiers show here.',
    snapshotOf: 'Tier computed for {{from}} to {{to}}, rank {{rank}}',
    tiers: { platinum: 'Platinum', gold: 'Gold', iron: 'Iron', lead: 'Lead' },
    tierHints: {
      platinum: 'The most profitable customers',
      gold: 'Highly profitable customers',
      iron: 'Other profitable customers',
      lead: 'Unprofitable customers',
    },
    abc: { A: 'Class A', B: 'Class B', C: 'Class C' },
  },
};

export default valueEn;
