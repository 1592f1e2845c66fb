import type { CustomerEvent } from '@guanxi/contract';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import type { TimelineEntry } from '../customers';
import { useCustomerEvents } from './customer360.queries';

const COLORS: Record<string, string> = {
  order: 'purple',
  payment: 'gold',
  approval: 'orange',
  opportunity: 'geekblue',
};

/** Where an event's record opens. */
function pathOf(event: CustomerEvent): string {
  if (event.kind.startsWith('opportunity_')) return `/opportunities/${event.subjectId}`;
  if (event.kind.startsWith('approval_')) return `/approvals?open=${event.subjectId}`;
  return `/orders/${event.subjectId}`;
}

/**
 * The customer's orders, payments, approvals and opportunity moves as timeline entries: one sentence
 * each ("收到订单 SO-… 的回款 ¥4,000.00"), then who and when, then the reason where there is one.
 */
export function useCustomerEventEntries(customerId: string): TimelineEntry[] {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const events = useCustomerEvents(customerId);
  return (events.data ?? []).map((event) => {
    const sentence = t(`customer360.events.${event.kind}`, {
      subject: event.subject,
      amount: event.amountFen === null ? '' : money(event.amountFen, event.currency ?? undefined),
      from: event.fromStage ?? '',
      to: event.toStage ?? '',
    });
    const lost = event.kind === 'opportunity_lost' || event.kind === 'approval_rejected';
    return {
      key: `e-${event.id}`,
      at: event.at,
      color: lost ? 'red' : (COLORS[event.kind.split('_')[0]!] ?? 'blue'),
      content: (
        <div data-testid="timeline-entry" data-kind={event.kind}>
          <Link to={pathOf(event)}>
            <Typography.Text strong>{sentence}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary">
              {dayjs(event.at).format('YYYY-MM-DD HH:mm')} · {event.actorName ?? t('customer360.bySystem')}
            </Typography.Text>
          </div>
          {event.reason && (
            <div style={{ whiteSpace: 'pre-wrap' }}>{t('customer360.reason', { reason: event.reason })}</div>
          )}
        </div>
      ),
    };
  });
}
