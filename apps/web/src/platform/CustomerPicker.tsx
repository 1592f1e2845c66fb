import { endpoints, type Customer } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { client } from './api';

interface CustomerPickerProps {
  value?: string;
  onChange?: (id: string) => void;
  /** Shown while the chosen customer is not among the search results (e.g. when editing). */
  initial?: Pick<Customer, 'id' | 'name'> | undefined;
  placeholder?: string;
  /** Before anything is typed, offer the caller's own customers (a check-in or plan is mostly about them). */
  mineFirst?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** Picks a customer in the caller's scope by typing part of its name (server search, 20 at a time). */
export function CustomerPicker({
  value,
  onChange,
  initial,
  placeholder,
  mineFirst = false,
  style,
  'data-testid': testId,
}: CustomerPickerProps) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: () =>
      client(endpoints.customers.list, {
        query: { q: q || undefined, view: mineFirst && !q ? 'mine' : undefined, limit: 20 },
      }),
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
      data-testid={testId}
      style={style}
    />
  );
}
