import { endpoints, type TaskRelatedType } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../platform/api';

interface Option {
  value: string;
  label: string;
}

/** Each list's own search (`q`); an empty search shows the caller's customers, or the first leads/opportunities in scope. */
const search: Record<TaskRelatedType, (q: string | undefined) => Promise<Option[]>> = {
  customer: async (q) =>
    (await client(endpoints.customers.list, { query: { q, view: q ? undefined : 'mine', limit: 20 } })).items.map(
      (c) => ({
        value: c.id,
        label: c.name,
      }),
    ),
  lead: async (q) =>
    (await client(endpoints.leads.list, { query: { q, limit: 20 } })).items.map((l) => ({
      value: l.id,
      label: l.companyName ? `${l.name}（${l.companyName}）` : l.name,
    })),
  opportunity: async (q) =>
    (await client(endpoints.opportunities.list, { query: { q, limit: 20 } })).items.map((o) => ({
      value: o.id,
      label: `${o.name}（${o.customerName}）`,
    })),
};

/** Picks the customer, lead or opportunity a task is about, by server search on its name. */
export function RelatedRecordPicker({
  type,
  value,
  onChange,
  initial,
}: {
  type: TaskRelatedType;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The record already linked, so its name shows before any search finds it. */
  initial?: { id: string; name: string } | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  // The lists accept 1–64 characters; blank means "no search".
  const term = q.trim().slice(0, 64) || undefined;
  const found = useQuery({ queryKey: ['task-related', type, term], queryFn: () => search[type](term) });
  const options = [...(found.data ?? [])];
  if (initial && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(id?: string) => onChange?.(id ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={t('task.relatedSearch')}
      notFoundContent={found.isFetching ? undefined : t('common.empty')}
      data-testid="task-related-record"
      style={{ width: '100%' }}
    />
  );
}
