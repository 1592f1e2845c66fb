import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { CreditWarning, Order, OrderLine, OrderStatus } from '@guanxi/contract';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Popconfirm,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../platform/api';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { OrderPaymentsSection } from '../payments';
import { OrderStatusTag } from './orderDisplay';
import { FirstOrderTag } from '../../platform/ui/FirstOrderTag';
import { useDeleteOrder, useOrder, useOrderAction, type OrderAction, type OrderActionBody } from './orders.queries';
import { ReasonModal } from './ReasonModal';
import { ListTable } from '../../platform/ui/ListTable';
import { useRecordTitle } from '../../platform/recordTitles';
import { useCustomFieldDescriptionItems } from '../custom-fields';

const STEPS = ['draft', 'submitted', 'confirmed', 'shipped', 'completed'] as const;
const STEP_OF: Record<OrderStatus, number> = {
  draft: 0,
  pending_approval: 1,
  submitted: 1,
  confirmed: 2,
  shipped: 3,
  completed: 4,
  cancelled: 0,
};

/** The order's progress: the current step, "process" while waiting for approval or confirmation. */
function OrderSteps({ order }: { order: Order }) {
  const { t } = useTranslation();
  const status = order.status;
  return (
    <Steps
      size="small"
      current={STEP_OF[status]}
      status={status === 'cancelled' ? 'error' : status === 'pending_approval' ? 'process' : 'finish'}
      items={STEPS.map((s) => ({
        title:
          s === 'submitted' && status === 'pending_approval'
            ? t('order.statusNames.pending_approval')
            : t(`order.steps.${s}`),
      }))}
    />
  );
}

function useLineColumns(currency: string) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  return [
    { title: '#', dataIndex: 'lineNo', width: 50 },
    {
      title: t('order.product'),
      dataIndex: 'productName',
      render: (name: string, l: OrderLine) => `${l.productCode} ${name}`,
    },
    {
      title: t('order.quantity'),
      dataIndex: 'quantity',
      align: 'right' as const,
      render: (q: number, l: OrderLine) => `${q} ${l.unit}`,
    },
    {
      title: t('order.listPrice'),
      dataIndex: 'listPriceFen',
      align: 'right' as const,
      render: (f: number) => formatMoney(f, currency),
    },
    {
      title: t('order.unitPrice'),
      dataIndex: 'unitPriceFen',
      align: 'right' as const,
      render: (f: number) => formatMoney(f, currency),
    },
    {
      title: t('order.discount'),
      dataIndex: 'discountBp',
      align: 'right' as const,
      render: (bp: number) => (bp ? `${bp / 100}%` : '—'),
    },
    {
      title: t('order.lineTotal'),
      dataIndex: 'lineTotalFen',
      align: 'right' as const,
      render: (f: number) => formatMoney(f, currency),
    },
  ];
}

