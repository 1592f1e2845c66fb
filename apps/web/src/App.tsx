import { QueryClientProvider } from '@tanstack/react-query';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import RouteErrorPage from './features/layout/RouteErrorPage';
import { HomeRedirect } from './features/layout/HomeRedirect';
import { RequirePermission } from './features/layout/RequirePermission';
import { LocaleProvider } from './platform/i18n/LocaleProvider';
import { queryClient } from './platform/queryClient';

// Each page is its own chunk, so the login page does not load ECharts or the settings screens.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const OrganizationSettingsPage = lazy(() => import('./features/organization/OrganizationSettingsPage'));
const OrganizationExportPage = lazy(() => import('./features/organization/OrganizationExportPage'));
const AppLayout = lazy(() => import('./features/layout/AppLayout'));
const NotFoundPage = lazy(() => import('./features/layout/NotFoundPage'));
const WorkbenchPage = lazy(() => import('./features/workbench/WorkbenchPage'));
const CustomerListPage = lazy(() => import('./features/customers/CustomerListPage'));
const CustomerDetailPage = lazy(() => import('./features/customer-detail/CustomerDetailPage'));
const StaleCustomersPage = lazy(() => import('./features/customers/StaleCustomersPage'));
const DepartmentsPage = lazy(() => import('./features/departments/DepartmentsPage'));
const UserListPage = lazy(() => import('./features/users/UserListPage'));
const HandoverWizardPage = lazy(() => import('./features/handover/HandoverWizardPage'));
const RoleListPage = lazy(() => import('./features/roles/RoleListPage'));
const ApiTokensPage = lazy(() => import('./features/account/ApiTokensPage'));
const ApprovalsInboxPage = lazy(() => import('./features/approvals/ApprovalsInboxPage'));
const ApprovalFlowsPage = lazy(() => import('./features/approvals/ApprovalFlowsPage'));
const LifecycleBoardPage = lazy(() => import('./features/lifecycle/LifecycleBoardPage'));
const PoolsPage = lazy(() => import('./features/pools/PoolsPage'));
const LeadListPage = lazy(() => import('./features/leads/LeadListPage'));
const LeadDetailPage = lazy(() => import('./features/leads/LeadDetailPage'));
const LeadPoolsPage = lazy(() => import('./features/leads/LeadPoolsPage'));
const JobsPage = lazy(() => import('./features/jobs/JobsPage'));
const LifecycleSettingsPage = lazy(() => import('./features/lifecycle/LifecycleSettingsPage'));
const OpportunityListPage = lazy(() => import('./features/opportunities/OpportunityListPage'));
const OpportunityBoardPage = lazy(() => import('./features/opportunities/OpportunityBoardPage'));
const OpportunityDetailPage = lazy(() => import('./features/opportunities/OpportunityDetailPage'));
const PipelinePage = lazy(() => import('./features/opportunities/PipelinePage'));
const SalesProcessSettingsPage = lazy(() => import('./features/opportunities/SalesProcessSettingsPage'));
const LossReportPage = lazy(() => import('./features/opportunities/LossReportPage'));
const LossReasonSettingsPage = lazy(() => import('./features/opportunities/LossReasonSettingsPage'));
const DictionarySettingsPage = lazy(() => import('./features/dictionaries/DictionarySettingsPage'));
const CustomFieldSettingsPage = lazy(() => import('./features/custom-fields/CustomFieldSettingsPage'));
const CheckInPage = lazy(() => import('./features/follow-ups/CheckInPage'));
const TeamActivityPage = lazy(() => import('./features/follow-ups/TeamActivityPage'));
const FollowUpTypesPage = lazy(() => import('./features/follow-ups/FollowUpTypesPage'));

