import { ALL_PERMISSIONS, type DataScope, type FieldPermissions, type Permission } from '@guanxi/contract';

export interface RoleTemplate {
  code: string;
  name: { 'zh-CN': string; en: string };
  permissions: Permission[];
  dataScope: DataScope;
  fieldPermissions?: FieldPermissions;
}

/** The administrator role: the last enabled holder cannot be disabled or lose it (security A8). */
export const ADMIN_ROLE_CODE = 'admin';

// Contacts follow their customer: whoever may work on customers may work on their contacts.
const customerWork: Permission[] = [
  'customers.view',
  'customers.create',
  'customers.edit',
  'contacts.view',
  'contacts.create',
  'contacts.edit',
];
// Importing customer lists (issue 12): data entry and the head of sales bring in old CRM exports.
const customerImport: Permission[] = ['customers.import', 'contacts.import', 'leads.import'];
// Finance brings in the product list, historical orders and payments from the old ERP.
const financeImport: Permission[] = ['products.import', 'orders.import', 'payments.import'];
const directory: Permission[] = ['departments.view', 'users.view'];
// Sales managers hand over the customers and work of a leaving salesperson in their scope (issue 13).
const handover: Permission[] = ['users.handover'];
// Salespeople move their customers' stages; managers also approve the moves that need it.
const lifecycleWork: Permission[] = ['lifecycle.view', 'lifecycle.move'];
const lifecycleApproval: Permission[] = [...lifecycleWork, 'lifecycle.approve'];
const poolWork: Permission[] = ['pools.view', 'pools.claim'];
const poolManagement: Permission[] = [...poolWork, 'pools.manage'];
// Salespeople work their own leads and claim from lead pools; managers also assign and run the pools.
const leadWork: Permission[] = ['leads.view', 'leads.create', 'leads.edit', 'leads.claim', 'leads.convert'];
const leadManagement: Permission[] = [...leadWork, 'leads.assign', 'leads.manage'];
// Clerks enter trade-fair business cards and hand them out.
const leadEntry: Permission[] = ['leads.view', 'leads.create', 'leads.edit', 'leads.assign'];
// Complaints (issue 15): salespeople see and open their customers' complaints; managers and
// customer service also work them (assign, reply, resolve, close) within their scope.
const complaintEntry: Permission[] = ['complaints.view', 'complaints.create'];
const complaintHandling: Permission[] = [...complaintEntry, 'complaints.handle'];

// Everyday sales work: log follow-ups and visits, keep tasks, write reports and plans, run deals.
const salesWork: Permission[] = [
  'followups.view',
  'followups.create',
  'followups.edit',
  'visits.view',
  'visits.create',
  'tasks.view',
  'tasks.create',
  'tasks.edit',
  'tasks.delete',
  'reports.view',
  'reports.create',
  'plans.view',
  'plans.create',
  'opportunities.view',
  'opportunities.create',
  'opportunities.edit',
  // What service heard when it called their customers back (issue 15).
  'returnVisits.view',
];
/**
 * Exports (issue 12) take whole lists out of the system, so salespeople, clerks and customer service
 * have none; managers export what their scope shows, finance and the warehouse their own lists.
 */
const salesExports: Permission[] = [
  'customers.export',
  'contacts.export',
  'leads.export',
  'followups.export',
  'opportunities.export',
  'tasks.export',
  'expenses.export',
  'orders.export',
  'payments.export',
  'products.export',
  'visits.export',
  'reports.export',
  'plans.export',
  'pools.export',
  'lifecycle.export',
  'team.export',
  'stock.export',
  'returnVisits.export',
];
const financeExports: Permission[] = [
  'customers.export',
  'contacts.export',
  'orders.export',
  'payments.export',
  'expenses.export',
  'products.export',
  'finance.export',
  'stock.export',
];
const warehouseExports: Permission[] = ['orders.export', 'products.export', 'stock.export'];
// The member program (issue 15): service and managers run it; managers also adjust beyond the
// approval threshold; salespeople see the members among their own customers.
const memberWork: Permission[] = ['members.view', 'members.manage'];
const memberManagement: Permission[] = [...memberWork, 'members.approve'];

// Managers also review reports and plans, see their team's activity, delete mistaken records and
// share list views with everyone (e.g. "stuck customers" for the whole team).
const salesManagement: Permission[] = [
  ...salesWork,
  'followups.delete',
  'reports.review',
  'plans.review',
  'opportunities.delete',
  'team.view',
  'views.share',
  'returnVisits.manage',
];

// Orders and money (issue 5): everyone sees and decides their approvals and sees products.
const moneyBasics: Permission[] = ['approvals.view', 'products.view'];
// Salespeople enter and cancel orders for their customers, see credit, payments and stock, claim expenses.
const orderWork: Permission[] = [
  ...moneyBasics,
  'orders.view',
  'orders.create',
  'orders.edit',
  'orders.cancel',
  'credit.view',
  'payments.view',
  'stock.view',
  'expenses.view',
  'expenses.create',
];
// Finance confirms orders, records payments, keeps credit and reads the money reports.
const financeWork: Permission[] = [
  ...orderWork,
  'orders.confirm',
  'orders.delete',
  'credit.manage',
  'credit.override',
  'payments.create',
  'payments.void',
  'finance.view',
  'finance.manage',
];
// The warehouse keeps stock and confirms the issues of confirmed orders.
const warehouseWork: Permission[] = [
  ...moneyBasics,
  'orders.view',
  'stock.view',
  'stock.record',
  'stock.issue',
  'stock.manage',
];

