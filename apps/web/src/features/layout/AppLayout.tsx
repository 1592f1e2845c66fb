import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FunnelPlotOutlined,
  FundOutlined,
  GoldOutlined,
  HistoryOutlined,
  ImportOutlined,
  InboxOutlined,
  LineChartOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { PayCircleOutlined, HourglassOutlined } from '@ant-design/icons';
import { AccountBookOutlined } from '@ant-design/icons';
import { ShopOutlined } from '@ant-design/icons';
import { ContainerOutlined, CreditCardOutlined, FileDoneOutlined, WalletOutlined } from '@ant-design/icons';
import { AppstoreOutlined, CloudDownloadOutlined, TagsOutlined } from '@ant-design/icons';
import type { Me } from '@guanxi/contract';
import { Alert, Grid, Layout, Menu, Spin, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { applyLocale } from '../../platform/i18n';
import { useMe } from '../../platform/session.queries';
import { LanguageSwitch } from '../auth';
import { canImportAnything } from '../imports';
import { NotificationBell } from '../notifications';
import { QuickSearch } from '../search';
import { UserMenu } from './UserMenu';

type MenuItem = NonNullable<MenuProps['items']>[number];

function useMenuItems(me: Me | undefined): MenuItem[] {
  const { t } = useTranslation();
  const can = (permission: Me['permissions'][number]) => me?.permissions.includes(permission) ?? false;
  const settings: MenuItem[] = [
    can('departments.view') && {
      key: '/settings/departments',
      icon: <ApartmentOutlined />,
      label: t('menu.departments'),
    },
    can('users.view') && { key: '/settings/users', icon: <UserOutlined />, label: t('menu.users') },
    can('roles.view') && { key: '/settings/roles', icon: <SafetyOutlined />, label: t('menu.roles') },
    can('organization.manage') && { key: '/settings/organization', icon: <BankOutlined />, label: t('tenant.menu') },
    can('organization.manage') && {
      key: '/settings/data-export',
      icon: <CloudDownloadOutlined />,
      label: t('dataExport.menu'),
    },
    can('lifecycle.manage') && {
      key: '/settings/lifecycle',
      icon: <NodeIndexOutlined />,
      label: t('stageSettings.menu'),
    },
    can('opportunities.manage') && {
      key: '/settings/sales-processes',
      icon: <NodeIndexOutlined />,
      label: t('salesProcess.menu'),
    },
    can('opportunities.manage') && {
      key: '/settings/loss-reasons',
      icon: <NodeIndexOutlined />,
      label: t('lossReason.menu'),
    },
    can('products.manage') && {
      key: '/settings/price-authority',
      icon: <TagsOutlined />,
      label: t('priceAuthority.menu'),
    },
    can('approvals.manage') && {
      key: '/settings/approval-flows',
      icon: <AuditOutlined />,
      label: t('approvalFlow.menu'),
    },
    can('reports.manage') && { key: '/settings/work-reports', icon: <FileTextOutlined />, label: t('report.settings') },
    can('jobs.view') && { key: '/settings/jobs', icon: <FieldTimeOutlined />, label: t('job.menu') },
    can('audit.view') && { key: '/settings/audit-log', icon: <HistoryOutlined />, label: t('audit.menu') },
    can('finance.manage') && { key: '/settings/finance', icon: <WalletOutlined />, label: t('financeSettings.menu') },
    can('followups.manage') && {
      key: '/settings/follow-up-types',
      icon: <MessageOutlined />,
      label: t('followUpTypes.menu'),
    },
  ].filter((item): item is Exclude<typeof item, false> => item !== false);
  const main: (MenuItem | false)[] = [
    { key: '/', icon: <DashboardOutlined />, label: t('menu.workbench') },
    { key: '/customers', icon: <TeamOutlined />, label: t('menu.customers') },
    can('leads.view') && { key: '/leads', icon: <ContactsOutlined />, label: t('lead.menu') },
    can('leads.view') && { key: '/lead-pools', icon: <FunnelPlotOutlined />, label: t('leadPool.menu') },
    can('opportunities.view') && { key: '/opportunities', icon: <FundOutlined />, label: t('opportunity.menu') },
    can('orders.view') && { key: '/orders', icon: <ContainerOutlined />, label: t('order.menu') },
    can('orders.confirm') && {
      key: '/finance/orders-to-confirm',
      icon: <FileDoneOutlined />,
      label: t('order.toConfirmMenu'),
    },
    can('credit.view') && { key: '/finance/credit', icon: <CreditCardOutlined />, label: t('credit.menu') },
    can('products.view') && { key: '/products', icon: <AppstoreOutlined />, label: t('product.menu') },
    can('pools.view') && { key: '/pools', icon: <InboxOutlined />, label: t('pool.menu') },
    can('lifecycle.view') && { key: '/lifecycle', icon: <BarChartOutlined />, label: t('board.menu') },
    can('visits.create') && { key: '/check-in', icon: <EnvironmentOutlined />, label: t('checkIn.menu') },
    can('team.view') && { key: '/team-activity', icon: <LineChartOutlined />, label: t('team.menu') },
    { key: '/inbox', icon: <CheckSquareOutlined />, label: t('inbox.menu') },
    can('tasks.view') && { key: '/tasks', icon: <ScheduleOutlined />, label: t('task.menu') },
    can('reports.view') && { key: '/work-reports', icon: <FileTextOutlined />, label: t('report.menu') },
    can('plans.view') && { key: '/work-plans', icon: <CalendarOutlined />, label: t('plan.menu') },
    can('expenses.view') && { key: '/expenses', icon: <AccountBookOutlined />, label: t('expense.menu') },
    canImportAnything(me?.permissions) && { key: '/imports', icon: <ImportOutlined />, label: t('imports.menu') },
    can('stock.view') && { key: '/stock', icon: <ShopOutlined />, label: t('stock.menu') },
    can('approvals.view') && { key: '/approvals', icon: <AuditOutlined />, label: t('approvalInbox.menu') },
    can('payments.view') && { key: '/payments', icon: <PayCircleOutlined />, label: t('payment.menu') },
    can('finance.view') && { key: '/finance/ageing', icon: <HourglassOutlined />, label: t('ageing.menu') },
    can('finance.view') && { key: '/finance/profit', icon: <DollarOutlined />, label: t('customerValue.profitMenu') },
    can('finance.view') && { key: '/finance/pyramid', icon: <GoldOutlined />, label: t('customerValue.pyramidMenu') },
  ];
  return [
    ...main.filter((item): item is MenuItem => item !== false),
    ...(settings.length > 0
      ? [{ key: 'settings', icon: <SettingOutlined />, label: t('menu.settings'), children: settings }]
      : []),
  ];
}

/** The frame of every signed-in page: menu on the left, organization and user on top. */
export default function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useMe();
  const items = useMenuItems(me.data);
  const locale = me.data?.locale;
  // On a phone the header's row belongs to search, bell and user: an organization name cut to one
  // character says nothing, so it is left out there.
  const showsOrgName = Grid.useBreakpoint().md ?? true;

  // The profile's language wins over whatever this browser used last.
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);

  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) {
    return <Alert type="error" showIcon title={me.error.message} style={{ margin: 24 }} />;
  }

  const selectedKey = pathname.startsWith('/customers')
    ? '/customers'
    : pathname.startsWith('/pools')
      ? '/pools'
      : pathname.startsWith('/opportunities')
        ? '/opportunities'
        : pathname.startsWith('/work-reports')
          ? '/work-reports'
          : pathname.startsWith('/work-plans')
            ? '/work-plans'
            : pathname.startsWith('/leads')
              ? '/leads'
              : pathname.startsWith('/lead-pools')
                ? '/lead-pools'
                : pathname.startsWith('/imports')
                  ? '/imports'
                  : pathname.startsWith('/settings/')
                    ? pathname.split('/').slice(0, 3).join('/')
                    : pathname;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={210}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{t('common.appName')}</div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[selectedKey]}
          defaultOpenKeys={['settings']}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {showsOrgName ? (
            <Typography.Text strong style={{ flex: 1 }} ellipsis data-testid="org-name">
              {me.data.orgName}
            </Typography.Text>
          ) : (
            <span style={{ flex: 1 }} />
          )}
          <QuickSearch />
          <NotificationBell />
          <LanguageSwitch isSignedIn />
          <UserMenu me={me.data} />
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
