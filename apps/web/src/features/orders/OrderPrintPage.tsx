import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Order } from '@guanxi/contract';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { useMe } from '../../platform/session.queries';
import { QueryResult } from '../../platform/ui/QueryResult';
import { amountInWords } from './amountInWords';
import { bpToPercent } from './orderDisplay';
import { useOrder } from './orders.queries';
import { useRecordTitle } from '../../platform/recordTitles';
import { orgToday } from '../../platform/orgToday';

/** How long a printed quotation holds (days from the day it is printed). */
const QUOTE_VALID_DAYS = 30;

type PrintKind = 'order' | 'quote';

/**
 * An order as a printable document (issue 14 §7): the sales order (销售订单) or, from a draft or the
 * opportunity it belongs to, a quotation (报价单) valid for 30 days. Printing or "save as PDF" is the
 * browser's own; the app's frame, buttons and menus are left off the paper by the print styles.
 */
function OrderDocument({ order, kind }: { order: Order; kind: PrintKind }) {
  useRecordTitle(order.id, order.orderNo);
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const me = useMe();
  const money = (fen: number) => formatMoney(fen, order.currency);
  const today = orgToday();
  const isChinese = i18n.language.startsWith('zh');
  const title = t(kind === 'quote' ? 'orderPrint.quoteTitle' : 'orderPrint.orderTitle');

  const facts = [
    [t(kind === 'quote' ? 'orderPrint.quoteNo' : 'orderPrint.orderNo'), order.orderNo],
    [t('orderPrint.customer'), order.customerName],
    [
      t(kind === 'quote' ? 'orderPrint.quoteDate' : 'orderPrint.orderDate'),
      kind === 'quote' ? today.format('YYYY-MM-DD') : order.orderDate,
    ],
    ...(kind === 'quote'
      ? [[t('orderPrint.validUntil'), today.add(QUOTE_VALID_DAYS, 'day').format('YYYY-MM-DD')]]
      : []),
    [t('orderPrint.salesperson'), order.ownerName ?? '—'],
    ...(order.opportunityName ? [[t('orderPrint.opportunity'), order.opportunityName]] : []),
  ];

  return (
    <div className="gx-print-page" data-testid="order-print">
      <Space className="gx-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/orders/${order.id}`)}>
          {t('orderPrint.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="order-print-button"
        >
          {t('orderPrint.print')}
        </Button>
        <Typography.Text type="secondary">{t('orderPrint.pdfHint')}</Typography.Text>
      </Space>
      <div className="gx-print-sheet">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {me.data?.orgName}
        </Typography.Title>
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }} data-testid="order-print-title">
          {title}
        </Typography.Title>
        <dl className="gx-print-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="id"
          // A phone scrolls the lines inside the sheet; paper and desktops have room for them.
          scroll={{ x: 'max-content' }}
          dataSource={order.lines}
          columns={[
            { title: t('orderPrint.lineNo'), dataIndex: 'lineNo', width: 48, align: 'center' },
            { title: t('orderPrint.code'), dataIndex: 'productCode' },
            { title: t('orderPrint.product'), dataIndex: 'productName' },
            { title: t('orderPrint.unit'), dataIndex: 'unit', width: 56, align: 'center' },
            { title: t('orderPrint.quantity'), dataIndex: 'quantity', align: 'right' },
            { title: t('orderPrint.unitPrice'), dataIndex: 'unitPriceFen', align: 'right', render: money },
            {
              title: t('orderPrint.discount'),
              dataIndex: 'discountBp',
              align: 'right',
              render: (bp: number) => (bp ? `${bpToPercent(bp)}%` : '—'),
            },
            { title: t('orderPrint.amount'), dataIndex: 'lineTotalFen', align: 'right', render: money },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={7} align="right">
                <strong>{t('orderPrint.total')}</strong>
                {isChinese && (
                  <span data-testid="order-print-words">
                    （{t('orderPrint.inWords')}：{amountInWords(order.totalFen)}）
                  </span>
                )}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong data-testid="order-print-total">{money(order.totalFen)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        {order.notes && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('orderPrint.notes')}：{order.notes}
          </Typography.Paragraph>
        )}
        {kind === 'quote' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('orderPrint.quoteTerms', { days: QUOTE_VALID_DAYS })}
          </Typography.Paragraph>
        )}
        <div className="gx-print-signatures">
          <div>{t('orderPrint.sellerSign')}</div>
          <div>{t('orderPrint.buyerSign')}</div>
        </div>
      </div>
    </div>
  );
}

export default function OrderPrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const kind: PrintKind = params.get('as') === 'quote' ? 'quote' : 'order';
  return <QueryResult query={useOrder(id)}>{(order) => <OrderDocument order={order} kind={kind} />}</QueryResult>;
}
