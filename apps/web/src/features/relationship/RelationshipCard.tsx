import type { Customer, CustomerRelationship } from '@guanxi/contract';
import { Alert, Button, Card, InputNumber, List, Popover, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { DeclineDecisionModal } from './DeclineDecisionModal';
import { PHASE_COLORS } from '../customers';
import { relationshipReasonText } from './reasonText';
import { useCustomerRelationship, useSetRepurchaseInterval } from './relationship.queries';

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

function IntervalEditor({ relationship }: { relationship: CustomerRelationship }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number | null>(relationship.expectedRepurchaseDays);
  const save = useSetRepurchaseInterval(relationship.customerId);
  const content = (
    <Space>
      <InputNumber
        min={1}
        max={3650}
        value={days}
        onChange={(value) => setDays(value)}
        placeholder={t('relationship.intervalPlaceholder')}
        style={{ width: 180 }}
        data-testid="repurchase-days"
      />
      <Button
        type="primary"
        loading={save.isPending}
        onClick={() => save.mutate({ expectedRepurchaseDays: days }, { onSuccess: () => setOpen(false) })}
        data-testid="repurchase-days-save"
      >
        {t('common.save')}
      </Button>
    </Space>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} title={t('relationship.setInterval')}>
      <Button type="link" size="small" data-testid="repurchase-days-edit">
        {t('relationship.setInterval')}
      </Button>
    </Popover>
  );
}

function DecisionHistory({ relationship }: { relationship: CustomerRelationship }) {
  const { t } = useTranslation();
  if (relationship.decisions.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('relationship.history')}</Typography.Text>}
      dataSource={relationship.decisions}
      renderItem={(d) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <Space wrap>
              <Tag color={d.decision === 'win_back' ? 'geekblue' : 'default'}>
                {t(`relationship.decisions.${d.decision}`)}
              </Tag>
              {d.decision === 'win_back' && (
                <Tag color={d.outcome === 'won_back' ? 'success' : 'processing'}>
                  {d.outcome === 'won_back' ? t('relationship.outcomeWonBack') : t('relationship.outcomeOpen')}
                </Tag>
              )}
              {d.checkOn && <span>{t('relationship.checkOnLabel', { date: d.checkOn })}</span>}
              {d.letGoTo && (
                <span>{t('relationship.letGoToLabel', { target: t(`relationship.letGoTargets.${d.letGoTo}`) })}</span>
              )}
            </Space>
            <Typography.Text>{d.reason}</Typography.Text>
            <Typography.Text type="secondary">
              {t('relationship.decisionBy', { name: d.decidedByName, date: day(d.decidedAt) })}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The customer's relationship phase, why, its repurchase interval, and the decline decision when one is due. */
export function RelationshipCard({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const query = useCustomerRelationship(customer.id);
  const canEdit = useHasPermission('customers.edit');
  const canDecide = useHasPermission('lifecycle.move');
  const [deciding, setDeciding] = useState(false);
  const relationship = query.data;
  if (!relationship) return null;
  const { phase, reason } = relationship;
  const followUpDays = relationship.lastFollowUpAt ? dayjs().diff(dayjs(relationship.lastFollowUpAt), 'day') : null;

  return (
    <Card size="small" title={t('relationship.title')} data-testid="relationship-card">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          {phase ? (
            <Tag color={PHASE_COLORS[phase]} data-testid="relationship-phase">
              {t(`relationship.phases.${phase}`)}
            </Tag>
          ) : (
            <Tag data-testid="relationship-phase">{t('relationship.notComputed')}</Tag>
          )}
          {relationship.since && phase && (
            <Typography.Text type="secondary">
              {t('relationship.since', { date: day(relationship.since) })}
            </Typography.Text>
          )}
        </Space>
        <Typography.Text data-testid="relationship-reason">
          {reason ? relationshipReasonText(t, reason, i18n.language) : t('relationship.notComputedHint')}{' '}
          {phase === 'decline' &&
            (followUpDays === null
              ? t('relationship.noFollowUp')
              : t('relationship.lastFollowUp', { days: followUpDays }))}
        </Typography.Text>
        <Space wrap size={4}>
          <Typography.Text type="secondary">{t('relationship.expectedInterval')}:</Typography.Text>
          <Typography.Text>
            {relationship.expectedRepurchaseDays
              ? t('relationship.expectedIntervalDays', { days: relationship.expectedRepurchaseDays })
              : reason?.expectedIntervalDays
                ? `${t('relationship.expectedIntervalDays', { days: reason.expectedIntervalDays })} · ${t(
                    'relationship.expectedIntervalAuto',
                    { source: t(`relationship.intervalSources.${reason.intervalSource ?? 'default'}`) },
                  )}`
                : t('common.empty')}
          </Typography.Text>
          {canEdit && <IntervalEditor key={relationship.expectedRepurchaseDays ?? 0} relationship={relationship} />}
        </Space>
        {relationship.decisionPending && (
          <Alert
            type="warning"
            showIcon
            title={t('relationship.pendingTitle')}
            description={
              <Space orientation="vertical" size={8}>
                <span>{t('relationship.pendingHint')}</span>
                {canDecide && (
                  <Button type="primary" onClick={() => setDeciding(true)} data-testid="decline-decide">
                    {t('relationship.decide')}
                  </Button>
                )}
              </Space>
            }
          />
        )}
        <DecisionHistory relationship={relationship} />
      </Space>
      <DeclineDecisionModal customerId={customer.id} open={deciding} onClose={() => setDeciding(false)} />
    </Card>
  );
}