const InboxPage = lazy(() => import('./features/inbox/InboxPage'));
const TaskListPage = lazy(() => import('./features/tasks/TaskListPage'));
const ReturnVisitsPage = lazy(() => import('./features/return-visits/ReturnVisitsPage'));
const ComplaintQueuePage = lazy(() => import('./features/complaints/ComplaintQueuePage'));
const ComplaintDetailPage = lazy(() => import('./features/complaints/ComplaintDetailPage'));
const ServiceSettingsPage = lazy(() => import('./features/complaints/ServiceSettingsPage'));
const ReportListPage = lazy(() => import('./features/work-reports/ReportListPage'));
const ReportWritePage = lazy(() => import('./features/work-reports/ReportWritePage'));
const ReportDetailPage = lazy(() => import('./features/work-reports/ReportDetailPage'));
const ReportStatsPage = lazy(() => import('./features/work-reports/ReportStatsPage'));
const ReportSettingsPage = lazy(() => import('./features/work-reports/ReportSettingsPage'));
const PlanListPage = lazy(() => import('./features/work-plans/PlanListPage'));
const PlanPage = lazy(() => import('./features/work-plans/PlanPage'));
const PaymentsPage = lazy(() => import('./features/payments/PaymentsPage'));
const ReceivablesAgeingPage = lazy(() => import('./features/payments/ReceivablesAgeingPage'));
const ProfitContributionPage = lazy(() => import('./features/customer-value/ProfitContributionPage'));
const CustomerPyramidPage = lazy(() => import('./features/customer-value/CustomerPyramidPage'));
const RfmPage = lazy(() => import('./features/customer-value/RfmPage'));
const MemberListPage = lazy(() => import('./features/members/MemberListPage'));
const MemberCelebrationsPage = lazy(() => import('./features/members/MemberCelebrationsPage'));
const MemberLevelsPage = lazy(() => import('./features/members/MemberLevelsPage'));
const ExpensesPage = lazy(() => import('./features/expenses/ExpensesPage'));
const OrderListPage = lazy(() => import('./features/orders/OrderListPage'));
const OrderFormPage = lazy(() => import('./features/orders/OrderFormPage'));
const OrderDetailPage = lazy(() => import('./features/orders/OrderDetailPage'));
const OrderPrintPage = lazy(() => import('./features/orders/OrderPrintPage'));
const OrdersToConfirmPage = lazy(() => import('./features/orders/OrdersToConfirmPage'));
const CreditReportPage = lazy(() => import('./features/orders/CreditReportPage'));
const FinanceSettingsPage = lazy(() => import('./features/orders/FinanceSettingsPage'));
const ProductListPage = lazy(() => import('./features/products/ProductListPage'));
const PriceAuthorityPage = lazy(() => import('./features/products/PriceAuthorityPage'));
const StockPage = lazy(() => import('./features/stock/StockPage'));
const AuditLogPage = lazy(() => import('./features/audit/AuditLogPage'));
const ImportListPage = lazy(() => import('./features/imports/ImportListPage'));
const ImportWizardPage = lazy(() => import('./features/imports/ImportWizardPage'));

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          {
            index: true,
            element: (
              <HomeRedirect>
                <WorkbenchPage />
              </HomeRedirect>
            ),
          },
          { path: 'customers', element: <CustomerListPage /> },
          { path: 'customers/stale', element: <StaleCustomersPage /> },
          { path: 'customers/:id', element: <CustomerDetailPage /> },
          { path: 'settings/departments', element: <DepartmentsPage /> },
          { path: 'settings/users', element: <UserListPage /> },
          {
            path: 'settings/users/handover',
            element: (
              <RequirePermission permission="users.handover">
                <HandoverWizardPage />
              </RequirePermission>
            ),
          },
          { path: 'settings/roles', element: <RoleListPage /> },
          { path: 'account/tokens', element: <ApiTokensPage /> },
          // The stored to-dos page became part of the one inbox.
          { path: 'todos', element: <Navigate to="/inbox" replace /> },
          { path: 'approvals', element: <ApprovalsInboxPage /> },
          { path: 'settings/approval-flows', element: <ApprovalFlowsPage /> },
          { path: 'lifecycle', element: <LifecycleBoardPage /> },
          { path: 'leads', element: <LeadListPage /> },
          { path: 'leads/:id', element: <LeadDetailPage /> },
          { path: 'lead-pools', element: <LeadPoolsPage /> },
          { path: 'lead-pools/:poolId', element: <LeadPoolsPage /> },
          { path: 'pools', element: <PoolsPage /> },
          { path: 'pools/:poolId', element: <PoolsPage /> },
          { path: 'settings/jobs', element: <JobsPage /> },
          { path: 'settings/organization', element: <OrganizationSettingsPage /> },
          {
            path: 'settings/data-export',
            element: (
              <RequirePermission permission="organization.manage">
                <OrganizationExportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/audit-log',
            element: (
              <RequirePermission permission="audit.view">
                <AuditLogPage />
              </RequirePermission>
            ),
          },
          { path: 'settings/lifecycle', element: <LifecycleSettingsPage /> },
          { path: 'stock', element: <StockPage /> },
          { path: 'opportunities', element: <OpportunityListPage /> },
          { path: 'opportunities/board', element: <OpportunityBoardPage /> },
          { path: 'opportunities/pipeline', element: <PipelinePage /> },
          { path: 'opportunities/loss-report', element: <LossReportPage /> },
          { path: 'opportunities/:id', element: <OpportunityDetailPage /> },
          { path: 'settings/sales-processes', element: <SalesProcessSettingsPage /> },
          { path: 'settings/loss-reasons', element: <LossReasonSettingsPage /> },
          { path: 'settings/dictionaries', element: <DictionarySettingsPage /> },
          { path: 'settings/custom-fields', element: <CustomFieldSettingsPage /> },
          { path: 'products', element: <ProductListPage /> },
          { path: 'settings/price-authority', element: <PriceAuthorityPage /> },
          { path: 'check-in', element: <CheckInPage /> },
          { path: 'team-activity', element: <TeamActivityPage /> },
          { path: 'settings/follow-up-types', element: <FollowUpTypesPage /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'tasks', element: <TaskListPage /> },
          { path: 'return-visits', element: <ReturnVisitsPage /> },
          {
            path: 'complaints',
            element: (
              <RequirePermission permission="complaints.view">
                <ComplaintQueuePage />
              </RequirePermission>
            ),
          },
          {
            path: 'complaints/:id',
            element: (
              <RequirePermission permission="complaints.view">
                <ComplaintDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/service',
            element: (
              <RequirePermission permission="complaints.manage">
                <ServiceSettingsPage />
              </RequirePermission>
            ),
          },
          { path: 'work-reports', element: <ReportListPage /> },
          { path: 'work-reports/new', element: <ReportWritePage /> },
          { path: 'work-reports/stats', element: <ReportStatsPage /> },
          { path: 'work-reports/:id', element: <ReportDetailPage /> },
          { path: 'settings/work-reports', element: <ReportSettingsPage /> },
          { path: 'work-plans', element: <PlanListPage /> },
          { path: 'work-plans/new', element: <PlanPage /> },
          { path: 'work-plans/:id', element: <PlanPage /> },
          { path: 'payments', element: <PaymentsPage /> },
          { path: 'finance/ageing', element: <ReceivablesAgeingPage /> },
          { path: 'finance/profit', element: <ProfitContributionPage /> },
          { path: 'finance/pyramid', element: <CustomerPyramidPage /> },
          { path: 'reports/rfm', element: <RfmPage /> },
          { path: 'members', element: <MemberListPage /> },
          { path: 'members/celebrations', element: <MemberCelebrationsPage /> },
          { path: 'settings/member-levels', element: <MemberLevelsPage /> },
          { path: 'expenses', element: <ExpensesPage /> },
          { path: 'orders', element: <OrderListPage /> },
          { path: 'orders/new', element: <OrderFormPage /> },
          { path: 'orders/:id', element: <OrderDetailPage /> },
          { path: 'orders/:id/print', element: <OrderPrintPage /> },
          { path: 'orders/:id/edit', element: <OrderFormPage /> },
          { path: 'finance/orders-to-confirm', element: <OrdersToConfirmPage /> },
          { path: 'finance/credit', element: <CreditReportPage /> },
          { path: 'settings/finance', element: <FinanceSettingsPage /> },
          { path: 'imports', element: <ImportListPage /> },
          { path: 'imports/new', element: <ImportWizardPage /> },
          { path: 'imports/:id', element: <ImportWizardPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Suspense fallback={<Spin fullscreen />}>
          <RouterProvider router={router} />
        </Suspense>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
