import { endpoints } from '@guanxi/contract';
import { App, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LeadFilterBar } from './LeadFilterBar';
import { LeadFormDrawer } from './LeadFormDrawer';
import { leadFiltersFromSearch, searchFromLeadFilters } from './leadListParams';
import { useLeads, useRestoreLead, type LeadFilters } from './leads.queries';
import { useLeadColumns } from './useLeadColumns';
import { PagedTable } from '../../platform/ui/PagedTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { ImportButton } from '../imports';

/** 线索: the leads in the caller's scope (a salesperson sees only their own), with filters. */
export default function LeadListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = leadFiltersFromSearch(searchParams);
  const setFilters = (next: LeadFilters) => setSearchParams(searchFromLeadFilters(next), { replace: true });
  const [isCreateOpen, setCreateOpen] = useState(false);
  const leads = useLeads(filters);
  const restore = useRestoreLead();
  const isTrash = filters.deleted === true;
  const columns = useLeadColumns({
    detailLinks: true,
    isTrash,
    restoringId: restore.isPending ? restore.variables : undefined,
    onRestore: (lead) =>
      restore.mutate(lead.id, {
        onSuccess: () => void message.success(t('lead.restored')),
        onError: (error) => void message.error(error.message),
      }),
  });

  return (
    <Card
      title={t('lead.title')}
      extra={
        <Space wrap>
          <ImportButton kinds={['leads']} />
          <ExportButton endpoint={endpoints.leads.export} query={filters} />
        </Space>
      }
    >
      <LeadFilterBar filters={filters} onChange={setFilters} onCreate={() => setCreateOpen(true)} />
      <PagedTable
        pages={leads}
        columns={columns}
        scroll={{ x: 1200 }}
        onRow={(lead) =>
          isTrash ? {} : { onClick: () => void navigate(`/leads/${lead.id}`), style: { cursor: 'pointer' } }
        }
        boxTestId="lead-table"
        loadMoreTestId="lead-load-more"
      />
      <LeadFormDrawer open={isCreateOpen} defaultPoolId={filters.poolId} onClose={() => setCreateOpen(false)} />
    </Card>
  );
}
