import { DeleteOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useCustomerOptions } from '../customers';
import { useLeadStatusOptions } from './leadOptions';
import { useLeadPools } from './leadPools.queries';
import type { LeadFilters } from './leads.queries';
import { NewButton } from '../../platform/ui/NewButton';

interface LeadFilterBarProps {
  filters: LeadFilters;
  onChange: (next: LeadFilters) => void;
  onCreate: () => void;
}

/** Search on Enter or button; the test id sits on the <input> itself. */
function SearchBox({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const submit = (next: string) => onSearch(next.trim() || undefined);
  return (
    <Space.Compact style={{ width: 280 }}>
      <Input
        value={text}
        allowClear
        maxLength={64}
        placeholder={t('lead.searchPlaceholder')}
        onChange={(event) => {
          setText(event.target.value);
          if (event.type === 'click') submit(''); // the clear icon
        }}
        onPressEnter={() => submit(text)}
        data-testid="lead-search"
      />
      <Button icon={<SearchOutlined />} onClick={() => submit(text)} aria-label={t('common.search')} />
    </Space.Compact>
  );
}

export function LeadFilterBar({ filters, onChange, onCreate }: LeadFilterBarProps) {
  const { t } = useTranslation();
  const statuses = useLeadStatusOptions();
  const { sources } = useCustomerOptions({ source: filters.source });
  const pools = useLeadPools();
  const canCreate = useHasPermission('leads.create');
  const canDelete = useHasPermission('leads.delete');
  const placeholder = (field: string) => t('lead.filterPlaceholder', { field });

  return (
    <Space wrap style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
      <Space wrap>
        <SearchBox key={filters.q ?? ''} value={filters.q} onSearch={(q) => onChange({ ...filters, q })} />
        <Select
          allowClear
          value={filters.status}
          placeholder={placeholder(t('lead.status'))}
          options={statuses}
          style={{ width: 150 }}
          onChange={(status?: LeadFilters['status']) => onChange({ ...filters, status })}
          data-testid="lead-filter-status"
        />
        <Select
          allowClear
          value={filters.source}
          placeholder={placeholder(t('lead.source'))}
          options={sources}
          style={{ width: 170 }}
          onChange={(source?: LeadFilters['source']) => onChange({ ...filters, source })}
          data-testid="lead-filter-source"
        />
        <Select
          allowClear
          value={filters.poolId}
          placeholder={placeholder(t('lead.pool'))}
          loading={pools.isPending}
          options={(pools.data ?? []).map((pool) => ({ value: pool.id, label: pool.name }))}
          style={{ width: 180 }}
          onChange={(poolId?: string) => onChange({ ...filters, poolId })}
          data-testid="lead-filter-pool"
        />
      </Space>
      <Space>
        {canDelete && (
          <Space size={4}>
            <DeleteOutlined />
            {t('lead.trash')}
            <Switch
              size="small"
              checked={filters.deleted === true}
              onChange={(checked) => onChange({ ...filters, deleted: checked || undefined })}
              data-testid="lead-trash"
            />
          </Space>
        )}
        {canCreate && (
          <NewButton type="primary" onClick={onCreate} data-testid="lead-new">
            {t('lead.new')}
          </NewButton>
        )}
      </Space>
    </Space>
  );
}
