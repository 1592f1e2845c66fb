import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductSearch } from './orders.queries';

interface ProductSelectProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Shown while the chosen product is not among the search results (editing a draft). */
  initialOption?: { value: string; label: string };
}

/** Picks an active product by typing part of its code or name. */
export function ProductSelect({ value, onChange, initialOption }: ProductSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useProductSearch(q);
  const items = found.data?.items ?? [];
  const options = items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  if (initialOption && !options.some((o) => o.value === initialOption.value)) options.unshift(initialOption);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(id: string) => onChange?.(id)}
      options={options}
      loading={found.isFetching}
      placeholder={t('order.productPlaceholder')}
      style={{ width: '100%', minWidth: 200 }}
      data-testid="order-line-product"
    />
  );
}
