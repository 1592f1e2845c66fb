import { QueryClientProvider } from '@tanstack/react-query';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import RouteErrorPage from './features/layout/RouteErrorPage';
import { LocaleProvider } from './platform/i18n/LocaleProvider';
import { queryClient } from './platform/queryClient';

// Each page is its own chunk, so the login page does not load ECharts or the settings screens.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const AppLayout = lazy(() => import('./features/layout/AppLayout'));
const NotFoundPage = lazy(() => import('./features/layout/NotFoundPage'));
const WorkbenchPage = lazy(() => import('./features/workbench/WorkbenchPage'));
const CustomerListPage = lazy(() => import('./features/customers/CustomerListPage'));
const CustomerDetailPage = lazy(() => import('./features/customers/CustomerDetailPage'));
const StaleCustomersPage = lazy(() => import('./features/customers/StaleCustomersPage'));
const DepartmentsPage = lazy(() => import('./features/departments/DepartmentsPage'));
const UserListPage = lazy(() => import('./features/users/UserListPage'));
const RoleListPage = lazy(() => import('./features/roles/RoleListPage'));
const ApiTokensPage = lazy(() => import('./features/account/ApiTokensPage'));
const TodosPage = lazy(() => import('./features/notifications/TodosPage'));
const ApprovalsPage = lazy(() => import('./features/lifecycle/ApprovalsPage'));
const LifecycleBoardPage = lazy(() => import('./features/lifecycle/LifecycleBoardPage'));
const PoolsPage = lazy(() => import('./features/pools/PoolsPage'));
const LeadListPage = lazy(() => import('./features/leads/LeadListPage'));
const LeadDetailPage = lazy(() => import('./features/leads/LeadDetailPage'));
const LeadPoolsPage = lazy(() => import('./features/leads/LeadPoolsPage'));
const JobsPage = lazy(() => import('./features/jobs/JobsPage'));
const LifecycleSettingsPage = lazy(() => import('./features/lifecycle/LifecycleSettingsPage'));

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
          { index: true, element: <WorkbenchPage /> },
          { path: 'customers', element: <CustomerListPage /> },
          { path: 'customers/stale', element: <StaleCustomersPage /> },
          { path: 'customers/:id', element: <CustomerDetailPage /> },
          { path: 'settings/departments', element: <DepartmentsPage /> },
          { path: 'settings/users', element: <UserListPage /> },
          { path: 'settings/roles', element: <RoleListPage /> },
          { path: 'account/tokens', element: <ApiTokensPage /> },
          { path: 'todos', element: <TodosPage /> },
          { path: 'approvals', element: <ApprovalsPage /> },
          { path: 'lifecycle', element: <LifecycleBoardPage /> },
          { path: 'leads', element: <LeadListPage /> },
          { path: 'leads/:id', element: <LeadDetailPage /> },
          { path: 'lead-pools', element: <LeadPoolsPage /> },
          { path: 'lead-pools/:poolId', element: <LeadPoolsPage /> },
          { path: 'pools', element: <PoolsPage /> },
          { path: 'pools/:poolId', element: <PoolsPage /> },
          { path: 'settings/jobs', element: <JobsPage /> },
          { path: 'settings/lifecycle', element: <LifecycleSettingsPage /> },
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
