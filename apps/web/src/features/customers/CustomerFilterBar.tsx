import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../auth/auth.queries';
import { useCustomerOptions } from './customerOptions';
import type { CustomerFilters } from './customers.queries';

type SelectFilter = 'stage' | 'kind' | 'tier' | 'source';

interface CustomerFilterBarProps {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
  onCreate: () => void;
}

export function CustomerFilterBar({ filters, onChange, onCreate }: CustomerFilterBarProps) {
  const { t } = useTranslation();
  const options = useCustomerOptions();
  const canCreate = useHasPermission('customers.create');

  const selects: { key: SelectFilter; options: { value: string; label: string }[]; width: number }[] = [
    { key: 'stage', options: options.stages, width: 150 },
    { key: 'kind', options: options.kinds, width: 110 },
    { key: 'tier', options: options.tiers, width: 130 },
    { key: 'source', options: options.sources, width: 130 },
  ];

  return (
    <Space wrap style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
      <Space wrap>
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          placeholder={t('customer.searchPlaceholder')}
          allowClear
          enterButton
          maxLength={64}
          style={{ width: 280 }}
          onSearch={(value) => onChange({ ...filters, q: value.trim() || undefined })}
          data-testid="customer-search"
        />
        {selects.map((select) => (
          <Select
            key={select.key}
            allowClear
            value={filters[select.key]}
            placeholder={t('customer.filterPlaceholder', { field: t(`customer.${select.key}`) })}
            options={select.options}
            style={{ width: select.width }}
            onChange={(value?: string) => onChange({ ...filters, [select.key]: value })}
            data-testid={`customer-filter-${select.key}`}
          />
        ))}
      </Space>
      <Space>
        <Space size={4}>
          <DeleteOutlined />
          {t('customer.trash')}
          <Switch
            size="small"
            checked={filters.deleted === true}
            onChange={(checked) => onChange({ ...filters, deleted: checked || undefined })}
            data-testid="customer-trash"
          />
        </Space>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="customer-new">
            {t('customer.new')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
