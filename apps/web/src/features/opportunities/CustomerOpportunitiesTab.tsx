import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { OpportunityFormDrawer } from './OpportunityFormDrawer';
import { useOpportunities } from './opportunities.queries';
import { useOpportunityColumns } from './useOpportunityColumns';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

/** The opportunities of one customer, on the customer's detail page. */
export function CustomerOpportunitiesTab({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [isCreateOpen, setCreateOpen] = useState(false);
  const opportunities = useOpportunities({ customerId: customer.id });
  const canCreate = useHasPermission('opportunities.create');
  const columns = useOpportunityColumns({ withCustomer: false });
  return (
    <>
      {canCreate && (
        <NewButton
          onClick={() => setCreateOpen(true)}
          style={{ marginBottom: 12 }}
          data-testid="customer-opportunity-new"
        >
          {t('opportunity.new')}
        </NewButton>
      )}
      {opportunities.isError && <Alert type="error" showIcon title={opportunities.error.message} />}
      <ListTable
        size="small"
        columns={columns}
        pages={opportunities}
        scroll={{ x: 700 }}
        empty={t('opportunity.empty')}
        testId="customer-opportunities"
      />
      <OpportunityFormDrawer open={isCreateOpen} customer={customer} onClose={() => setCreateOpen(false)} />
    </>
  );
}
