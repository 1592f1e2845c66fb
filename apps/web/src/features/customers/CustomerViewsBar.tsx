import { DeleteOutlined, SaveOutlined, ShareAltOutlined } from '@ant-design/icons';
import { CUSTOMER_VIEWS, type CustomerView, type SavedView } from '@guanxi/contract';
import { App, Button, Grid, Popconfirm, Segmented, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { sameFilters } from './customerListParams';
import type { CustomerFilters } from './customers.queries';
import { useDeleteSavedView, useSavedCustomerViews } from './savedViews.queries';
import { SaveViewModal } from './SaveViewModal';

const SAVED = 'saved:';
const POOL = 'pool';

function SavedViewLabel({ view }: { view: SavedView }) {
  const { t } = useTranslation();
  const label = (
    <span data-testid={`saved-view-${view.name}`}>
      {view.shared && <ShareAltOutlined style={{ marginInlineEnd: 4 }} />}
      {view.name}
    </span>
  );
  return view.isOwn ? label : <Tooltip title={t('customerView.sharedBy', { owner: view.ownerName })}>{label}</Tooltip>;
}

/**
 * The list's views: all / mine / my team's / stuck, a link to the pool, and saved views (own and
 * shared). A saved view is active when the URL's filters are exactly its query.
 */
export function CustomerViewsBar({
  filters,
  onChange,
}: {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canSeePools = useHasPermission('pools.view');
  const views = useSavedCustomerViews();
  const remove = useDeleteSavedView();
  const [isSaveOpen, setSaveOpen] = useState(false);
  const isPhone = !Grid.useBreakpoint().md;

  const saved = views.data ?? [];
  // A plain built-in view (nothing but the view and a sort) shows as itself, not as a saved copy of it.
  const isPlain = Object.keys(filters).every((key) => key === 'view' || key === 'sort');
  const active = isPlain ? undefined : saved.find((view) => sameFilters(view.query, filters));
  const value = active ? `${SAVED}${active.id}` : (filters.view ?? 'all');

  const builtIn = (['all', ...CUSTOMER_VIEWS] as const).map((key) => ({
    value: key,
    label: <span data-testid={`customer-view-${key}`}>{t(`customerView.${key}`)}</span>,
  }));
  const options = [
    ...builtIn,
    ...(canSeePools
      ? [{ value: POOL, label: <span data-testid="customer-view-pool">{t('customerView.pool')}</span> }]
      : []),
    ...saved.map((view) => ({ value: `${SAVED}${view.id}`, label: <SavedViewLabel view={view} /> })),
  ];

  const select = (key: string) => {
    if (key === POOL) return void navigate('/pools');
    const view = saved.find((item) => `${SAVED}${item.id}` === key);
    if (view) return onChange(view.query);
    const builtInView = key === 'all' ? undefined : (key as CustomerView);
    // Leaving a saved view starts from a clean list; otherwise the other filters stay.
    onChange(active ? { view: builtInView } : { ...filters, view: builtInView });
  };

  const confirmDelete = (view: SavedView) =>
    remove.mutateAsync(view.id).then(
      () => void message.success(t('common.deleted')),
      (error: Error) => void message.error(error.message),
    );

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 16 }}>
      {/*
       * On a phone the views are a full-width picker: a row of segments wider than the screen hid the
       * pool and every saved view behind its edge.
       */}
      {isPhone ? (
        <Select
          value={value}
          options={options}
          onChange={(key) => select(String(key))}
          size="large"
          style={{ flex: '1 1 140px', minWidth: 0 }}
          aria-label={t('customerView.label')}
          data-testid="customer-views"
        />
      ) : (
        <div style={{ minWidth: 0, maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented
            value={value}
            options={options}
            onChange={(key) => select(String(key))}
            data-testid="customer-views"
          />
        </div>
      )}
      <Space>
        {active?.isOwn && (
          <Popconfirm
            title={t('customerView.deleteConfirm', { name: active.name })}
            onConfirm={() => confirmDelete(active)}
            okButtonProps={{ danger: true }}
          >
            <Button icon={<DeleteOutlined />} loading={remove.isPending} data-testid="saved-view-delete">
              {t('customerView.delete')}
            </Button>
          </Popconfirm>
        )}
        <Button icon={<SaveOutlined />} onClick={() => setSaveOpen(true)} data-testid="saved-view-save">
          {t('customerView.save')}
        </Button>
      </Space>
      <SaveViewModal open={isSaveOpen} filters={filters} onClose={() => setSaveOpen(false)} onSaved={onChange} />
    </div>
  );
}
