import type { PriceApprovalLine } from '@guanxi/contract';
import { Descriptions, Grid, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { usePercent } from './approvalFormat';
import { CustomerStanding } from './CustomerStanding';
import type { FactsOf } from './ApprovalFactsCard';

/** Asked price with the floors it falls below, so the decider sees at once whose authority it needs. */
function AskedPrice({ line, currency }: { line: PriceApprovalLine; currency: string }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  return (
    <Space size={4} wrap>
      <Typography.Text strong>{money(line.unitPriceFen, currency)}</Typography.Text>
      {line.discountPercent > 0 && (
        <Typography.Text type="secondary">
          {t('approvalCard.discountValue', { percent: percent(line.discountPercent) })}
        </Typography.Text>
      )}
      {line.unitPriceFen < line.approverFloorFen ? (
        <Tag color="red">{t('approvalCard.belowYourFloor')}</Tag>
      ) : line.unitPriceFen < line.sellerFloorFen ? (
        <Tag color="orange">{t('approvalCard.belowSellerFloor')}</Tag>
      ) : null}
    </Space>
  );
}

function useLineFacts(currency: string) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  return {
    margin: (line: PriceApprovalLine) => (
      <Typography.Text type={line.marginFen < 0 ? 'danger' : undefined}>
        {line.marginPercent === null
          ? money(line.marginFen, currency)
          : t('approvalCard.marginValue', {
              amount: money(line.marginFen, currency),
              percent: percent(line.marginPercent),
            })}
      </Typography.Text>
    ),
  };
}

/** A price approval: every order line against list price and both floors, then the customer's standing. */
export function PriceApprovalCard({ facts }: { facts: FactsOf<'price'> }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const narrow = !Grid.useBreakpoint().md;
  const line = useLineFacts(facts.currency);
  const columns: TableColumnsType<PriceApprovalLine> = [
    {
      key: 'product',
      title: t('approvalCard.product'),
      render: (_, l) => `${l.productName} × ${l.quantity}`,
    },
    { key: 'list', title: t('approvalCard.listPrice'), render: (_, l) => money(l.listPriceFen, facts.currency) },
    {
      key: 'asked',
      title: t('approvalCard.askedPrice'),
      render: (_, l) => <AskedPrice line={l} currency={facts.currency} />,
    },
    {
      key: 'seller',
      title: t('approvalCard.sellerFloor'),
      render: (_, l) => money(l.sellerFloorFen, facts.currency),
    },
    {
      key: 'approver',
      title: t('approvalCard.approverFloor'),
      render: (_, l) => money(l.approverFloorFen, facts.currency),
    },
    { key: 'margin', title: t('approvalCard.margin'), render: (_, l) => line.margin(l) },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="approval-card-price">
      <Typography.Text strong>
        {t('approvalCard.order', { orderNo: facts.orderNo })} · {t('approvalCard.orderTotal')}{' '}
        {money(facts.totalFen, facts.currency)}
      </Typography.Text>
      {narrow ? (
        <List
          dataSource={facts.lines}
          rowKey="lineNo"
          renderItem={(l) => (
            <List.Item>
              <Descriptions
                title={`${l.productName} × ${l.quantity}`}
                column={1}
                size="small"
                items={[
                  { key: 'list', label: t('approvalCard.listPrice'), children: money(l.listPriceFen, facts.currency) },
                  {
                    key: 'asked',
                    label: t('approvalCard.askedPrice'),
                    children: <AskedPrice line={l} currency={facts.currency} />,
                  },
                  {
                    key: 'seller',
                    label: t('approvalCard.sellerFloor'),
                    children: money(l.sellerFloorFen, facts.currency),
                  },
                  {
                    key: 'approver',
                    label: t('approvalCard.approverFloor'),
                    children: money(l.approverFloorFen, facts.currency),
                  },
                  { key: 'margin', label: t('approvalCard.margin'), children: line.margin(l) },
                ]}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="lineNo"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={facts.lines}
          scroll={{ x: 'max-content' }}
        />
      )}
      <CustomerStanding standing={facts.customer} />
    </Space>
  );
}
