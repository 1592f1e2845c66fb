import { endpoints, type CustomerPool, type PoolCustomer, type PoolVisibleField } from '@guanxi/contract';
import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';
import { usePoolClaimColumn } from '../../platform/pools/usePoolClaimColumn';
import { useHasPermission } from '../../platform/session.queries';
import { useClaimCustomer, usePoolCustomers } from './pools.queries';
import { isListLoading, LoadMoreFooter } from '../../platform/LoadMore';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';

/** How a visible field shows in the table; codes show as names, free text as is. */
function useFieldRender() {
  const { t } = useTranslation();
  const dictionaries = {
    tier: useDictionary('tier'),
    source: useDictionary('source'),
    industry: useDictionary('industry'),
  };
  return (field: PoolVisibleField, customer: PoolCustomer): string => {
    const value = customer[field];
    if (value === null || value === undefined || value === '') return t('common.empty');
    if (field === 'stage') return t(`stage.${customer.stage ?? 'prospect'}`);
    if (field === 'tier' || field === 'source' || field === 'industry')
      return dictionaries[field].label(value) ?? value;
    return value;
  };
}

/**
 * A pool's customers with only the fields the server returned (the pool's visible fields) and a
 * Claim button per row; a refused claim shows the server's localized reason (e.g. the daily limit).
 */
export function PoolCustomersTable({ pool }: { pool: CustomerPool }) {
  const { t } = useTranslation();
  const customers = usePoolCustomers(pool.id);
  const claim = useClaimCustomer();
  const canClaim = useHasPermission('pools.claim');
  const render = useFieldRender();
  const pages = customers.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.items);
  const total = pages[0]?.total;
  // Only columns the API actually filled for this pool: never guess at hidden fields.
  const shown = pool.visibleFields.filter((field) => rows.some((row) => field in row));

  const claimColumn = usePoolClaimColumn<PoolCustomer>({
    claim,
    label: t('pool.claim'),
    claimedText: t('pool.claimed'),
    testId: 'pool-claim',
  });

  const columns: TableColumnsType<PoolCustomer> = [
    { key: 'customerNo', dataIndex: 'customerNo', title: t('customer.customerNo'), width: 130 },
    { key: 'name', dataIndex: 'name', title: t('customer.name') },
    { key: 'kind', title: t('customer.kind'), width: 90, render: (_, row) => <Tag>{t(`kind.${row.kind}`)}</Tag> },
    ...shown.map((field) => ({
      key: field,
      title: t(`customer.${field}`),
      render: (_: unknown, row: PoolCustomer) => render(field, row),
    })),
  ];
  if (canClaim) columns.push(claimColumn);

  return (
    <>
      <QueryError query={customers} />
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <ExportButton endpoint={endpoints.customerPools.exportCustomers} query={{ poolId: pool.id }} />
      </div>
      <div data-testid="pool-customer-table">
        <ListTable<PoolCustomer>
          columns={columns}
          rows={rows}
          loading={isListLoading(customers)}
          scroll={{ x: 800 }}
          empty={t('pool.emptyCustomers')}
        />
      </div>
      <LoadMoreFooter
        pages={customers}
        noMore={false}
        testId="pool-load-more"
        total={
          <Typography.Text type="secondary" data-testid="pool-customer-total">
            {total !== undefined &&
              t(pages[0]?.totalIsEstimate ? 'common.totalEstimate' : 'common.total', { count: total })}
          </Typography.Text>
        }
      />
    </>
  );
}
