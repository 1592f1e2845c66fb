import complaintEn from './complaint.en';
import handoverEn from './handover.en';
import accessEn from './access.en';
import type { Catalog } from './catalog';
import customerEn from './customer.en';
import lifecycleEn from './lifecycle.en';
import noticeEn from './notice.en';
import ownershipEn from './ownership.en';
import poolEn from './pool.en';
import jobEn from './job.en';
import leadEn from './lead.en';
import searchEn from './search.en';
import navEn from './nav.en';
import stageSettingsEn from './stageSettings.en';
import stageStrategyEn from './stageStrategy.en';
import customerViewsEn from './customerViews.en';
import opportunityEn from './opportunity.en';
import customFieldEn from './customField.en';
import competitionEn from './competition.en';
import followUpEn from './followUp.en';
import dictionaryEn from './dictionary.en';
import serviceEn from './service.en';
import workEn from './work.en';
import approvalsEn from './money.approvals.en';
import productsEn from './money.products.en';
import ordersEn from './money.orders.en';
import orderEntryEn from './orderEntry.en';
import stockEn from './money.stock.en';
import paymentsEn from './money.payments.en';
import expensesEn from './money.expenses.en';
import valueEn from './money.value.en';
import auditEn from './audit.en';
import tenantEn from './tenant.en';
import dataExportEn from './dataExport.en';
import exportEn from './export.en';
import importEn from './import.en';
import relationshipEn from './relationship.en';
import customer360En from './customer360.en';
import memberEn from './member.en';

