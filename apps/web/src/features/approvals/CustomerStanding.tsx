import type { ApprovalCustomerStanding } from '@guanxi/contract';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';

/** The customer's stage, credit limit and ageing (owed, overdue), as a price decision weighs them. */
export function CustomerStanding({ standing }: { standing: ApprovalCustomerStanding }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  return (
    <Descriptions
      title={t('approvalCard.customerStanding')}
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      data-testid="approval-card-customer"
      items={[
        { key: 'stage', label: t('approvalCard.stage'), children: standing.stage ? t(`stage.${standing.stage}`) : '—' },
        {
          key: 'limit',
          label: t('approvalCard.creditLimit'),
          children:
            standing.creditLimitFen === null
              ? t('approvalCard.noLimit')
              : money(standing.creditLimitFen, standing.currency),
        },
        { key: 'owed', label: t('approvalCard.owed'), children: money(standing.outstandingFen, standing.currency) },
        {
          key: 'overdue',
          label: t('approvalCard.overdue'),
          children:
            standing.overdueFen > 0 ? (
              <Typography.Text type="danger">{money(standing.overdueFen, standing.currency)}</Typography.Text>
            ) : (
              t('approvalCard.noOverdue')
            ),
        },
      ]}
    />
  );
}
