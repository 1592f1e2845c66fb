import { DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AppliedTextFilter } from '../../platform/ui/AppliedTextFilter';
import { CustomFieldFilterItems } from '../custom-fields';
import { ActiveUserSelect } from '../users';
import { useCustomerOptions } from './customerOptions';
import type { CustomerFilters } from './customers.queries';

type TextKey = 'province' | 'city' | 'district';
type RangeKey = 'created' | 'updated';

const toRange = (from?: string, to?: string): [Dayjs | null, Dayjs | null] | null =>
  from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;

/** The filters beyond the basic bar: every other listed field, date ranges by whole days. */
export function CustomerMoreFilters({
  filters,
  onChange,
}: {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
}) {
  const { t } = useTranslation();
  const options = useCustomerOptions({ industry: filters.industry });
  const set = (patch: Partial<CustomerFilters>) => onChange({ ...filters, ...patch });
  const setRange = (key: RangeKey, range: [Dayjs | null, Dayjs | null] | null) =>
    set({
      [`${key}From`]: range?.[0]?.startOf('day').toISOString(),
      [`${key}To`]: range?.[1]?.endOf('day').toISOString(),
    });
  const textKeys: TextKey[] = ['province', 'city', 'district'];

  return (
    <Form
      layout="vertical"
      size="small"
      data-testid="customer-more-filters"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        columnGap: 16,
        padding: '12px 16px 0',
        marginBottom: 16,
        background: '#fafafa',
        borderRadius: 8,
      }}
    >
      <Form.Item label={t('customer.industry')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.industry}
          options={options.industries}
          placeholder={t('common.all')}
          onChange={(industry?: string) => set({ industry })}
          data-testid="customer-filter-industry"
        />
      </Form.Item>
      {textKeys.map((key) => (
        <Form.Item key={key} label={t(`customer.${key}`)}>
          <AppliedTextFilter
            key={filters[key] ?? ''}
            value={filters[key]}
            onApply={(v) => set({ [key]: v })}
            placeholder={t('customerView.textPlaceholder', { field: t(`customer.${key}`) })}
            maxLength={50}
            testId={`customer-filter-${key}`}
          />
        </Form.Item>
      ))}
      <Form.Item label={t('customer.scale')}>
        <Select
          allowClear
          value={filters.scale}
          options={options.scales}
          placeholder={t('common.all')}
          onChange={(scale?: CustomerFilters['scale']) => set({ scale })}
          data-testid="customer-filter-scale"
        />
      </Form.Item>
      <Form.Item label={t('customer.gender')}>
        <Select
          allowClear
          value={filters.gender}
          options={options.genders}
          placeholder={t('common.all')}
          onChange={(gender?: CustomerFilters['gender']) => set({ gender })}
          data-testid="customer-filter-gender"
        />
      </Form.Item>
      <Form.Item label={t('customerView.owner')}>
        <ActiveUserSelect
          allowClear
          value={filters.ownerId}
          placeholder={t('common.all')}
          onChange={(ownerId) => set({ ownerId: typeof ownerId === 'string' ? ownerId : undefined })}
          data-testid="customer-filter-owner"
        />
      </Form.Item>
      <Form.Item label={t('customer.tags')}>
        <Select
          mode="tags"
          allowClear
          value={filters.tag ?? []}
          maxCount={10}
          placeholder={t('customerView.tagsPlaceholder')}
          onChange={(tags: string[]) => set({ tag: tags.map((tag) => tag.trim().slice(0, 20)).filter(Boolean) })}
          open={false}
          suffixIcon={null}
          data-testid="customer-filter-tag"
        />
      </Form.Item>
      <Form.Item label={t('customerView.daysInStage')}>
        <Space.Compact style={{ width: '100%' }}>
          {(['Min', 'Max'] as const).map((end) => (
            <InputNumber<number>
              key={end}
              min={0}
              max={36500}
              precision={0}
              value={filters[`daysInStage${end}`] ?? null}
              placeholder={t(`customerView.days${end}`)}
              aria-label={`${t('customerView.daysInStage')} ${t(`customerView.days${end}`)}`}
              onChange={(value) => set({ [`daysInStage${end}`]: value ?? undefined })}
              suffix={t('stale.daysSuffix')}
              style={{ width: '50%' }}
              data-testid={`customer-filter-days-${end.toLowerCase()}`}
            />
          ))}
        </Space.Compact>
      </Form.Item>
      {(['created', 'updated'] as const).map((key) => (
        <Form.Item key={key} label={t(`customerView.${key}Range`)}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={toRange(filters[`${key}From`], filters[`${key}To`])}
            onChange={(range) => setRange(key, range)}
            style={{ width: '100%' }}
            data-testid={`customer-filter-${key}`}
          />
        </Form.Item>
      ))}
      <CustomFieldFilterItems entity="customer" value={filters.cf} onChange={(cf) => set({ cf })} />
    </Form>
  );
}