/** 订单详情: header with status steps, lines and totals, and the actions the state and role allow. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const { t } = useTranslation();
  if (order.isPending) return <Spin />;
  if (order.isError) {
    return (
      <Card>
        <Alert type="error" showIcon title={order.error.message} />
        <Link to="/orders">{t('order.back')}</Link>
      </Card>
    );
  }
  return <OrderDetail order={order.data} />;
}

type ReasonAction = 'cancel' | 'credit-override' | 'confirm-override';

function OrderDetail({ order }: { order: Order }) {
  const customItems = useCustomFieldDescriptionItems('order', order.customFields);
  useRecordTitle(order.id, order.orderNo);
  const { t } = useTranslation();
  const { message, modal: dialogs } = App.useApp();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const act = useOrderAction(order.id);
  const remove = useDeleteOrder();
  const [reasonFor, setReasonFor] = useState<ReasonAction | null>(null);
  const [warning, setWarning] = useState<CreditWarning | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const can = {
    edit: useHasPermission('orders.edit'),
    cancel: useHasPermission('orders.cancel'),
    delete: useHasPermission('orders.delete'),
    confirm: useHasPermission('orders.confirm'),
    ship: useHasPermission('stock.issue'),
    override: useHasPermission('credit.override'),
  };
  const lineColumns = useLineColumns(order.currency);
  const status = order.status;

  const run = (action: OrderAction, body: OrderActionBody = {}) =>
    act.mutate(
      { action, body: { version: order.version, ...body } },
      {
        onSuccess: (updated) => {
          setReasonFor(null);
          setBlocked(null);
          setWarning(updated.creditWarning ?? null);
          void message.success(t('common.saved'));
        },
        onError: (error) => {
          // Over the credit limit (422) stays on the page with the server's text and the ways out.
          if (action === 'confirm' && isApiError(error) && error.status === 422) setBlocked(error.message);
          void message.error(error.message);
        },
      },
    );

  // The primary button that moves the order one step on; its test id and label follow the action.
  // Confirming commits the company: say what follows before it happens.
  const askToConfirm = () =>
    void dialogs.confirm({
      title: t('order.confirmDialogTitle', { orderNo: order.orderNo }),
      content: t('order.confirmDialogConsequence', {
        amount: formatMoney(order.totalFen, order.currency),
        customer: order.customerName,
      }),
      okText: t('order.confirm'),
      okButtonProps: { 'data-testid': 'order-confirm-ok' } as Record<string, string>,
      onOk: () => run('confirm'),
    });

  const stepButton = (action: 'submit' | 'confirm' | 'ship' | 'complete') => (
    <Button
      key={action}
      type="primary"
      loading={act.isPending}
      onClick={() => (action === 'confirm' ? askToConfirm() : run(action))}
      data-testid={`order-${action}`}
    >
      {t(`order.${action}`)}
    </Button>
  );

  const actions = [
    status === 'draft' && can.edit && (
      <Button key="edit" onClick={() => void navigate(`/orders/${order.id}/edit`)}>
        {t('order.edit')}
      </Button>
    ),
    status === 'draft' && can.edit && stepButton('submit'),
    status === 'submitted' && can.confirm && stepButton('confirm'),
    status === 'submitted' && !order.creditOverrideReason && can.edit && (
      <Button key="override" onClick={() => setReasonFor('credit-override')} data-testid="order-credit-override">
        {t('order.creditOverride')}
      </Button>
    ),
    status === 'confirmed' && can.ship && stepButton('ship'),
    status === 'shipped' && can.confirm && stepButton('complete'),
    ((['draft', 'pending_approval', 'submitted'].includes(status) && can.cancel) ||
      (status === 'confirmed' && can.confirm)) && (
      <Button key="cancel" danger onClick={() => setReasonFor('cancel')} data-testid="order-cancel">
        {t('order.cancel')}
      </Button>
    ),
    (status === 'draft' || status === 'cancelled') && can.delete && (
      <Popconfirm
        key="delete"
        title={t('order.deleteConfirm')}
        onConfirm={() =>
          remove.mutate(order.id, {
            onSuccess: () => void navigate('/orders'),
            onError: (e) => void message.error(e.message),
          })
        }
      >
        <Button danger type="text">
          {t('order.delete')}
        </Button>
      </Popconfirm>
    ),
  ].filter(Boolean);

  const reasonModal: Record<
    ReasonAction,
    { title: string; label: string; hint?: string; submit: (reason: string) => void }
  > = {
    cancel: {
      title: t('order.cancelTitle'),
      label: t('order.cancelReason'),
      submit: (reason) => run('cancel', { reason }),
    },
    'credit-override': {
      title: t('order.creditOverrideTitle'),
      label: t('order.creditOverrideReason'),
      hint: t('order.creditOverrideHint'),
      submit: (reason) => run('credit-override', { reason }),
    },
    'confirm-override': {
      title: t('order.confirmOverrideTitle'),
      label: t('order.creditOverrideReason'),
      hint: t('order.confirmOverrideHint'),
      submit: (creditOverrideReason) => run('confirm', { creditOverrideReason }),
    },
  };
  const modal = reasonFor ? reasonModal[reasonFor] : null;

  return (
    <Card
      title={
        <Space>
          <span data-testid="order-no">{order.orderNo}</span>
          <OrderStatusTag status={status} />
          {order.isFirstOrder && <FirstOrderTag />}
        </Space>
      }
      extra={
        <Space wrap>
          {status !== 'cancelled' && (
            <Dropdown
              menu={{
                items: [
                  { key: 'order', label: t('orderPrint.printOrder') },
                  { key: 'quote', label: t('orderPrint.printQuote') },
                ],
                onClick: ({ key }) => void navigate(`/orders/${order.id}/print${key === 'quote' ? '?as=quote' : ''}`),
              }}
            >
              <Button icon={<PrinterOutlined />} data-testid="order-print-menu">
                {t('orderPrint.print')}
              </Button>
            </Dropdown>
          )}
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/orders')}>
            {t('order.back')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <OrderSteps order={order} />
        {warning && (
          <Alert
            type="warning"
            showIcon
            data-testid="order-credit-warning"
            title={t('order.creditWarning', {
              limit: formatMoney(warning.limitFen, order.currency),
              outstanding: formatMoney(warning.outstandingFen, order.currency),
              order: formatMoney(warning.orderFen, order.currency),
            })}
          />
        )}
        {blocked && status === 'submitted' && (
          <Alert
            type="error"
            showIcon
            data-testid="order-credit-blocked"
            title={t('order.creditBlocked')}
            description={blocked}
            action={
              can.override && (
                <Button size="small" onClick={() => setReasonFor('confirm-override')}>
                  {t('order.confirmOverrideTitle')}
                </Button>
              )
            }
          />
        )}
        {actions.length > 0 && <Space wrap>{actions}</Space>}
        <Descriptions
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'customer',
              label: t('order.customer'),
              children: <Link to={`/customers/${order.customerId}`}>{order.customerName}</Link>,
            },
            { key: 'owner', label: t('order.owner'), children: order.ownerName ?? '—' },
            ...(order.opportunityId
              ? [
                  {
                    key: 'opportunity',
                    label: t('orderEntry.opportunity'),
                    children: (
                      <Link to={`/opportunities/${order.opportunityId}`} data-testid="order-opportunity-link">
                        {order.opportunityName ?? t('common.empty')}
                      </Link>
                    ),
                  },
                ]
              : []),
            { key: 'date', label: t('order.orderDate'), children: order.orderDate },
            {
              key: 'total',
              label: t('order.total'),
              children: <b data-testid="order-total">{formatMoney(order.totalFen, order.currency)}</b>,
            },
            { key: 'paid', label: t('order.paid'), children: formatMoney(order.paidFen, order.currency) },
            ...(can.confirm
              ? [{ key: 'cost', label: t('order.cost'), children: formatMoney(order.costFen, order.currency) }]
              : []),
            {
              key: 'created',
              label: t('order.createdAt'),
              children: dayjs(order.createdAt).format('YYYY-MM-DD HH:mm'),
            },
            ...(order.notes ? [{ key: 'notes', label: t('order.notes'), children: order.notes }] : []),
            ...(order.cancelReason
              ? [{ key: 'cancel', label: t('order.cancelReason'), children: order.cancelReason }]
              : []),
            ...customItems,
          ]}
        />
        {order.creditOverrideReason && (
          <Alert
            type="info"
            showIcon
            title={t('order.creditOverrideStored', {
              reason: order.creditOverrideReason,
              by: order.creditOverrideByName ?? '—',
            })}
          />
        )}
        {order.approvals.length > 0 && (
          <Space wrap data-testid="order-approvals">
            <Typography.Text strong>{t('order.approval')}:</Typography.Text>
            {order.approvals.map((a) => (
              <Tag
                key={a.requestId}
                color={a.status === 'pending' ? 'orange' : a.status === 'approved' ? 'green' : 'default'}
              >
                {t(`order.approvalType.${a.businessType}`)} · {t(`order.approvalStatus.${a.status as 'pending'}`)}
              </Tag>
            ))}
            <Link to="/approvals">{t('order.viewApprovals')}</Link>
          </Space>
        )}
        <ListTable<OrderLine>
          size="small"
          columns={lineColumns}
          rows={order.lines}
          scroll={{ x: 800 }}
          testId="order-lines"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={6}>
                {t('order.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <b>{formatMoney(order.totalFen, order.currency)}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <OrderPaymentsSection orderId={order.id} />
      </Space>
      {modal && (
        <ReasonModal
          open
          title={modal.title}
          label={modal.label}
          hint={modal.hint}
          loading={act.isPending}
          onOk={modal.submit}
          onCancel={() => setReasonFor(null)}
        />
      )}
    </Card>
  );
}
