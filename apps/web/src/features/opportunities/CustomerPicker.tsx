import { endpoints } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../platform/api';

interface CustomerPickerProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Shown while the chosen customer is not among the search results (e.g. when editing). */
  initialOption?: { value: string; label: string };
}

/** Picks a customer in the caller's scope by typing part of its name. */
export function CustomerPicker({ value, onChange, initialOption }: CustomerPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: () => client(endpoints.customers.list, { query: { q: q || undefined, limit: 20 } }),
  });
  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (initialOption && !options.some((o) => o.value === initialOption.value)) options.unshift(initialOption);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      placeholder={t('opportunity.customerPlaceholder')}
      data-testid="opportunity-customer"
    />
  );
}
