import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Space } from 'antd';
import { useHasPermission } from '../../platform/session.queries';
import { NewButton } from '../../platform/ui/NewButton';
import { CreateVisitModal } from './ReturnVisitModals';
import { ReturnVisitTable } from './ReturnVisitTable';
import { useReturnVisits } from './returnVisits.queries';

/** A customer's return visits, due and done, with what the customer said each time. */
export function CustomerReturnVisitsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const canHandle = useHasPermission('returnVisits.handle');
  const [creating, setCreating] = useState(false);
  const visits = useReturnVisits({ view: 'all', customerId });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canHandle && (
        <NewButton onClick={() => setCreating(true)} data-testid="customer-return-visit-new">
          {t('returnVisit.new')}
        </NewButton>
      )}
      <ReturnVisitTable visits={visits} withCustomer={false} empty={t('returnVisit.emptyDone')} />
      {creating && <CreateVisitModal customerId={customerId} onClose={() => setCreating(false)} />}
    </Space>
  );
}
