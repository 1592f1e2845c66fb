import { Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { InboxCounts } from '../inbox';
import { MovementsTab } from './MovementsTab';
import { PendingIssuesTab } from './PendingIssuesTab';
import { StockLevelsTab } from './StockLevelsTab';
import { WarehousesTab } from './WarehousesTab';

const TABS = ['pending', 'levels', 'movements', 'warehouses'] as const;
type Tab = (typeof TABS)[number];

/** The warehouse's screen (issue 5): issues to confirm, stock levels, movements, warehouses. */
export default function StockPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canManage = useHasPermission('stock.manage');
  const requested = params.get('tab') as Tab | null;
  const active: Tab = requested && TABS.includes(requested) ? requested : 'pending';

  const items = [
    { key: 'pending', label: t('stock.tabPending'), children: <PendingIssuesTab /> },
    { key: 'levels', label: t('stock.tabLevels'), children: <StockLevelsTab /> },
    { key: 'movements', label: t('stock.tabMovements'), children: <MovementsTab /> },
    ...(canManage ? [{ key: 'warehouses', label: t('stock.tabWarehouses'), children: <WarehousesTab /> }] : []),
  ];

  // The warehouse keeper starts here: their waiting work comes first.
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <InboxCounts />
      <Card title={t('stock.title')}>
        <Tabs
          activeKey={active}
          items={items}
          destroyOnHidden
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          data-testid="stock-tabs"
        />
      </Card>
    </Space>
  );
}
