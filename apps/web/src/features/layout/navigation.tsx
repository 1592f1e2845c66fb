import {
  AppstoreAddOutlined,
  AccountBookOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudDownloadOutlined,
  ContactsOutlined,
  ContainerOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  CrownOutlined,
  DashboardOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FilterOutlined,
  FormOutlined,
  FunnelPlotOutlined,
  FundOutlined,
  ClusterOutlined,
  GiftOutlined,
  GoldOutlined,
  HistoryOutlined,
  HourglassOutlined,
  ImportOutlined,
  InboxOutlined,
  LineChartOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  PayCircleOutlined,
  PhoneOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  StopOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Permission } from '@guanxi/contract';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { canImportAnything } from '../imports';

/** One page in the menu: who may open it is also who may open anything under its path. */
export interface NavEntry {
  path: string;
  icon: ReactNode;
  /** The menu label (a function, so the key is checked yet the type stays cheap). */
  label: (t: TFunction) => string;
  /** The permission the page's data needs; none for pages every signed-in user has. */
  permission?: Permission;
  /** Instead of one permission (imports: any one of several). */
  isAllowed?: (permissions: readonly Permission[]) => boolean;
}

export interface NavGroup {
  key: string;
  icon: ReactNode;
  label: (t: TFunction) => string;
  entries: NavEntry[];
}

/**
 * The menu grouped by the work (style guide: 客户 / 销售 / 订单与财务 / 库存 / 服务 / 报表 / 设置).
 */
