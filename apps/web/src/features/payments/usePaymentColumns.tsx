import type { Payment } from '@guanxi/contract';
import { Button, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { FirstOrderTag } from '../../platform/ui/FirstOrderTag';
import { useMethodLabel } from './paymentDisplay';

/** Columns of a payment list; the void action only for those who may void. */
export function usePaymentColumns(options: {
  withOrder: boolean;
  onVoid?: ((payment: Payment) => void) | undefined;
}): TableColumnsType<Payment> {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const methodLabel = useMethodLabel();
  const columns: TableColumnsType<Payment> = [
    { title: t('payment.receivedOn'), dataIndex: 'receivedOn', width: 120 },
    ...(options.withOrder
      ? [
          {
            title: t('payment.order'),
            dataIndex: 'orderNo',
            render: (no: string, p: Payment) => (
              <Space size={4} wrap>
                <Link to={`/orders/${p.orderId}`}>{no}</Link>
                {p.isFirstOrder && <FirstOrderTag />}
              </Space>
            ),
          },
          {
            title: t('payment.customer'),
            dataIndex: 'customerName',
            render: (name: string, p: Payment) => <Link to={`/customers/${p.customerId}`}>{name}</Link>,
          },
        ]
      : []),
    {
      title: t('payment.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number, p) => (p.voidedAt ? <del>{money(fen, p.currency)}</del> : money(fen, p.currency)),
    },
    { title: t('payment.method'), dataIndex: 'method', render: (m: Payment['method']) => methodLabel(m) },
    {
      title: t('payment.installment'),
      dataIndex: 'installmentNo',
      render: (no: number | null) => (no === null ? t('common.empty') : t('payment.installmentNo', { no })),
    },
    { title: t('payment.reference'), dataIndex: 'reference', render: (r: string | null) => r ?? t('common.empty') },
    {
      title: t('payment.recordedBy'),
      dataIndex: 'recordedByName',
      render: (n: string | null) => n ?? t('common.empty'),
    },
    {
      title: t('payment.status'),
      key: 'status',
      render: (_, p) =>
        p.voidedAt ? (
          <Tooltip title={p.voidReason}>
            <Tag>{t('payment.voided')}</Tag>
          </Tooltip>
        ) : null,
    },
  ];
  if (options.onVoid) {
    const onVoid = options.onVoid;
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) =>
        p.voidedAt ? null : (
          <Button size="small" danger type="link" onClick={() => onVoid(p)} data-testid="payment-void">
            {t('payment.void')}
          </Button>
        ),
    });
  }
  return columns;
}
