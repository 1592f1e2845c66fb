import { DeleteOutlined } from '@ant-design/icons';
import { MAX_ORDER_LINES, yuanToFen, type Order, type OrderPriceGuideProduct } from '@guanxi/contract';
import { Button, Form, Grid, InputNumber, Space, Table, Typography, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { NewButton } from '../../platform/ui/NewButton';
import { PhoneCardList } from '../../platform/ui/PhoneCardList';
import { lineFigures, type LineFigures, type LineValues } from './orderGuidance';
import { ProductSelect } from './ProductSelect';

interface OrderLinesEditorProps {
  /** The draft being edited: its lines name their products before any search. */
  order?: Order | undefined;
  lines: LineValues[];
  guide: ReadonlyMap<string, OrderPriceGuideProduct>;
  currency: string;
  /** Whether the price authority that applies is the reader's own (else the customer owner's). */
  sellerIsReader: boolean;
}

const cell = { margin: 0 };

/**
 * The order lines as a table with headers (issue 14 §7): per line the unit, what the warehouse can
 * still give, the list price and the seller's floor next to the quantity, price and discount typed,
 * and under a line what it will cause — a price approval, a stock shortage — before it is submitted.
 * On a phone each line is a card with the same fields.
 */
export function OrderLinesEditor({ order, lines, guide, currency, sellerIsReader }: OrderLinesEditorProps) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const isPhone = Grid.useBreakpoint().md === false;
  const money = (fen: number | undefined) => (fen === undefined ? '—' : formatMoney(fen, currency));
  const guideOf = (index: number) => {
    const id = lines[index]?.productId;
    return id ? guide.get(id) : undefined;
  };
  const figuresOf = (index: number): LineFigures | null => lineFigures(lines[index], guideOf(index));
  const priceRule = {
    validator: (_: unknown, value: string | null | undefined) =>
      !value || yuanToFen(String(value)) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('order.priceInvalid'))),
  };

  const notices = (index: number): ReactNode => {
    const figures = figuresOf(index);
    if (!figures) return null;
    const unit = guideOf(index)?.unit ?? '';
    const items: ReactNode[] = [];
    if (figures.belowFloor)
      items.push(
        <Typography.Text key="floor" type="danger" data-testid="order-line-below-floor">
          {t(sellerIsReader ? 'orderEntry.belowYourFloor' : 'orderEntry.belowSellerFloor', {
            floor: money(figures.floorFen),
          })}
        </Typography.Text>,
      );
    if (figures.short)
      items.push(
        <Typography.Text key="stock" type="warning" data-testid="order-line-stock-short">
          {t('orderEntry.stockShort', { available: figures.available, unit })}
        </Typography.Text>,
      );
    return items.length > 0 ? (
      <Space orientation="vertical" size={0}>
        {items}
      </Space>
    ) : null;
  };

  const columns = (remove: (index: number) => void, count: number) => [
    {
      key: 'product',
      title: t('orderEntry.product'),
      width: 240,
      render: (_: unknown, field: FormListFieldData, index: number) => (
        <Form.Item
          name={[field.name, 'productId']}
          rules={[{ required: true, message: t('order.productRequired') }]}
          style={cell}
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
          />
        </Form.Item>
      ),
    },
    {
      key: 'unit',
      title: t('orderEntry.unit'),
      width: 56,
      render: (_: unknown, __: FormListFieldData, index: number) => guideOf(index)?.unit ?? '—',
    },
    {
      key: 'available',
      title: t('orderEntry.available'),
      width: 80,
      align: 'right' as const,
      render: (_: unknown, __: FormListFieldData, index: number) => {
        const available = guideOf(index)?.availableQuantity;
        return available === null || available === undefined ? '—' : available.toLocaleString();
      },
    },
    {
      key: 'listPrice',
      title: t('orderEntry.listPrice'),
      width: 110,
      align: 'right' as const,
      render: (_: unknown, __: FormListFieldData, index: number) => money(guideOf(index)?.listPriceFen),
    },
    {
      key: 'floor',
      title: t(sellerIsReader ? 'orderEntry.yourFloor' : 'orderEntry.sellerFloor'),
      width: 110,
      align: 'right' as const,
      render: (_: unknown, __: FormListFieldData, index: number) => money(guideOf(index)?.floorFen),
    },
    {
      key: 'quantity',
      title: t('orderEntry.quantity'),
      width: 100,
      render: (_: unknown, field: FormListFieldData) => (
        <Form.Item
          name={[field.name, 'quantity']}
          rules={[{ required: true, message: t('order.quantityRequired') }]}
          style={cell}
        >
          <InputNumber
            min={1}
            max={10_000_000}
            precision={0}
            aria-label={t('orderEntry.quantity')}
            style={{ width: '100%' }}
            data-testid="order-line-quantity"
          />
        </Form.Item>
      ),
    },
    {
      key: 'unitPrice',
      title: t('orderEntry.unitPrice'),
      width: 130,
      render: (_: unknown, field: FormListFieldData) => (
        <Form.Item name={[field.name, 'unitPrice']} rules={[priceRule]} style={cell}>
          <InputNumber<string>
            stringMode
            min="0"
            precision={2}
            placeholder={t('orderEntry.unitPriceHint')}
            aria-label={t('orderEntry.unitPrice')}
            style={{ width: '100%' }}
            data-testid="order-line-price"
          />
        </Form.Item>
      ),
    },
    {
      key: 'discount',
      title: t('orderEntry.discount'),
      width: 90,
      render: (_: unknown, field: FormListFieldData) => (
        <Form.Item name={[field.name, 'discount']} style={cell}>
          <InputNumber<string>
            stringMode
            min="0"
            max="100"
            precision={2}
            aria-label={t('orderEntry.discount')}
            style={{ width: '100%' }}
            data-testid="order-line-discount"
          />
        </Form.Item>
      ),
    },
    {
      key: 'subtotal',
      title: t('orderEntry.subtotal'),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, __: FormListFieldData, index: number) => (
        <span data-testid="order-line-total">{money(figuresOf(index)?.totalFen)}</span>
      ),
    },
    ...(isPhone
      ? [
          {
            key: 'notices',
            title: '',
            render: (_: unknown, __: FormListFieldData, index: number) => notices(index),
          },
        ]
      : []),
    {
      key: 'actions',
      title: '',
      width: 48,
      render: (_: unknown, field: FormListFieldData) =>
        count > 1 ? (
          <Button
            icon={<DeleteOutlined />}
            onClick={() => remove(field.name)}
            aria-label={t('order.removeLine')}
            danger={isPhone}
          >
            {isPhone ? t('order.removeLine') : null}
          </Button>
        ) : null,
    },
  ];

  return (
    <Form.List name="lines">
      {(fields, { add, remove }, { errors }) => (
        <>
          {isPhone ? (
            <PhoneCardList<FormListFieldData>
              rows={fields}
              columns={columns(remove, fields.length)}
              layout={{
                title: 'product',
                fields: [
                  'quantity',
                  'unitPrice',
                  'discount',
                  'unit',
                  'available',
                  'listPrice',
                  'floor',
                  'subtotal',
                  'notices',
                ],
              }}
              rowKey="key"
              testId="order-lines"
            />
          ) : (
            <Table<FormListFieldData>
              dataSource={fields}
              columns={columns(remove, fields.length)}
              rowKey="key"
              pagination={false}
              size="small"
              tableLayout="fixed"
              data-testid="order-lines"
              onRow={() => ({ 'data-testid': 'order-line' }) as React.HTMLAttributes<HTMLElement>}
              expandable={{
                showExpandColumn: false,
                expandedRowKeys: fields.filter((field) => notices(field.name) !== null).map((field) => field.key),
                expandedRowRender: (field) => notices(field.name),
              }}
            />
          )}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_ORDER_LINES && (
            <NewButton
              type="dashed"
              onClick={() => add({ quantity: 1 })}
              style={{ marginTop: 8 }}
              data-testid="order-add-line"
            >
              {t('order.addLine')}
            </NewButton>
          )}
        </>
      )}
    </Form.List>
  );
}
