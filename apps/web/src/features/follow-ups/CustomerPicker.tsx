import { endpoints, type Customer } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { client } from '../../platform/api';

/** Picks one of the caller's customers by name (server search, 20 at a time). */
export function CustomerPicker({
  value,
  onChange,
  initial,
  placeholder,
}: {
  value?: string;
  onChange?: (id: string) => void;
  initial?: Pick<Customer, 'id' | 'name'> | undefined;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: () =>
      client(endpoints.customers.list, { query: { q: q || undefined, view: q ? undefined : 'mine', limit: 20 } }),
  });
  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (initial && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder}
      data-testid="check-in-customer"
      style={{ width: '100%' }}
    />
  );
}
