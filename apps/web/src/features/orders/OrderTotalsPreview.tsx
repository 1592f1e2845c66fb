import type { CustomerCredit } from '@guanxi/contract';
import { Alert, Card, Col, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import type { OrderFigures } from './orderGuidance';

/**
 * What the order adds up to before it is saved: list value, what the prices give away, the total,
 * the margin and its share; and what submitting it will cause — a price approval for the lines
 * under the seller's floor, a credit limit exceeded.
 */
export function OrderTotalsPreview({
  figures,
  currency,
  credit,
}: {
  figures: OrderFigures;
  currency: string;
  credit: CustomerCredit | null | undefined;
}) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const money = (fen: number) => formatMoney(fen, currency);
  const overCredit =
    credit && credit.limitFen !== null && credit.outstandingFen + figures.totalFen > credit.limitFen ? credit : null;
  return (
    <Card size="small" style={{ margin: '16px 0' }} data-testid="order-preview">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={4}>
          <Statistic title={t('orderEntry.listTotal')} value={money(figures.listTotalFen)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('orderEntry.discountTotal')} value={money(figures.discountFen)} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={t('order.total')}
            value={money(figures.totalFen)}
            styles={{ content: { fontWeight: 600 } }}
            data-testid="order-form-total"
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('orderEntry.cost')} value={money(figures.costFen)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('orderEntry.margin')} value={money(figures.marginFen)} data-testid="order-form-margin" />
        </Col>
        <Col xs={12} md={3}>
          <Statistic
            title={t('orderEntry.marginPercent')}
            value={figures.marginPercent === null ? '—' : `${figures.marginPercent}%`}
          />
        </Col>
      </Row>
      {(figures.belowFloorLines > 0 || overCredit) && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {figures.belowFloorLines > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('orderEntry.needsApproval', { count: figures.belowFloorLines })}
              data-testid="order-needs-approval"
            />
          )}
          {overCredit && (
            <Alert
              type="warning"
              showIcon
              title={t('orderEntry.overCredit', {
                limit: money(overCredit.limitFen!),
                outstanding: money(overCredit.outstandingFen),
                order: money(figures.totalFen),
              })}
              data-testid="order-over-credit"
            />
          )}
        </Space>
      )}
    </Card>
  );
}
