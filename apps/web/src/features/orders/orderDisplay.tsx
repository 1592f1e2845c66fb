import type { OrderStatus } from '@guanxi/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<OrderStatus, string> = {
  draft: 'default',
  pending_approval: 'orange',
  submitted: 'gold',
  confirmed: 'blue',
  shipped: 'cyan',
  completed: 'green',
  cancelled: 'red',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="order-status">
      {t(`order.statusNames.${status}`)}
    </Tag>
  );
}

/** Percent as typed ("12.5") to basis points (1250), without floats; null when not such a number. */
export function percentToBp(percent: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(percent.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

/** Basis points as a percent string for the form (1250 → "12.5"). */
export const bpToPercent = (bp: number): string => String(bp / 100);

/** The line total the server will compute: round(q × price × (10000 − bp) / 10000), in exact integers. */
export function lineTotalFen(quantity: number, unitPriceFen: number, discountBp: number): number {
  const gross = BigInt(quantity) * BigInt(unitPriceFen) * BigInt(10000 - discountBp);
  return Number((gross + 5000n) / 10000n);
}
