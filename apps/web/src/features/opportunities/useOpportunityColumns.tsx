import type { Opportunity } from '@guanxi/contract';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { OpportunityStatusTag, useReasonLabel, useStageLabel } from './opportunityLabels';

/** Columns of an opportunity table; `withCustomer` off on the customer's own tab. */
export function useOpportunityColumns({ withCustomer }: { withCustomer: boolean }): TableColumnsType<Opportunity> {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const money = useFormatMoney();
  const reasonLabel = useReasonLabel();
  const columns: TableColumnsType<Opportunity> = [
    {
      key: 'name',
      title: t('opportunity.name'),
      render: (_, o) => <Link to={`/opportunities/${o.id}`}>{o.name}</Link>,
    },
    {
      key: 'customer',
      title: t('opportunity.customer'),
      render: (_, o) => <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link>,
    },
    { key: 'amount', title: t('opportunity.amount'), align: 'right', render: (_, o) => money(o.amountFen, o.currency) },
    {
      key: 'stage',
      title: t('opportunity.stage'),
      render: (_, o) => `${stageLabel({ name: o.stageName, nameEn: o.stageNameEn })} · ${o.probability}%`,
    },
    {
      key: 'status',
      title: t('opportunity.status'),
      render: (_, o) => (
        <>
          <OpportunityStatusTag status={o.status} />
          {o.status === 'lost' && (
            <span>
              {reasonLabel({ name: o.lossReasonName, nameEn: o.lossReasonNameEn })}
              {o.lostToCompetitorName ? ` · ${o.lostToCompetitorName}` : ''}
            </span>
          )}
        </>
      ),
    },
    {
      key: 'expected',
      title: t('opportunity.expectedCloseDate'),
      render: (_, o) => o.expectedCloseDate ?? t('common.empty'),
    },
    { key: 'owner', title: t('opportunity.owner'), render: (_, o) => o.ownerName ?? t('common.empty') },
  ];
  return withCustomer ? columns : columns.filter((c) => c.key !== 'customer');
}
