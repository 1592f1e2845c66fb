import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import type { FactsOf } from './ApprovalFactsCard';

/** A credit override: the limit, what is owed, this order, what is overdue, and how far it goes over. */
export function CreditApprovalCard({ facts }: { facts: FactsOf<'credit'> }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const money = (fen: number) => formatMoney(fen, facts.currency);
  return (
    <Descriptions
      title={t('approvalCard.order', { orderNo: facts.orderNo })}
      size="small"
      bordered
      column={1}
      data-testid="approval-card-credit"
      items={[
        {
          key: 'limit',
          label: t('approvalCard.creditLimit'),
          children: facts.limitFen === null ? t('approvalCard.noLimit') : money(facts.limitFen),
        },
        { key: 'used', label: t('approvalCard.creditUsed'), children: money(facts.outstandingFen) },
        { key: 'order', label: t('approvalCard.thisOrder'), children: money(facts.orderFen) },
        { key: 'after', label: t('approvalCard.afterOrder'), children: money(facts.outstandingFen + facts.orderFen) },
        {
          key: 'excess',
          label: t('approvalCard.excess'),
          children: (
            <Typography.Text type={facts.excessFen > 0 ? 'danger' : undefined}>
              {money(facts.excessFen)}
            </Typography.Text>
          ),
        },
        {
          key: 'overdue',
          label: t('approvalCard.overdue'),
          children:
            facts.overdueFen > 0 ? (
              <Typography.Text type="danger">{money(facts.overdueFen)}</Typography.Text>
            ) : (
              t('approvalCard.noOverdue')
            ),
        },
      ]}
    />
  );
}
