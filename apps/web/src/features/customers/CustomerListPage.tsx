import { ClockCircleOutlined } from '@ant-design/icons';
import { endpoints, type Customer, type CustomerSort } from '@guanxi/contract';
import { Alert, App, Button, Card, Grid, Space, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { CustomerFilterBar } from './CustomerFilterBar';
import { CustomerFormDrawer } from './CustomerFormDrawer';
import { filtersFromSearch, MORE_FILTER_KEYS, searchFromFilters } from './customerListParams';
import { CustomerMoreFilters } from './CustomerMoreFilters';
import { useCustomers, useRestoreCustomer, type CustomerFilters } from './customers.queries';
import { CustomerViewsBar } from './CustomerViewsBar';
import { useCustomerColumns } from './useCustomerColumns';
import { PagedTable } from '../../platform/ui/PagedTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { ImportButton } from '../imports';

export default function CustomerListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const [isCreateOpen, setCreateOpen] = useState(false);
  const customers = useCustomers(filters);
  const restore = useRestoreCustomer();
  const isTrash = filters.deleted === true;
  // A date or day range is one control but two parameters; count it once.
  const moreCount = new Set(
    MORE_FILTER_KEYS.filter((key) => filters[key] !== undefined).map((key) => key.replace(/From$|To$|Min$|Max$/, '')),
  ).size;
  const [isMoreOpen, setMoreOpen] = useState(moreCount > 0);
  const canAssign = useHasPermission('customers.assign');
  const canMove = useHasPermission('lifecycle.move');
  const canCleanUp = canAssign || canMove;
  const isPhone = Grid.useBreakpoint().md === false;

  const setFilters = (next: CustomerFilters) => setSearchParams(searchFromFilters(next), { replace: true });

  const columns = useCustomerColumns({
    sort: filters.sort,
    isTrash,
    restoringId: restore.isPending ? restore.variables : undefined,
    onRestore: (customer) =>
      restore.mutate(customer.id, {
        onSuccess: () => void message.success(t('customer.restored')),
        onError: (error) => void message.error(error.message),
      }),
  });

  const onTableChange: TableProps<Customer>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.columnKey;
    const sort =
      single?.order && typeof field === 'string'
        ? ((single.order === 'descend' ? `-${field}` : field) as CustomerSort)
        : undefined;
    setFilters({ ...filters, sort });
  };

  const pages = customers.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.items);
  const first = pages[0];
  const total = first?.total;

  return (
    <Card
      title={t('customer.title')}
      extra={
        <Space wrap>
          <ImportButton kinds={['customers', 'contacts']} />
          {canCleanUp && (
            <Button
              icon={<ClockCircleOutlined />}
              onClick={() => void navigate('/customers/stale')}
              data-testid="stale-open"
            >
              {t('stale.open')}
            </Button>
          )}
          <ExportButton endpoint={endpoints.customers.export} query={filters} />
        </Space>
      }
    >
      <CustomerViewsBar filters={filters} onChange={setFilters} />
      <CustomerFilterBar
        filters={filters}
        onChange={setFilters}
        onCreate={() => setCreateOpen(true)}
        moreCount={moreCount}
        isMoreOpen={isMoreOpen}
        onToggleMore={() => setMoreOpen((open) => !open)}
      />
      {isMoreOpen && !isPhone && <CustomerMoreFilters filters={filters} onChange={setFilters} />}
      {filters.noFollowUpDays !== undefined && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setFilters({ ...filters, noFollowUpDays: undefined }) }}
          title={t('followUp.neglectedFilter', { days: filters.noFollowUpDays })}
          style={{ marginBottom: 16 }}
          data-testid="no-follow-up-filter"
        />
      )}
      <PagedTable<Customer>
        pages={customers}
        columns={columns}
        rows={rows}
        scroll={{ x: 1500 }}
        phoneCards={{ title: 'name', fields: ['customerNo', 'stage', 'owner', 'phone', 'city', 'updatedAt'] }}
        onChange={onTableChange}
        onRow={(customer) =>
          isTrash ? {} : { onClick: () => void navigate(`/customers/${customer.id}`), style: { cursor: 'pointer' } }
        }
        boxTestId="customer-table"
        loadMoreTestId="customer-load-more"
        total={
          <Typography.Text type="secondary" data-testid="customer-total">
            {total !== undefined &&
              t(first?.totalIsEstimate ? 'common.totalEstimate' : 'common.total', { count: total })}
          </Typography.Text>
        }
      />
      <CustomerFormDrawer open={isCreateOpen} onClose={() => setCreateOpen(false)} />
    </Card>
  );
}