export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'workspace',
    icon: <DashboardOutlined />,
    label: (t) => t('nav.workspace'),
    entries: [
      { path: '/', icon: <DashboardOutlined />, label: (t) => t('menu.workbench') },
      { path: '/inbox', icon: <CheckSquareOutlined />, label: (t) => t('inbox.menu') },
      {
        path: '/approvals',
        icon: <AuditOutlined />,
        label: (t) => t('approvalInbox.menu'),
        permission: 'approvals.view',
      },
      {
        path: '/check-in',
        icon: <EnvironmentOutlined />,
        label: (t) => t('checkIn.menu'),
        permission: 'visits.create',
      },
      { path: '/tasks', icon: <ScheduleOutlined />, label: (t) => t('task.menu'), permission: 'tasks.view' },
      { path: '/work-reports', icon: <FileTextOutlined />, label: (t) => t('report.menu'), permission: 'reports.view' },
      { path: '/work-plans', icon: <CalendarOutlined />, label: (t) => t('plan.menu'), permission: 'plans.view' },
    ],
  },
  {
    key: 'customers',
    icon: <TeamOutlined />,
    label: (t) => t('nav.customers'),
    entries: [
      { path: '/customers', icon: <TeamOutlined />, label: (t) => t('menu.customers'), permission: 'customers.view' },
      { path: '/pools', icon: <InboxOutlined />, label: (t) => t('pool.menu'), permission: 'pools.view' },
      { path: '/lifecycle', icon: <BarChartOutlined />, label: (t) => t('board.menu'), permission: 'lifecycle.view' },
      { path: '/leads', icon: <ContactsOutlined />, label: (t) => t('lead.menu'), permission: 'leads.view' },
      { path: '/lead-pools', icon: <FunnelPlotOutlined />, label: (t) => t('leadPool.menu'), permission: 'leads.view' },
      { path: '/imports', icon: <ImportOutlined />, label: (t) => t('imports.menu'), isAllowed: canImportAnything },
      { path: '/members', icon: <CrownOutlined />, label: (t) => t('member.menu'), permission: 'members.view' },
      {
        path: '/members/celebrations',
        icon: <GiftOutlined />,
        label: (t) => t('member.celebrationsMenu'),
        permission: 'members.view',
      },
    ],
  },
  {
    key: 'sales',
    icon: <FundOutlined />,
    label: (t) => t('nav.sales'),
    entries: [
      {
        path: '/opportunities',
        icon: <FundOutlined />,
        label: (t) => t('opportunity.menu'),
        permission: 'opportunities.view',
      },
      { path: '/products', icon: <AppstoreOutlined />, label: (t) => t('product.menu'), permission: 'products.view' },
    ],
  },
  {
    key: 'orders',
    icon: <ShoppingCartOutlined />,
    label: (t) => t('nav.orders'),
    entries: [
      { path: '/orders', icon: <ContainerOutlined />, label: (t) => t('order.menu'), permission: 'orders.view' },
      {
        path: '/finance/orders-to-confirm',
        icon: <FileDoneOutlined />,
        label: (t) => t('order.toConfirmMenu'),
        permission: 'orders.confirm',
      },
      { path: '/payments', icon: <PayCircleOutlined />, label: (t) => t('payment.menu'), permission: 'payments.view' },
      {
        path: '/finance/credit',
        icon: <CreditCardOutlined />,
        label: (t) => t('credit.menu'),
        permission: 'credit.view',
      },
      {
        path: '/expenses',
        icon: <AccountBookOutlined />,
        label: (t) => t('expense.menu'),
        permission: 'expenses.view',
      },
    ],
  },
  {
    key: 'stock',
    icon: <ShopOutlined />,
    label: (t) => t('nav.stock'),
    entries: [{ path: '/stock', icon: <ShopOutlined />, label: (t) => t('stock.menu'), permission: 'stock.view' }],
  },
  {
    key: 'service',
    icon: <CustomerServiceOutlined />,
    label: (t) => t('nav.service'),
    entries: [
      {
        path: '/complaints',
        icon: <CustomerServiceOutlined />,
        label: (t) => t('complaint.menu'),
        permission: 'complaints.view',
      },
      {
        path: '/return-visits',
        icon: <PhoneOutlined />,
        label: (t) => t('returnVisit.menu'),
        permission: 'returnVisits.view',
      },
    ],
  },
  {
    key: 'reports',
    icon: <PieChartOutlined />,
    label: (t) => t('nav.reports'),
    entries: [
      { path: '/team-activity', icon: <LineChartOutlined />, label: (t) => t('team.menu'), permission: 'team.view' },
      {
        path: '/opportunities/pipeline',
        icon: <FilterOutlined />,
        label: (t) => t('opportunity.pipeline'),
        permission: 'opportunities.view',
      },
      {
        path: '/opportunities/loss-report',
        icon: <StopOutlined />,
        label: (t) => t('lossReport.menu'),
        permission: 'opportunities.view',
      },
      {
        path: '/finance/ageing',
        icon: <HourglassOutlined />,
        label: (t) => t('ageing.menu'),
        permission: 'finance.view',
      },
      {
        path: '/finance/profit',
        icon: <DollarOutlined />,
        label: (t) => t('customerValue.profitMenu'),
        permission: 'finance.view',
      },
      {
        path: '/finance/pyramid',
        icon: <GoldOutlined />,
        label: (t) => t('customerValue.pyramidMenu'),
        permission: 'finance.view',
      },
      {
        path: '/reports/rfm',
        icon: <ClusterOutlined />,
        label: (t) => t('rfm.menu'),
        permission: 'orders.view',
      },
    ],
  },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    label: (t) => t('menu.settings'),
    entries: [
      {
        path: '/settings/departments',
        icon: <ApartmentOutlined />,
        label: (t) => t('menu.departments'),
        permission: 'departments.view',
      },
      { path: '/settings/users', icon: <UserOutlined />, label: (t) => t('menu.users'), permission: 'users.view' },
      { path: '/settings/roles', icon: <SafetyOutlined />, label: (t) => t('menu.roles'), permission: 'roles.view' },
      {
        path: '/settings/organization',
        icon: <BankOutlined />,
        label: (t) => t('tenant.menu'),
        permission: 'organization.manage',
      },
      {
        path: '/settings/data-export',
        icon: <CloudDownloadOutlined />,
        label: (t) => t('dataExport.menu'),
        permission: 'organization.manage',
      },
      {
        path: '/settings/member-levels',
        icon: <CrownOutlined />,
        label: (t) => t('member.levelsMenu'),
        permission: 'members.manage',
      },
      {
        path: '/settings/lifecycle',
        icon: <NodeIndexOutlined />,
        label: (t) => t('stageSettings.menu'),
        permission: 'lifecycle.manage',
      },
      {
        path: '/settings/sales-processes',
        icon: <BranchesOutlined />,
        label: (t) => t('salesProcess.menu'),
        permission: 'opportunities.manage',
      },
      {
        path: '/settings/dictionaries',
        icon: <BookOutlined />,
        label: (t) => t('dictionary.menu'),
        permission: 'dictionaries.manage',
      },
      {
        path: '/settings/service',
        icon: <CustomerServiceOutlined />,
        label: (t) => t('complaint.settingsMenu'),
        permission: 'complaints.manage',
      },
      {
        path: '/settings/custom-fields',
        icon: <AppstoreAddOutlined />,
        label: (t) => t('customField.menu'),
        permission: 'customFields.manage',
      },
      {
        path: '/settings/loss-reasons',
        icon: <ProfileOutlined />,
        label: (t) => t('lossReason.menu'),
        permission: 'opportunities.manage',
      },
      {
        path: '/settings/price-authority',
        icon: <TagsOutlined />,
        label: (t) => t('priceAuthority.menu'),
        permission: 'products.manage',
      },
      {
        path: '/settings/approval-flows',
        icon: <PartitionOutlined />,
        label: (t) => t('approvalFlow.menu'),
        permission: 'approvals.manage',
      },
      {
        path: '/settings/work-reports',
        icon: <FormOutlined />,
        label: (t) => t('report.settings'),
        permission: 'reports.manage',
      },
      { path: '/settings/jobs', icon: <FieldTimeOutlined />, label: (t) => t('job.menu'), permission: 'jobs.view' },
      {
        path: '/settings/audit-log',
        icon: <HistoryOutlined />,
        label: (t) => t('audit.menu'),
        permission: 'audit.view',
      },
      {
        path: '/settings/finance',
        icon: <WalletOutlined />,
        label: (t) => t('financeSettings.menu'),
        permission: 'finance.manage',
      },
      {
        path: '/settings/follow-up-types',
        icon: <MessageOutlined />,
        label: (t) => t('followUpTypes.menu'),
        permission: 'followups.manage',
      },
    ],
  },
];

