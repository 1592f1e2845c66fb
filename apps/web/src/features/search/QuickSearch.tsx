import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuickSearch } from './search.queries';

/** Waits until typing pauses, so each keystroke does not cost a request. */
function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Hit({ title, detail }: { title: string; detail: string }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {detail}
      </Typography.Text>
    </Space>
  );
}

/**
 * The header search box: results grouped into customers, contacts and leads; choosing one opens it.
 * `block` fills its container (the phone's search drawer) and takes the focus; `onDone` follows a choice.
 */
export function QuickSearch({ block = false, onDone }: { block?: boolean; onDone?: () => void } = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const search = useQuickSearch(q);
  const customers = search.data?.customers ?? [];
  const contacts = search.data?.contacts ?? [];
  const leads = search.data?.leads ?? [];

  const options = [
    customers.length > 0 && {
      label: t('quickSearch.customers'),
      options: customers.map((hit) => ({
        value: `/customers/${hit.id}`,
        key: `customer-${hit.id}`,
        label: (
          <Hit
            title={hit.name}
            detail={[
              hit.customerNo,
              t(`stage.${hit.stage}`),
              hit.ownerName ? t('quickSearch.owner', { owner: hit.ownerName }) : t('quickSearch.inPool'),
              hit.phone,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        ),
      })),
    },
    contacts.length > 0 && {
      label: t('quickSearch.contacts'),
      options: contacts.map((hit) => ({
        value: `/customers/${hit.customerId}?tab=contacts`,
        key: `contact-${hit.id}`,
        label: (
          <Hit
            title={[hit.name, hit.title].filter(Boolean).join(' · ')}
            detail={[t('quickSearch.contactOf', { customer: hit.customerName }), hit.mobile]
              .filter(Boolean)
              .join(' · ')}
          />
        ),
      })),
    },
    leads.length > 0 && {
      label: t('quickSearch.leads'),
      options: leads.map((hit) => ({
        value: `/leads/${hit.id}`,
        key: `lead-${hit.id}`,
        label: (
          <Hit
            title={[hit.name, hit.companyName].filter(Boolean).join(' · ')}
            detail={[
              t(`leadStatus.${hit.status}`),
              hit.ownerName ? t('quickSearch.owner', { owner: hit.ownerName }) : null,
              hit.mobile,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        ),
      })),
    },
  ].filter((group) => group !== false);

  return (
    <span data-testid="quick-search" style={block ? { display: 'block' } : undefined}>
      <AutoComplete
        value={text}
        options={options}
        onSearch={setText}
        onSelect={(path: string) => {
          setText('');
          void navigate(path);
          onDone?.();
        }}
        notFoundContent={q.trim() && search.isSuccess ? t('quickSearch.noResults') : null}
        style={block ? { width: '100%' } : { width: 320, maxWidth: '40vw' }}
        popupMatchSelectWidth={block ? true : 400}
        autoFocus={block}
        prefix={<SearchOutlined />}
        placeholder={t('quickSearch.placeholder')}
        allowClear
        maxLength={64}
      />
    </span>
  );
}
