import { ClockCircleOutlined } from '@ant-design/icons';
import {
  DEFAULT_CUSTOMER_LIST_COLUMNS,
  endpoints,
  type BulkCustomerResult,
  type CustomerColumnChoice,
  type CustomerListColumn,
  type CustomerListItem,
  type CustomerSort,
} from '@guanxi/contract';
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
import { useCustomerColumns, useDefaultCustomColumns } from './useCustomerColumns';
import { PagedTable } from '../../platform/ui/PagedTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { ImportButton } from '../imports';
import { NewButton } from '../../platform/ui/NewButton';
import { CustomerBatchBar, useBatchActions, useBatchLabel } from './CustomerBatchBar';
import { CustomerBatchModal } from './CustomerBatchModal';
import { CustomerColumnChooser } from './CustomerColumnChooser';
import { useCustomerColumnPreference, type CustomerBatchAction } from './customerBatch.queries';
import { StaleResultSummary } from './StaleResultSummary';

/** What a phone card shows under the name: the follow-up facts a rep acts on. */
const PHONE_CARD_FIELDS: CustomerListColumn[] = [
  'stage',
  'owner',
  'lastFollowUpAt',
  'nextContactAt',
  'daysUntilReclaim',
  'phone',
];

/** The most rows one batch takes (the server's limit). */
const MAX_BATCH = 200;

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
  const canCreate = useHasPermission('customers.create');
  const preference = useCustomerColumnPreference();
  const defaultCustomColumns = useDefaultCustomColumns();
  const chosen: CustomerColumnChoice[] = preference.data ?? [...DEFAULT_CUSTOMER_LIST_COLUMNS, ...defaultCustomColumns];
  // A list sorted by a hidden column (a link from the board sorts by days in stage) shows that column too.
  const sortColumn = filters.sort?.replace(/^-/, '') as CustomerListColumn | undefined;
  const visible = isPhone
    ? PHONE_CARD_FIELDS
    : sortColumn && !chosen.includes(sortColumn)
      ? [...chosen, sortColumn]
      : chosen;
  const batchActions = useBatchActions();
  const batchLabel = useBatchLabel();
  // Batches are a desk job: on a phone the cards stay a list to open, without checkboxes.
  const canSelect = !isPhone && !isTrash && batchActions.length > 0;
  const [selected, setSelected] = useState<string[]>([]);
  const [batchAction, setBatchAction] = useState<CustomerBatchAction | null>(null);
  const [outcome, setOutcome] = useState<{
    action: CustomerBatchAction;
    result: BulkCustomerResult;
    names: Record<string, string>;
  } | null>(null);

  const setFilters = (next: CustomerFilters) => setSearchParams(searchFromFilters(next), { replace: true });

  const columns = useCustomerColumns({
    sort: filters.sort,
    visible,
    isTrash,
    restoringId: restore.isPending ? restore.variables : undefined,
    onRestore: (customer) =>
      restore.mutate(customer.id, {
        onSuccess: () => void message.success(t('customer.restored')),
        onError: (error) => void message.error(error.message),
      }),
  });

  const onTableChange: TableProps<CustomerListItem>['onChange'] = (_pagination, _filters, sorter) => {
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

  const onBatchDone = (action: CustomerBatchAction, result: BulkCustomerResult) => {
    const names = Object.fromEntries(rows.filter((row) => selected.includes(row.id)).map((row) => [row.id, row.name]));
    setOutcome({ action, result, names });
    // Rows that failed stay selected, so the user can look at them or try again.
    const failed = new Set(result.failed.map((row) => row.id));
    setSelected((ids) => ids.filter((id) => failed.has(id)));
  };

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
          {canCreate && !isPhone && (
            <NewButton type="primary" onClick={() => setCreateOpen(true)} data-testid="customer-new">
              {t('customer.new')}
            </NewButton>
          )}
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
        columnChooser={<CustomerColumnChooser visible={chosen} isDefault={!preference.data} />}
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
      {outcome && (
        <StaleResultSummary
          result={outcome.result}
          names={outcome.names}
          title={t('customerList.resultTitle', { action: batchLabel(outcome.action) })}
          onClose={() => setOutcome(null)}
          testId="customer-batch-result"
        />
      )}
      {canSelect && (
        <CustomerBatchBar count={selected.length} onAction={setBatchAction} onClear={() => setSelected([])} />
      )}
      <PagedTable<CustomerListItem>
        pages={customers}
        columns={columns}
        rows={rows}
        phoneCards={{ title: 'name', fields: PHONE_CARD_FIELDS }}
        {...(canSelect
          ? {
              rowSelection: {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String).slice(0, MAX_BATCH)),
                preserveSelectedRowKeys: false,
                columnWidth: 40,
              },
            }
          : {})}
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
      <CustomerBatchModal
        action={batchAction}
        customerIds={selected}
        onClose={() => setBatchAction(null)}
        onDone={onBatchDone}
      />
      <CustomerFormDrawer open={isCreateOpen} onClose={() => setCreateOpen(false)} />
    </Card>
  );
}
