import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  DEFAULT_CURRENCY,
  fenToYuan,
  type CustomFieldValues,
  type Order,
  type OrderLineInput,
  yuanToFen,
} from '@guanxi/contract';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { bpToPercent, percentToBp } from './orderDisplay';
import { lineFigures, orderFigures, type LineValues } from './orderGuidance';
import { OrderLinesEditor } from './OrderLinesEditor';
import { OrderTotalsPreview } from './OrderTotalsPreview';
import {
  useCreateOrder,
  useOrder,
  useOrderableOpportunities,
  usePriceGuide,
  useUpdateOrder,
  useWarehouses,
} from './orders.queries';
import { SaveButton } from '../../platform/ui/FormActions';
import { useRecordTitle } from '../../platform/recordTitles';
import { orgToday } from '../../platform/orgToday';
import { CustomFieldsFormSection, customFieldAccessOf, toCustomFieldBody, useLiveCustomFields } from '../custom-fields';

interface FormValues {
  customerId?: string;
  orderDate?: Dayjs | null;
  warehouseId?: string | null;
  opportunityId?: string | null;
  notes?: string;
  lines: LineValues[];
  customFields?: CustomFieldValues;
}

const toLineInput = (line: LineValues): OrderLineInput => {
  const unitPriceFen = line.unitPrice ? yuanToFen(String(line.unitPrice)) : null;
  const discountBp = line.discount ? percentToBp(String(line.discount)) : null;
  return {
    productId: line.productId!,
    quantity: line.quantity!,
    ...(unitPriceFen === null ? {} : { unitPriceFen }),
    ...(discountBp === null ? {} : { discountBp }),
  };
};

/** New order (`/orders/new`, `?customerId=` fixes the customer) or a draft's edit (`/orders/:id/edit`). */
export default function OrderFormPage() {
  const { id } = useParams();
  const existing = useOrder(id);
  if (id && existing.isPending) return <Spin />;
  if (id && existing.isError) return <Alert type="error" showIcon title={existing.error.message} />;
  return <OrderForm order={existing.data} />;
}

