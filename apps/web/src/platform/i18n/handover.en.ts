import type { Strings } from './catalog';
import type handoverZhCN from './handover.zh-CN';

/** Hand-over of a leaving user (en). */
const handoverEn: Strings<typeof handoverZhCN> = {
  handover: {
    menu: 'Hand over & deactivate',
    rowAction: 'Hand over',
    title: 'Hand over & deactivate',
    intro:
      'Give a leaving colleague’s customers, leads, open opportunities, open orders, open tasks and pending approvals to others (customers and leads may also go back to the pool), then deactivate their account.',
    steps: { pick: 'Leaving user', targets: 'Who takes over', confirm: 'Confirm', result: 'Done' },
    stepOf: 'Step {{current}} of {{total}}: {{name}}',
    leavingUser: 'Leaving user',
    pickUser: 'Choose the person who is leaving',
    alreadyDisabled: 'This account is already deactivated; what it still holds can be handed over.',
    nothingHeld: '{{name}} holds nothing that needs handing over; the account can be deactivated right away.',
    holds: '{{name}} holds {{count}} records to hand over',
    holds_one: '{{name}} holds {{count}} record to hand over',
    moreItems: '{{count}} more not listed',
    moreItems_one: '{{count}} more not listed',
    submittedPending:
      '{{count}} approval requests they submitted still wait for their approvers; the hand-over leaves them as they are.',
    submittedPending_one:
      '{{count}} approval request they submitted still waits for its approvers; the hand-over leaves it as it is.',
    groups: {
      customers: 'Customers',
      leads: 'Leads',
      opportunities: 'Open opportunities',
      orders: 'Open orders',
      tasks: 'Open tasks',
      approvals: 'Approvals waiting for them',
    },
    toColleagues: 'To colleagues',
    toPool: 'Back to the pool',
    toLeadPool: 'Back to the lead pool',
    chooseUsers: 'Choose who takes over',
    severalHint: 'With several people, records are dealt in turn',
    targetRequired: 'Choose who takes over “{{group}}”',
    applyAll: 'Give everything to',
    applyAllPlaceholder: 'One person for every group at once',
    confirmNotice:
      'The hand-over happens completely or not at all; afterwards {{name}}’s account is deactivated and signed out at once.',
    goesTo: 'Goes to',
    run: 'Hand over & deactivate',
    next: 'Next',
    previous: 'Back',
    failed: 'The hand-over did not happen; nothing was changed',
    doneTitle: 'Hand-over complete',
    doneDeactivated: '{{name}}’s account is now deactivated.',
    doneAlreadyDisabled: '{{name}}’s account was already deactivated.',
    movedCount: '{{group}}: {{count}} handed over',
    recipients: 'Taken over by {{list}}',
    recipientCount: '{{name}} ({{count}})',
    listSeparator: ', ',
    poolRecipient: 'Pool',
    countItems: '{{count}}',
    another: 'Hand over someone else',
    backToUsers: 'Back to users',
  },
};

export default handoverEn;
