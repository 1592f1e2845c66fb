import type { Customer } from '@guanxi/contract';
import { Alert, Col, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { useCustomerValue } from './customerValue.queries';
import { AbcTag, TierTag, usePercent } from './valueDisplay';
import { RfmSegmentTag } from '../../platform/ui/RfmSegmentTag';

/** 客户价值 on the customer page: the last twelve months' profit contribution, tier and ABC class. */
export function CustomerValueTab({ customer }: { customer: Pick<Customer, 'id'> }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  const value = useCustomerValue(customer.id);
  if (value.isPending) return <Spin />;
  if (value.isError) return <Alert type="error" showIcon title={value.error.message} />;
  const data = value.data;
  const fen = (amount: number) => money(amount, data.currency);
  const snapshot = data.snapshot;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="customer-value">
      <Space wrap>
        <Typography.Text type="secondary">
          {t('customerValue.last12Months')} ({data.period.from} ~ {data.period.to})
        </Typography.Text>
        {snapshot ? (
          <>
            <TierTag tier={snapshot.tier} />
            <AbcTag abcClass={snapshot.abcClass} />
            <Typography.Text type="secondary">
              {t('customerValue.snapshotOf', {
                from: snapshot.period.from,
                to: snapshot.period.to,
                rank: snapshot.profitRank,
              })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('customerValue.notRanked')}</Typography.Text>
        )}
      </Space>
      <Space wrap data-testid="customer-rfm">
        <Typography.Text type="secondary">{t('rfm.segment')}</Typography.Text>
        {snapshot?.rfm ? (
          <>
            <RfmSegmentTag segment={snapshot.rfm.segment} />
            <Typography.Text strong data-testid="customer-rfm-scores">
              {t('rfm.customerScores', snapshot.rfm)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('rfm.customerFacts', {
                days: snapshot.rfm.recencyDays,
                orders: snapshot.rfm.frequency,
                amount: fen(snapshot.rfm.monetaryFen),
              })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('rfm.notScored')}</Typography.Text>
        )}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('customerValue.ordersCount')} value={data.ordersCount} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('customerValue.revenue')} value={fen(data.revenueFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('customerValue.cost')} value={fen(data.costFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('customerValue.expenses')} value={fen(data.expensesFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            title={t('customerValue.profit')}
            value={fen(data.profitFen)}
            data-testid="customer-value-profit"
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('customerValue.margin')} value={percent(data.marginPct)} />
        </Col>
      </Row>
    </Space>
  );
}