function OrderForm({ order }: { order?: Order }) {
  useRecordTitle(order?.id, order?.orderNo);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const showServerErrors = useServerFieldErrors(form);
  const create = useCreateOrder();
  const update = useUpdateOrder(order?.id ?? '');
  const me = useMe();
  const warehouses = useWarehouses(useHasPermission('stock.view'));
  const lines = Form.useWatch('lines', form) ?? [];
  const customerId = Form.useWatch('customerId', form) ?? order?.customerId;
  const warehouseId = Form.useWatch('warehouseId', form) ?? null;
  const currency = order?.currency ?? DEFAULT_CURRENCY;
  const productIds = lines.flatMap((line) => (line?.productId ? [line.productId] : []));
  const guide = usePriceGuide(customerId, warehouseId, productIds);
  const guideByProduct = new Map((guide.data?.products ?? []).map((p) => [p.productId, p]));
  const figures = orderFigures(
    lines.map((line) => lineFigures(line, line?.productId ? guideByProduct.get(line.productId) : undefined)),
  );
  const opportunities = useOrderableOpportunities(customerId);
  const liveFields = useLiveCustomFields('order').data;

  const customFieldsOf = (values: FormValues) => {
    const customFields = toCustomFieldBody({
      fields: liveFields,
      values: values.customFields,
      original: order?.customFields,
      canEdit: (field) => customFieldAccessOf(me.data?.fieldPermissions ?? {}, field) === 'edit',
    });
    return customFields ? { customFields } : {};
  };

  const submit = (values: FormValues) => {
    const body = {
      orderDate: values.orderDate ? values.orderDate.format('YYYY-MM-DD') : undefined,
      warehouseId: values.warehouseId ?? null,
      opportunityId: values.opportunityId ?? null,
      notes: values.notes?.trim() ? values.notes.trim() : null,
      lines: values.lines.map(toLineInput),
      ...customFieldsOf(values),
    };
    const done = (saved: Order) => {
      void message.success(t('common.saved'));
      void navigate(`/orders/${saved.id}`);
    };
    if (order) update.mutate({ ...body, version: order.version }, { onSuccess: done, onError: showServerErrors });
    else {
      const customerId = params.get('customerId') ?? values.customerId!;
      create.mutate({ ...body, customerId }, { onSuccess: done, onError: showServerErrors });
    }
  };

  const initialValues: FormValues = order
    ? {
        orderDate: dayjs(order.orderDate),
        warehouseId: order.warehouseId,
        opportunityId: order.opportunityId,
        notes: order.notes ?? '',
        customFields: order.customFields,
        lines: order.lines.map((l) => ({
          productId: l.productId,
          quantity: l.quantity,
          unitPrice: fenToYuan(l.unitPriceFen),
          discount: l.discountBp ? bpToPercent(l.discountBp) : null,
        })),
      }
    : // A new order is dated today unless the seller says otherwise.
      {
        customerId: params.get('customerId') ?? undefined,
        opportunityId: params.get('opportunityId') ?? undefined,
        orderDate: orgToday(),
        lines: [{ quantity: 1 }],
      };

  return (
    <Card
      title={order ? `${t('order.edit')} ${order.orderNo}` : t('order.new')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(order ? `/orders/${order.id}` : '/orders')}>
          {t('order.back')}
        </Button>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="order-form"
      >
        <Space wrap size="large" align="start">
          {order ? (
            <Form.Item label={t('order.customer')}>
              <Input disabled value={order.customerName} style={{ width: 260 }} />
            </Form.Item>
          ) : (
            <Form.Item
              name="customerId"
              label={t('order.customer')}
              rules={[{ required: true }]}
              style={{ width: 260 }}
            >
              <CustomerPicker placeholder={t('opportunity.customerPlaceholder')} data-testid="opportunity-customer" />
            </Form.Item>
          )}
          <Form.Item name="orderDate" label={t('order.orderDate')}>
            <DatePicker />
          </Form.Item>
          {warehouses.data && (
            <Form.Item name="warehouseId" label={t('order.warehouse')}>
              <Select
                allowClear
                placeholder={t('order.warehouseDefault')}
                options={warehouses.data.map((w) => ({ value: w.id, label: w.name }))}
                style={{ width: 200 }}
              />
            </Form.Item>
          )}
          {customerId && (opportunities.data?.length ?? 0) > 0 && (
            <Form.Item
              name="opportunityId"
              label={t('orderEntry.opportunity')}
              tooltip={t('orderEntry.opportunityHint')}
              style={{ minWidth: 240 }}
            >
              <Select
                allowClear
                placeholder={t('orderEntry.opportunityPlaceholder')}
                options={opportunities.data?.map((o) => ({
                  value: o.id,
                  label: o.status === 'won' ? `${o.name}（${t('orderEntry.opportunityWon')}）` : o.name,
                }))}
                data-testid="order-opportunity"
              />
            </Form.Item>
          )}
        </Space>
        <Typography.Title level={5}>{t('order.lines')}</Typography.Title>
        {guide.data && (
          <Typography.Paragraph type="secondary" data-testid="order-floor-basis">
            {t('orderEntry.floorBasis', { stage: t(`stage.${guide.data.customerStage}`) })}
          </Typography.Paragraph>
        )}
        <OrderLinesEditor
          order={order}
          lines={lines}
          guide={guideByProduct}
          currency={currency}
          sellerIsReader={guide.data ? guide.data.sellerId === me.data?.id : true}
        />
        <OrderTotalsPreview figures={figures} currency={currency} credit={guide.data?.credit} />
        <Form.Item name="notes" label={t('order.notes')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
        <CustomFieldsFormSection entity="order" />
        <SaveButton saving={create.isPending || update.isPending} testId="order-save" />
      </Form>
    </Card>
  );
}
