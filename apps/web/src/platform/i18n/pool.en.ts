import type { Strings } from './catalog';
import type poolZhCN from './pool.zh-CN';

/** Customer pool screens and their settings (en). */
const poolEn: Strings<typeof poolZhCN> = {
  pool: {
    menu: 'Customer pools',
    title: 'Customer pools',
    list: 'Pools',
    name: 'Pool name',
    nameRequired: 'Please enter a pool name',
    isDefault: 'Default',
    openToAll: 'Open to everyone',
    customers: 'Pool customers',
    choose: 'Please choose a pool',
    empty: 'No pools you can see',
    emptyCustomers: 'No customers in this pool',
    previousOwner: 'Previous owner',
    claim: 'Claim',
    claimed: 'Claimed — you now own this customer',
    settings: 'Pool settings',
    new: 'New pool',
    created: 'Pool created',
    tabRules: 'Reclaim rules',
    tabVisible: 'Visible fields',
    tabMembers: 'Admins and members',
    noFollowUpDays: 'No follow-up for (days)',
    tierNoFollowUpDays: 'No follow-up by customer tier (days)',
    tierHint: 'A tier left empty uses the days without follow-up above.',
    tierInactive: '{{name}} (inactive)',
    notWonDays: 'Not won for (days)',
    excludeWon: 'Never reclaim won customers',
    reminderDaysBefore: 'Remind before reclaim (days)',
    dailyClaimLimit: 'Daily claim limit per member',
    previousOwnerCooldownDays: 'Previous-owner cooldown (days)',
    ownershipCap: 'Ownership cap per user',
    off: 'Leave empty to switch off',
    visibleFields: 'Fields visible before claiming',
    visibleHint: 'Number, kind and name always show; phone and email are hidden by default.',
    adminUserIds: 'Pool admins',
    memberUserIds: 'Members (users)',
    memberDepartmentIds: 'Members (departments)',
  },
};

export default poolEn;
