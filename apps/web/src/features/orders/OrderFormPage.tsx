import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  DEFAULT_CURRENCY,
  fenToYuan,
  MAX_ORDER_LINES,
  type Order,
  type OrderLineInput,
  yuanToFen,
} from '@guanxi/contract';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useHasPermission } from '../../platform/session.queries';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { useFormatMoney } from '../../platform/money';
import { bpToPercent, lineTotalFen, percentToBp } from './orderDisplay';
import { useCreateOrder, useOrder, useUpdateOrder, useWarehouses } from './orders.queries';
import { ProductSelect } from './ProductSelect';
import { SaveButton } from '../../platform/ui/FormActions';
import { NewButton } from '../../platform/ui/NewButton';

interface LineValues {
  productId?: string;
  quantity?: number;
  /** Yuan as typed (string mode, no float); empty → list price. */
  unitPrice?: string | null;
  /** Percent as typed; empty → no discount. */
  discount?: string | null;
}
interface FormValues {
  customerId?: string;
  orderDate?: Dayjs | null;
  warehouseId?: string | null;
  notes?: string;
  lines: LineValues[];
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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const showServerErrors = useServerFieldErrors(form);
  const create = useCreateOrder();
  const update = useUpdateOrder(order?.id ?? '');
  const formatMoney = useFormatMoney();
  const warehouses = useWarehouses(useHasPermission('stock.view'));
  /** List prices of the products picked or already on the order, for the live totals. */
  const [listPrices, setListPrices] = useState<Record<string, number>>(
    Object.fromEntries((order?.lines ?? []).map((l) => [l.productId, l.listPriceFen])),
  );
  const lines = Form.useWatch('lines', form) ?? [];
  const currency = order?.currency ?? DEFAULT_CURRENCY;

  const totalOf = (line: LineValues | undefined): number | null => {
    if (!line?.productId || !line.quantity) return null;
    const price = line.unitPrice ? yuanToFen(String(line.unitPrice)) : listPrices[line.productId];
    const bp = line.discount ? percentToBp(String(line.discount)) : 0;
    if (price === null || price === undefined || bp === null) return null;
    return lineTotalFen(line.quantity, price, bp);
  };
  const total = lines.reduce((sum, line) => sum + (totalOf(line) ?? 0), 0);

  const submit = (values: FormValues) => {
    const body = {
      orderDate: values.orderDate ? values.orderDate.format('YYYY-MM-DD') : undefined,
      warehouseId: values.warehouseId ?? null,
      notes: values.notes?.trim() ? values.notes.trim() : null,
      lines: values.lines.map(toLineInput),
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
        notes: order.notes ?? '',
        lines: order.lines.map((l) => ({
          productId: l.productId,
          quantity: l.quantity,
          unitPrice: fenToYuan(l.unitPriceFen),
          discount: l.discountBp ? bpToPercent(l.discountBp) : null,
        })),
      }
    : // A new order is dated today unless the seller says otherwise.
      { customerId: params.get('customerId') ?? undefined, orderDate: dayjs(), lines: [{ quantity: 1 }] };
  const priceRule = {
    validator: (_: unknown, value: string | null | undefined) =>
      !value || yuanToFen(String(value)) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('order.priceInvalid'))),
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
        </Space>
        <Typography.Title level={5}>{t('order.lines')}</Typography.Title>
        <Form.List name="lines">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap data-testid="order-line">
                  <Form.Item
                    name={[field.name, 'productId']}
                    rules={[{ required: true, message: t('order.productRequired') }]}
                    style={{ width: 280 }}
                  >
                    <ProductSelect
                      initialOption={
                        order?.lines[index]
                          ? {
                              value: order.lines[index].productId,
                              label: `${order.lines[index].productCode} ${order.lines[index].productName}`,
                            }
                          : undefined
                      }
                      onPicked={(p) => setListPrices((current) => ({ ...current, [p.id]: p.listPriceFen }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[{ required: true, message: t('order.quantityRequired') }]}
                  >
                    <InputNumber
                      min={1}
                      max={10_000_000}
                      precision={0}
                      placeholder={t('order.quantity')}
                      data-testid="order-line-quantity"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitPrice']} rules={[priceRule]}>
                    <InputNumber<string>
                      stringMode
                      min="0"
                      precision={2}
                      placeholder={t('order.unitPriceHint')}
                      style={{ width: 150 }}
                      data-testid="order-line-price"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'discount']}>
                    <InputNumber<string>
                      stringMode
                      min="0"
                      max="100"
                      precision={2}
                      placeholder={t('order.discount')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Typography.Text style={{ lineHeight: '32px', minWidth: 110, display: 'inline-block' }}>
                    {totalOf(lines[index]) === null ? '—' : formatMoney(totalOf(lines[index])!, currency)}
                  </Typography.Text>
                  {fields.length > 1 && (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('order.removeLine')}
                    />
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < MAX_ORDER_LINES && (
                <NewButton type="dashed" onClick={() => add({ quantity: 1 })} data-testid="order-add-line">
                  {t('order.addLine')}
                </NewButton>
              )}
            </>
          )}
        </Form.List>
        <Typography.Title level={4} style={{ marginTop: 16 }} data-testid="order-form-total">
          {t('order.total')}: {formatMoney(total, currency)}
        </Typography.Title>
        <Form.Item name="notes" label={t('order.notes')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
        <SaveButton saving={create.isPending || update.isPending} testId="order-save" />
      </Form>
    </Card>
  );
}