/** English catalog; the `Catalog` type keeps its key set identical to zh-CN. */
const en: Catalog = {
  common: {
    appName: 'Guanxi',
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    edit: 'Edit',
    delete: 'Delete',
    confirm: 'OK',
    reload: 'Reload',
    search: 'Search',
    actions: 'Actions',
    loadMore: 'Load more',
    noMore: 'No more records',
    total: '{{count}} in total',
    totalEstimate: 'About {{count}}',
    requestFailed: 'Request failed ({{status}})',
    saved: 'Saved',
    deleted: 'Deleted',
    back: 'Back',
    empty: '—',
    yes: 'Yes',
    no: 'No',
    close: 'Close',
    all: 'All',
    loadFailed: 'Failed to load',
    notFound: 'Page not found',
    noAccess: 'You do not have access to this page',
    noAccessHint: 'Ask your administrator for the permission if your work needs it.',
    home: 'Back to home',
  },
  lang: {
    switchLabel: 'Switch language',
    toggle: '中文',
  },
  locale: {
    'zh-CN': '简体中文',
    en: 'English',
  },
  menu: {
    workbench: 'Workbench',
    customers: 'Customers',
    settings: 'Settings',
    departments: 'Departments',
    users: 'Users',
    roles: 'Roles',
  },
  auth: {
    loginTitle: 'Sign in',
    loginSubtitle: 'Open-source CRM for small and mid-sized companies',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    demoHint: 'Demo account: admin / guanxi-demo',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    logout: 'Sign out',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordMismatch: 'The two passwords do not match',
    passwordMin: 'At least {{count}} characters',
    passwordChanged: 'Password changed',
    apiTokens: 'API tokens',
  },
  workbench: {
    welcome: 'Hello, {{name}}',
    scope: 'Data scope: {{scope}}',
    visibleCustomers: 'Visible customers',
    interestedCustomers: 'Interested customers',
    repeatCustomers: 'Repeat customers',
    stageChart: 'Customers per stage',
    customerCount: 'Customers',
  },
  dataScope: {
    own: 'Own',
    own_subordinates: 'Own + subordinates',
    department: 'Own department',
    department_tree: 'Department + sub-departments',
    all: 'All',
  },
  department: {
    title: 'Departments',
    addRoot: 'New top-level department',
    addChild: 'Add sub-department',
    rename: 'Rename',
    move: 'Move',
    name: 'Department name',
    parent: 'Parent department',
    topLevel: '(top level)',
    nameRequired: 'Please enter a department name',
    userCount: '{{count}} users',
    userCount_one: '{{count}} user',
    deleteConfirm: 'Delete department “{{name}}”?',
    empty: 'No departments yet',
    scopeHint:
      'You can manage the departments within your data scope: add sub-departments, rename, delete, or move them among themselves (your own department stays where it is).',
    readOnlyHint: 'Your data scope covers no department, so you can only view the structure.',
    parentScopeHint: 'Only departments within your data scope can be chosen.',
  },
  user: {
    title: 'Users',
    new: 'New user',
    edit: 'Edit user',
    username: 'Username',
    displayName: 'Name',
    password: 'Password',
    resetPassword: 'Reset password',
    resetPasswordHint: 'Leave empty to keep it; after a change the user must sign in again',
    email: 'Email',
    mobile: 'Mobile',
    department: 'Department',
    manager: 'Manager',
    roles: 'Roles',
    locale: 'Language',
    status: 'Status',
    active: 'Active',
    disabled: 'Disabled',
    disable: 'Disable',
    enable: 'Enable',
    includeDisabled: 'Show disabled',
    searchPlaceholder: 'Search username or name',
    allDepartments: 'All departments',
    usernameInvalid: '2–32 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
    displayNameRequired: 'Please enter a name',
    mobileInvalid: 'Enter a valid mobile number',
    rolesRequired: 'Choose at least one role',
    disableConfirm: 'A disabled user can no longer sign in. Continue?',
    scopeNotice:
      'You manage the users within your data scope: you can edit them and place them only in the departments and under the people your scope covers.',
    placementScopeHint: 'Only departments and people within your data scope can be chosen.',
    ownPlacementHint: 'Only an administrator whose data scope is “All” can change their own department and manager.',
    managerRequiredHint: 'New users report to you or someone in your team.',
    managerRequired: 'Please choose a manager',
  },
  role: {
    title: 'Roles',
    new: 'New role',
    edit: 'Edit role',
    code: 'Code',
    codeInvalid: 'Lowercase letter first, then 1–31 lowercase letters, digits or underscores',
    name: 'Name',
    nameRequired: 'Please enter a role name',
    description: 'Description',
    dataScope: 'Data scope',
    permissions: 'Permissions',
    fieldPermissions: 'Field permissions',
    builtIn: 'Built-in',
    custom: 'Custom',
    userCount: 'Users',
    module: 'Module',
    deleteConfirm: 'Delete role “{{name}}”?',
    builtInNoDelete: 'Built-in roles cannot be deleted',
  },
  token: {
    title: 'API tokens',
    intro: 'For integrations: send Authorization: Bearer <token>; it has the same permissions as your account.',
    new: 'New token',
    name: 'Name',
    nameRequired: 'Please enter a token name',
    prefix: 'Prefix',
    createdAt: 'Created',
    lastUsedAt: 'Last used',
    never: 'Never',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke token “{{name}}”? Integrations using it stop working at once.',
    revoked: 'Token revoked',
    createdTitle: 'Token created',
    createdHint: 'Copy it now and keep it safe: this token is shown only once.',
    lifetime: 'Valid for',
    lifetimeDays: '{{count}} days',
    lifetimeYear: '1 year',
    lifetimeDefault: '{{label}} (default)',
    lifetimeHint: 'The token stops working when it expires; create a new one when needed.',
    expiresAt: 'Expires',
    daysLeft: '{{count}} days left',
    expiresToday: 'Expires today',
    expiresTomorrow: 'Expires tomorrow',
    expired: 'Expired',
  },
  ...customerEn,
  ...accessEn,
  ...noticeEn,
  ...lifecycleEn,
  ...ownershipEn,
  ...poolEn,
  ...jobEn,
  ...searchEn,
  ...navEn,
  ...stageSettingsEn,
  ...stageStrategyEn,
  ...leadEn,
  ...customerViewsEn,
  ...opportunityEn,
  ...competitionEn,
  ...customFieldEn,
  ...followUpEn,
  ...dictionaryEn,
  ...serviceEn,
  ...workEn,
  ...approvalsEn,
  ...productsEn,
  ...ordersEn,
  ...orderEntryEn,
  ...stockEn,
  ...paymentsEn,
  ...expensesEn,
  ...valueEn,
  ...auditEn,
  ...tenantEn,
  ...dataExportEn,
  ...exportEn,
  ...importEn,
  ...relationshipEn,
  ...customer360En,
  ...memberEn,
  ...handoverEn,
  ...complaintEn,
};

export default en;
