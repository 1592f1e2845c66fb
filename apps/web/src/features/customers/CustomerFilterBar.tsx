import { ClearOutlined, DeleteOutlined, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Grid, Input, Select, Space, Switch } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useCustomerOptions } from './customerOptions';
import { CustomerMoreFilters } from './CustomerMoreFilters';
import { CustomerPhoneFilterBar } from './CustomerPhoneFilterBar';
import type { CustomerFilters } from './customers.queries';
import { NewButton } from '../../platform/ui/NewButton';
import { useRfmSegmentOptions } from '../../platform/ui/RfmSegmentTag';

type SelectFilter = 'stage' | 'relationshipPhase' | 'rfmSegment' | 'kind' | 'tier' | 'source';

interface CustomerFilterBarProps {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
  onCreate: () => void;
  /** How many "more filters" are set, and the toggle of their panel. */
  moreCount: number;
  isMoreOpen: boolean;
  onToggleMore: () => void;
  /** The column chooser, at the table toolbar's right (desktop only: phones show cards). */
  columnChooser?: ReactNode;
}

/** Search on Enter or button; the test id sits on the <input> itself (Input.Search puts it on a wrapper). */
function SearchBox({
  value,
  onSearch,
  block = false,
}: {
  value?: string;
  onSearch: (q: string | undefined) => void;
  block?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const submit = (next: string) => onSearch(next.trim() || undefined);
  return (
    <Space.Compact style={{ width: block ? '100%' : 300 }}>
      <Input
        value={text}
        allowClear
        maxLength={64}
        placeholder={t('customer.searchPlaceholder')}
        onChange={(event) => {
          setText(event.target.value);
          if (event.type === 'click') submit(''); // the clear icon
        }}
        onPressEnter={() => submit(text)}
        data-testid="customer-search"
      />
      <Button icon={<SearchOutlined />} onClick={() => submit(text)} aria-label={t('common.search')} />
    </Space.Compact>
  );
}

export function CustomerFilterBar(props: CustomerFilterBarProps) {
  const { filters, onChange, onCreate } = props;
  const { t } = useTranslation();
  const options = useCustomerOptions({ tier: filters.tier, source: filters.source });
  const rfmSegments = useRfmSegmentOptions();
  const canCreate = useHasPermission('customers.create');
  const isPhone = Grid.useBreakpoint().md === false;
  const activeCount = Object.keys(filters).filter((key) => !['sort', 'deleted', 'view', 'q'].includes(key)).length;

  const selects: { key: SelectFilter; options: { value: string; label: string }[]; width: number }[] = [
    { key: 'stage', options: options.stages, width: 190 },
    { key: 'relationshipPhase', options: options.phases, width: 170 },
    { key: 'rfmSegment', options: rfmSegments, width: 170 },
    { key: 'kind', options: options.kinds, width: 120 },
    { key: 'tier', options: options.tiers, width: 170 },
    { key: 'source', options: options.sources, width: 160 },
  ];

  const search = (
    <SearchBox key={filters.q ?? ''} value={filters.q} block={isPhone} onSearch={(q) => onChange({ ...filters, q })} />
  );
  const selectFilters = selects.map((select) => (
    <Select
      key={select.key}
      allowClear
      value={filters[select.key]}
      placeholder={t('customer.filterPlaceholder', { field: t(`customer.${select.key}`) })}
      options={select.options}
      style={{ width: isPhone ? '100%' : select.width }}
      onChange={(value?: string) => onChange({ ...filters, [select.key]: value })}
      data-testid={`customer-filter-${select.key}`}
    />
  ));
  const overdue = (
    <Checkbox
      checked={filters.followUpOverdue === true}
      onChange={(e) => onChange({ ...filters, followUpOverdue: e.target.checked || undefined })}
      data-testid="customer-filter-follow-up-overdue"
    >
      {t('followUpCadence.filter')}
    </Checkbox>
  );
  const clear = activeCount + (filters.q ? 1 : 0) > 0 && (
    <Button
      type="link"
      icon={<ClearOutlined />}
      onClick={() => onChange({ view: filters.view, sort: filters.sort, deleted: filters.deleted })}
      data-testid="customer-filter-clear"
    >
      {t('customerView.clearFilters')}
    </Button>
  );
  const trash = (
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
  );
  // On a desktop the create button sits in the card's toolbar (CustomerListPage); a phone's beside the search.
  const create = canCreate && (
    <NewButton type="primary" onClick={onCreate} aria-label={t('customer.new')} data-testid="customer-new" />
  );

  if (isPhone) {
    return (
      <CustomerPhoneFilterBar search={search} activeCount={activeCount} action={create}>
        {selectFilters}
        {overdue}
        {trash}
        <CustomerMoreFilters filters={filters} onChange={onChange} />
        {clear}
      </CustomerPhoneFilterBar>
    );
  }
  return (
    <Space wrap style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
      <Space wrap>
        {search}
        {selectFilters}
        {overdue}
        <Badge count={props.moreCount} size="small">
          <Button
            icon={<FilterOutlined />}
            type={props.isMoreOpen ? 'primary' : 'default'}
            ghost={props.isMoreOpen}
            onClick={props.onToggleMore}
            data-testid="customer-more-filters-toggle"
          >
            {t('customerView.moreFilters')}
          </Button>
        </Badge>
        {clear}
      </Space>
      <Space>
        {trash}
        {props.columnChooser}
      </Space>
    </Space>
  );
}