/** Routes without a menu entry of their own that still need a permission to show anything. */
const UNLISTED: NavEntry[] = [
  {
    path: '/settings/users/handover',
    icon: <SolutionOutlined />,
    label: (t) => t('handover.menu'),
    permission: 'users.handover',
  },
  { path: '/orders/new', icon: <ReconciliationOutlined />, label: (t) => t('order.new'), permission: 'orders.create' },
];

export const isEntryAllowed = (entry: NavEntry, permissions: readonly Permission[]): boolean =>
  entry.isAllowed
    ? entry.isAllowed(permissions)
    : entry.permission === undefined || permissions.includes(entry.permission);

const ALL_ENTRIES = [...NAV_GROUPS.flatMap((group) => group.entries), ...UNLISTED];

const covers = (entry: NavEntry, pathname: string) =>
  entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);

/** The entry a path belongs to: the longest menu path it starts with (`/orders/1` → 订单). */
export function entryFor(pathname: string, entries: readonly NavEntry[] = ALL_ENTRIES): NavEntry | undefined {
  return entries
    .filter((entry) => covers(entry, pathname))
    .reduce<NavEntry | undefined>(
      (best, entry) => (best && best.path.length >= entry.path.length ? best : entry),
      undefined,
    );
}

/** The group holding a path's menu entry (opened in the menu when the page is). */
export const groupFor = (pathname: string): NavGroup | undefined =>
  NAV_GROUPS.find((group) => group.entries.some((entry) => entry === entryFor(pathname)));

/** Whether a signed-in user may open a path; paths without an entry are left to the page and server. */
export function mayOpen(pathname: string, permissions: readonly Permission[]): boolean {
  const entry = entryFor(pathname);
  return entry === undefined || isEntryAllowed(entry, permissions);
}

/**
 * Where a user starts: people who sell or serve customers on the workbench; a warehouse keeper on the
 * stock; finance on the orders waiting for confirmation — their day's work, not a customer list.
 */
export function homePathFor(permissions: readonly Permission[]): string {
  const worksCustomers = permissions.includes('customers.create') || permissions.includes('customers.edit');
  if (worksCustomers) return '/';
  if (permissions.includes('stock.record')) return '/stock';
  if (permissions.includes('orders.confirm')) return '/finance/orders-to-confirm';
  return '/';
}
