import { useTranslation } from 'react-i18next';
import { PoolPageShell } from '../../platform/pools/PoolPageShell';
import { useHasPermission } from '../../platform/session.queries';
import { LeadPoolDrawer } from './LeadPoolDrawer';
import { LeadPoolLeadsTable } from './LeadPoolLeadsTable';
import { useLeadPools } from './leadPools.queries';

/** 线索池: the lead pools I belong to on the left, the chosen pool's unassigned leads on the right. */
export default function LeadPoolsPage() {
  const { t } = useTranslation();
  const pools = useLeadPools();
  const canManage = useHasPermission('leads.manage');
  return (
    <PoolPageShell
      pools={pools}
      basePath="/lead-pools"
      testIdPrefix="lead-pool"
      canManage={canManage}
      texts={{
        list: t('leadPool.list'),
        new: t('leadPool.new'),
        empty: t('leadPool.empty'),
        records: t('leadPool.leads'),
        settings: t('leadPool.settings'),
        choose: t('leadPool.choose'),
      }}
      records={(pool) => <LeadPoolLeadsTable key={pool.id} pool={pool} />}
      drawer={(slot) => <LeadPoolDrawer {...slot} />}
    />
  );
}
