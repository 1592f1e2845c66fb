import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PoolPageShell } from '../../platform/pools/PoolPageShell';
import { useHasPermission } from '../../platform/session.queries';
import { PoolCustomersTable } from './PoolCustomersTable';
import { PoolSettingsDrawer } from './PoolSettingsDrawer';
import { usePools } from './pools.queries';

/** 公海: the pools I can see on the left, the chosen pool's customers (to claim) on the right. */
export default function PoolsPage() {
  const { t } = useTranslation();
  const pools = usePools();
  const canManage = useHasPermission('pools.manage');
  return (
    <PoolPageShell
      pools={pools}
      basePath="/pools"
      testIdPrefix="pool"
      canManage={canManage}
      texts={{
        list: t('pool.list'),
        new: t('pool.new'),
        empty: t('pool.empty'),
        records: t('pool.customers'),
        settings: t('pool.settings'),
        choose: t('pool.choose'),
      }}
      fallbackPool={(items) => items.find((pool) => pool.isDefault) ?? items[0]}
      menuLabel={(pool) => (
        <Space size={4}>
          {pool.name}
          {pool.isDefault && <Tag>{t('pool.isDefault')}</Tag>}
        </Space>
      )}
      records={(pool) => <PoolCustomersTable pool={pool} />}
      drawer={(slot) => <PoolSettingsDrawer {...slot} />}
    />
  );
}
