import { UserAddOutlined } from '@ant-design/icons';
import type { Lead, LeadPool } from '@guanxi/contract';
import { Button, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePoolClaimColumn } from '../../platform/pools/usePoolClaimColumn';
import { useHasPermission } from '../../platform/session.queries';
import { AssignLeadsModal } from './AssignLeadsModal';
import { useLeadPoolLeads } from './leadPools.queries';
import { useClaimLead } from './leads.queries';
import { useLeadColumns } from './useLeadColumns';
import { PagedTable } from '../../platform/ui/PagedTable';

/**
 * A lead pool's unassigned leads: managers select rows and assign them (one person or
 * round-robin), members claim one at a time.
 */
export function LeadPoolLeadsTable({ pool }: { pool: LeadPool }) {
  const { t } = useTranslation();
  const leads = useLeadPoolLeads(pool.id);
  const claim = useClaimLead();
  const canAssign = useHasPermission('leads.assign');
  const canClaim = useHasPermission('leads.claim');
  const [selected, setSelected] = useState<string[]>([]);
  const [isAssignOpen, setAssignOpen] = useState(false);
  const columns: TableColumnsType<Lead> = useLeadColumns({ detailLinks: false }).filter(
    (column) => column.key !== 'pool' && column.key !== 'owner',
  );
  const claimColumn = usePoolClaimColumn<Lead>({
    claim,
    label: t('leadPool.claim'),
    claimedText: t('leadPool.claimed'),
    testId: 'lead-claim',
  });

  if (canClaim) columns.push(claimColumn);

  return (
    <>
      {canAssign && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={selected.length === 0}
            onClick={() => setAssignOpen(true)}
            data-testid="lead-assign"
          >
            {t('leadPool.assign')}
          </Button>
          <Typography.Text type="secondary" data-testid="lead-selected-count">
            {t('leadPool.selected', { count: selected.length })}
          </Typography.Text>
        </Space>
      )}
      <PagedTable
        pages={leads}
        columns={columns}
        scroll={{ x: 900 }}
        empty={t('leadPool.emptyLeads')}
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: false,
              }
            : undefined
        }
        boxTestId="lead-pool-table"
        noMore={false}
        loadMoreTestId="lead-pool-load-more"
      />
      {isAssignOpen && (
        <AssignLeadsModal
          leadIds={selected}
          onClose={(assigned) => {
            setAssignOpen(false);
            if (assigned) setSelected([]);
          }}
        />
      )}
    </>
  );
}
