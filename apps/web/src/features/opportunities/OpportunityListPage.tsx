import { endpoints, OPPORTUNITY_STATUSES, type OpportunityStatus } from '@guanxi/contract';
import { Card, DatePicker, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { ActiveUserSelect } from '../users';
import { useStageLabel } from './opportunityLabels';
import { OpportunityFormDrawer } from './OpportunityFormDrawer';
import { OpportunityViewSwitch } from './OpportunityViewSwitch';
import { useOpportunities, useSalesProcesses, type OpportunityFilters } from './opportunities.queries';
import { useOpportunityColumns } from './useOpportunityColumns';
import { useLossFilterLabel } from './useLossFilterLabel';
import { PagedTable } from '../../platform/ui/PagedTable';
import { NewButton } from '../../platform/ui/NewButton';
import { SearchFilter } from '../../platform/ui/SearchFilter';
import { ExportButton } from '../../platform/ui/ExportButton';

/** Filters from the address (the loss report links here with a reason or competitor and a closing period). */
function filtersOf(params: URLSearchParams): OpportunityFilters {
  const status = params.get('status');
  const value = (key: string) => params.get(key) ?? undefined;
  return {
    status: (OPPORTUNITY_STATUSES as readonly string[]).includes(status ?? '') ? (status as OpportunityStatus) : 'open',
    lossReasonId: value('lossReasonId'),
    lostToCompetitorId: value('lostToCompetitorId'),
    closedFrom: value('closedFrom'),
    closedTo: value('closedTo'),
  };
}

/** 商机: the opportunities in the caller's scope with filters (status, stage, owner, expected close). */
export default function OpportunityListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<OpportunityFilters>(() => filtersOf(params));
  const [isCreateOpen, setCreateOpen] = useState(false);
  const opportunities = useOpportunities(filters);
  const processes = useSalesProcesses();
  const stageLabel = useStageLabel();
  const canCreate = useHasPermission('opportunities.create');
  const canPickOwner = useHasPermission('users.view');
  const columns = useOpportunityColumns({ withCustomer: true });
  const filtersLabel = useLossFilterLabel(filters);
  const set = (next: Partial<OpportunityFilters>) => setFilters((current) => ({ ...current, ...next }));
  const stageOptions = (processes.data ?? []).flatMap((p) =>
    p.stages.map((s) => ({
      value: s.id,
      label: processes.data!.length > 1 ? `${p.name} · ${stageLabel(s)}` : stageLabel(s),
    })),
  );

  return (
    <Card
      title={t('opportunity.title')}
      extra={
        <Space wrap>
          <OpportunityViewSwitch />
          {canCreate && (
            <NewButton type="primary" onClick={() => setCreateOpen(true)} data-testid="opportunity-new">
              {t('opportunity.new')}
            </NewButton>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <SearchFilter placeholder={t('opportunity.searchPlaceholder')} onSearch={(q) => set({ q })} />
        <Select
          allowClear
          placeholder={t('opportunity.status')}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`opportunityStatus.${s}`) }))}
          style={{ width: 120 }}
          data-testid="opportunity-status-filter"
        />
        <Select
          allowClear
          placeholder={t('opportunity.stage')}
          onChange={(stageId?: string) => set({ stageId })}
          options={stageOptions}
          style={{ width: 180 }}
        />
        {canPickOwner && (
          <ActiveUserSelect
            allowClear
            placeholder={t('opportunity.owner')}
            onChange={(ownerId) => set({ ownerId: ownerId as string | undefined })}
            style={{ width: 160 }}
          />
        )}
        <DatePicker.RangePicker
          placeholder={[t('opportunity.expectedCloseDate'), t('opportunity.expectedCloseDate')]}
          onChange={(range) =>
            set({ expectedFrom: range?.[0]?.format('YYYY-MM-DD'), expectedTo: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
        {(filters.lossReasonId || filters.lostToCompetitorId || filters.closedFrom) && (
          <Tag
            closable
            color="red"
            onClose={() =>
              set({
                lossReasonId: undefined,
                lostToCompetitorId: undefined,
                closedFrom: undefined,
                closedTo: undefined,
              })
            }
            data-testid="opportunity-loss-filter"
          >
            {[
              t('lossReport.title'),
              filters.closedFrom && `${filters.closedFrom} ~ ${filters.closedTo ?? ''}`,
              filtersLabel,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Tag>
        )}
        {/* With the filters, not in the card's header: the view switch already fills it on a phone. */}
        <ExportButton endpoint={endpoints.opportunities.export} query={filters} />
      </Space>
      <PagedTable
        pages={opportunities}
        columns={columns}
        scroll={{ x: 900 }}
        empty={t('opportunity.empty')}
        testId="opportunity-table"
      />
      <OpportunityFormDrawer
        open={isCreateOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={(o) => void navigate(`/opportunities/${o.id}`)}
      />
    </Card>
  );
}
