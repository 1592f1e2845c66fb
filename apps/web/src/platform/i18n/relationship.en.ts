import type { Strings } from './catalog';
import type relationshipZhCN from './relationship.zh-CN';

/** Relationship phases, their reasons and the decisions on declining customers (en). */
const relationshipEn: Strings<typeof relationshipZhCN> = {
  relationship: {
    title: 'Relationship phase',
    phases: {
      exploration: 'Exploration',
      formation: 'Formation',
      stability: 'Stability',
      decline: 'Decline',
    },
    notComputed: 'Not computed yet',
    notComputedHint: 'The phase is computed every night from the order rhythm, and at once when the customer orders.',
    since: 'since {{date}}',
    reasons: {
      no_purchase: 'No purchase yet.',
      few_purchases:
        '{{occasions}} purchase(s) so far, the last {{daysSinceLast}} days ago; expected to buy again every {{expected}} days.',
      regular:
        '{{occasions}} purchases, the last {{daysSinceLast}} days ago, at the usual rhythm (about every {{expected}} days).',
      overdue: 'No order for {{daysSinceLast}} days, while it usually orders every {{expected}} days.',
      frequency_drop: 'Orders fell from {{before}} per {{window}} days to {{now}} in the last {{window}} days.',
      amount_drop: 'Order amount fell from {{before}} per {{window}} days to {{now}} in the last {{window}} days.',
    },
    intervalSources: {
      customer: 'set on the customer',
      category: 'from the product categories bought',
      history: "from the customer's own rhythm",
      default: 'default',
    },
    lastFollowUp: 'Last follow-up {{days}} days ago.',
    noFollowUp: 'No follow-up yet.',
    expectedInterval: 'Expected repurchase interval',
    expectedIntervalDays: '{{days}} days',
    expectedIntervalAuto: 'Automatic ({{source}})',
    setInterval: 'Set interval',
    intervalPlaceholder: 'Days; empty for automatic',
    intervalSaved: 'Interval saved; the phase was computed again',
    pendingTitle: 'This customer is in decline: decide what to do',
    pendingHint:
      'Win back: plan a call, a visit or an offer and a date to check the result. Let go: mark the customer lost or return it to the pool.',
    decide: 'Decide',
    winBack: 'Win back',
    letGo: 'Let go',
    strategy: 'Strategy',
    reason: 'Reason',
    reasonPlaceholder: 'e.g. long-standing customer, price-sensitive: make one offer',
    steps: {
      call: 'Call',
      visit: 'Visit',
      offer: 'Offer',
    },
    stepDue: 'Due date',
    stepNote: 'Note (optional)',
    chooseSteps: 'Win-back steps (each becomes a task for the owner)',
    checkOn: 'Date to check the result',
    letGoTo: 'Let go to',
    letGoTargets: {
      lost: 'Mark as lost',
      pool: 'Return to the pool',
    },
    submit: 'Record decision',
    decided: 'Decision recorded',
    decidedWithTasks: 'Decision recorded; {{count}} tasks created',
    decidedPending: 'Decision recorded; the move to lost waits for approval',
    history: 'Decisions',
    decisionBy: '{{name}} on {{date}}',
    decisions: {
      win_back: 'Win back',
      let_go: 'Let go',
    },
    outcomeWonBack: 'Won back',
    outcomeOpen: 'In progress',
    checkOnLabel: 'Check on {{date}}',
    letGoToLabel: 'To: {{target}}',
    summaryTitle: 'Relationship phases',
    summaryHint: 'Click a phase for its customers. Declining customers need a decision from their owner.',
    pendingDecision: 'Awaiting decision',
    winBackCount: 'Win back',
    wonBack: 'Won back',
    letGoCount: 'Let go',
    lastYear: 'Decisions in the last 12 months',
    filterPlaceholder: 'Relationship phase',
  },
};

export default relationshipEn;
