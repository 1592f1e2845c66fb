import { MAX_STOCK_QUANTITY, STOCK_MOVEMENT_KINDS, type StockMovementKind } from '@guanxi/contract';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useProductOptions, useRecordMovement, useWarehouses } from './stock.queries';
import { WarehouseSelect } from './WarehouseSelect';
import { FormDrawer } from '../../platform/ui/FormDrawer';

interface FormValues {
  kind: StockMovementKind;
  warehouseId: string;
  toWarehouseId?: string;
  productId: string;
  quantity: number;
  reason?: string;
}

/** Kinds that must say why (the server checks the same). */
const REASON_REQUIRED: readonly StockMovementKind[] = ['issue', 'transfer', 'adjustment'];

/** Records a receipt, manual issue, transfer or adjustment; applied at once. */
export function MovementDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={onClose} title={t('stock.newMovement')} size={480}>
      <MovementForm onClose={onClose} />
    </FormDrawer>
  );
}

function ProductSelect(props: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const products = useProductOptions(q);
  return (
    <Select<string>
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('stock.searchProduct')}
      loading={products.isFetching}
      options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
      data-testid="stock-movement-product"
    />
  );
}

function MovementForm({ onClose }: { onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>();
  const record = useRecordMovement();
  const warehouses = useWarehouses();
  const kind = Form.useWatch('kind', form) ?? 'receipt';
  const defaultWarehouse = warehouses.data?.find((w) => w.isDefault)?.id;

  const submit = (values: FormValues) =>
    record.mutate(
      {
        kind: values.kind,
        warehouseId: values.warehouseId,
        toWarehouseId: values.kind === 'transfer' ? (values.toWarehouseId ?? null) : null,
        productId: values.productId,
        quantity: values.quantity,
        reason: values.reason?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('stock.recorded'));
          onClose();
        },
        onError: showServerErrors,
      },
    );

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'receipt', warehouseId: defaultWarehouse }}
      onFinish={submit}
      data-testid="stock-movement-form"
    >
      <Form.Item name="kind" label={t('stock.kind')} rules={[{ required: true }]}>
        <Select
          options={STOCK_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`stock.kinds.${k}`) }))}
          data-testid="stock-movement-kind"
        />
      </Form.Item>
      <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={[{ required: true }]}>
        <WarehouseSelect data-testid="stock-movement-warehouse" />
      </Form.Item>
      {kind === 'transfer' && (
        <Form.Item
          name="toWarehouseId"
          label={t('stock.toWarehouse')}
          dependencies={['warehouseId']}
          rules={[{ required: true }]}
        >
          <WarehouseSelect />
        </Form.Item>
      )}
      <Form.Item name="productId" label={t('stock.product')} rules={[{ required: true }]}>
        <ProductSelect />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('stock.quantity')}
        extra={kind === 'adjustment' ? t('stock.quantityHint') : undefined}
        rules={[{ required: true }]}
      >
        <InputNumber<number>
          precision={0}
          min={kind === 'adjustment' ? -MAX_STOCK_QUANTITY : 1}
          max={MAX_STOCK_QUANTITY}
          style={{ width: '100%' }}
          data-testid="stock-movement-quantity"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('stock.reason')}
        rules={[{ required: REASON_REQUIRED.includes(kind), whitespace: true, max: 500 }]}
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('stock.reasonPlaceholder')}
          data-testid="stock-movement-reason"
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="stock-movement-submit">
          {t('common.save')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