/** Settings an executive is not shown: how the system runs, not how the business does. */
const EXECUTIVE_EXCLUDED_MODULES: ReadonlySet<string> = new Set(['jobs', 'roles']);

/** The roles every new organization starts with (design §4); admins may edit all but delete none. */
export const DEFAULT_ROLES: readonly RoleTemplate[] = [
  {
    code: ADMIN_ROLE_CODE,
    name: { 'zh-CN': '系统管理员', en: 'Administrator' },
    permissions: [...ALL_PERMISSIONS],
    dataScope: 'all',
  },
  {
    code: 'sales_director',
    name: { 'zh-CN': '销售总监', en: 'Head of sales' },
    permissions: [
      ...customerWork,
      'customers.delete',
      'contacts.delete',
      'customers.assign',
      ...salesExports,
      ...customerImport,
      'followups.import',
      ...directory,
      ...handover,
      ...poolManagement,
      ...lifecycleApproval,
      ...leadManagement,
      ...salesManagement,
      'opportunities.manage',
      'reports.manage',
      ...complaintHandling,
      ...orderWork,
      'orders.delete',
      'finance.view',
      'finance.export',
      ...memberManagement,
    ],
    dataScope: 'department_tree',
  },
  {
    code: 'sales_manager',
    name: { 'zh-CN': '销售经理', en: 'Sales manager' },
    permissions: [
      ...customerWork,
      'customers.delete',
      'contacts.delete',
      'customers.assign',
      ...salesExports,
      'leads.import',
      ...directory,
      ...handover,
      ...poolManagement,
      ...lifecycleApproval,
      ...leadManagement,
      ...salesManagement,
      ...complaintHandling,
      ...orderWork,
      'orders.delete',
      'finance.view',
      'finance.export',
      ...memberManagement,
    ],
    dataScope: 'department',
  },
  {
    code: 'salesperson',
    name: { 'zh-CN': '销售员', en: 'Salesperson' },
    permissions: [
      ...customerWork,
      ...poolWork,
      ...lifecycleWork,
      ...leadWork,
      ...salesWork,
      ...orderWork,
      'members.view',
      ...complaintEntry,
    ],
    dataScope: 'own',
  },
  {
    code: 'clerk',
    name: { 'zh-CN': '录入员', en: 'Clerk (data entry)' },
    permissions: [
      ...customerWork,
      ...customerImport,
      'customers.assign',
      'users.view',
      'lifecycle.view',
      ...leadEntry,
      ...moneyBasics,
      'orders.view',
      'orders.create',
      'orders.edit',
      'payments.view',
      'credit.view',
    ],
    dataScope: 'all',
  },
  {
    code: 'finance',
    name: { 'zh-CN': '财务', en: 'Finance' },
    permissions: [
      'customers.view',
      'contacts.view',
      ...financeExports,
      ...directory,
      ...financeWork,
      'products.manage',
      ...financeImport,
    ],
    dataScope: 'all',
  },
  {
    code: 'warehouse',
    name: { 'zh-CN': '仓储', en: 'Warehouse' },
    permissions: ['customers.view', 'contacts.view', ...directory, ...warehouseWork, ...warehouseExports],
    dataScope: 'all',
    // The warehouse reads customers to ship to them (name, address), not to sell: the customer
    // list's phone numbers, e-mail addresses and sales remarks stay with sales (issue 14).
    fieldPermissions: { 'customers.phone': 'hidden', 'customers.email': 'hidden', 'customers.remarks': 'hidden' },
  },
  {
    code: 'customer_service',
    name: { 'zh-CN': '客服', en: 'Customer service' },
    permissions: [
      'customers.view',
      'customers.edit',
      'contacts.view',
      'contacts.edit',
      'followups.view',
      'followups.create',
      'tasks.view',
      'tasks.create',
      'tasks.edit',
      ...moneyBasics,
      'orders.view',
      'returnVisits.view',
      'returnVisits.handle',
      ...memberWork,
      ...complaintHandling,
      'users.view',
    ],
    dataScope: 'all',
    fieldPermissions: { 'customers.remarks': 'read' },
  },
  {
    code: 'executive',
    name: { 'zh-CN': '只读高管', en: 'Executive (read-only)' },
    // Reads the business and may take any list away as a file; changes nothing. The system's own
    // workings (background jobs, role definitions) are the administrator's, not an executive's.
    permissions: ALL_PERMISSIONS.filter(
      (p) => (p.endsWith('.view') || p.endsWith('.export')) && !EXECUTIVE_EXCLUDED_MODULES.has(p.split('.')[0]!),
    ),
    dataScope: 'all',
  },
];

/** A template's permissions as stored in a built-in role's sync snapshot (duplicates dropped). */
export const templatePermissionsOf = (template: RoleTemplate): Permission[] => [...new Set(template.permissions)];
