import type { OwnershipEvent, StageTransition } from '@guanxi/contract';
import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { useEffect } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type TimelineEntry, useFieldChangeEntries } from '../customers';
import { useFollowUpTimeline } from '../follow-ups';
import { useOwnershipEvents } from '../pools';
import { eventText, ruleText } from './lifecycleCodes';
import { useStageTransitions } from './lifecycle.queries';

type Entry = TimelineEntry;

function Line({ title, actor, details }: { title: string; actor: string; details: (string | null)[] }) {
  return (
    <div data-testid="timeline-entry">
      <Typography.Text strong>{title}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{actor}</Typography.Text>
      </div>
      {details.filter(Boolean).map((text) => (
        <div key={text} style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </div>
      ))}
    </div>
  );
}

/**
 * Follow-ups, stage transitions, ownership events and (for audit readers) field changes of a customer,
 * newest first, with who and why; `extraEntries` adds other modules' events (orders, payments …).
 * Each new `composeSignal` above zero opens the follow-up form (the page's "write follow-up").
 */
export function CustomerTimeline({
  customerId,
  extraEntries = [],
  composeSignal = 0,
}: {
  customerId: string;
  extraEntries?: Entry[];
  composeSignal?: number;
}) {
  const { t } = useTranslation();
  const transitions = useStageTransitions(customerId);
  const events = useOwnershipEvents(customerId);
  const fieldChanges = useFieldChangeEntries(customerId);
  const followUps = useFollowUpTimeline({ customerId });
  const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');
  const { openForm } = followUps;
  useEffect(() => {
    if (composeSignal > 0) openForm();
    // Only a new signal opens the form; the function changes with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [composeSignal]);

  if (transitions.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  const fromTransition = (row: StageTransition): Entry => ({
    key: `t-${row.id}`,
    at: row.at,
    color: row.to === 'lost' ? 'red' : 'blue',
    content: (
      <Line
        title={
          row.from
            ? t('lifecycle.transition', { from: t(`stage.${row.from}`), to: t(`stage.${row.to}`) })
            : t('lifecycle.created', { to: t(`stage.${row.to}`) })
        }
        actor={`${time(row.at)} · ${row.actorName ?? ruleText(t, row.ruleId)}`}
        details={[
          row.reason,
          row.approverName ? t('lifecycle.approver', { name: row.approverName }) : null,
          eventText(t, row.triggeringEvent),
        ]}
      />
    ),
  });
  const systemReasons: Record<string, string> = t('ownership.systemReason', { returnObjects: true });
  const systemReason = (reason: string) => systemReasons[reason] ?? reason;
  const fromEvent = (row: OwnershipEvent): Entry => ({
    key: `o-${row.id}`,
    at: row.at,
    color: 'green',
    content: (
      <Line
        title={t(`ownership.event_${row.kind}`)}
        actor={`${time(row.at)} · ${row.actorName ?? t('ownership.byRule')}`}
        details={[row.reason === null ? null : systemReason(row.reason)]}
      />
    ),
  });
  const entries = [
    ...(transitions.data?.items ?? []).map(fromTransition),
    ...(events.data?.items ?? []).map(fromEvent),
    ...fieldChanges,
    ...followUps.entries,
    ...extraEntries,
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <>
      {transitions.isError && <Alert type="error" showIcon title={transitions.error.message} />}
      {followUps.toolbar}
      {entries.length === 0 ? (
        <Empty description={t('lifecycle.timelineEmpty')} />
      ) : (
        <Timeline
          data-testid="customer-timeline"
          items={entries.map((entry) => ({ key: entry.key, color: entry.color, content: entry.content }))}
        />
      )}
    </>
  );
}
