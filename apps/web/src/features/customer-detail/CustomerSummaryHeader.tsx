import {
  CheckSquareOutlined,
  EditOutlined,
  FundOutlined,
  PhoneOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import type { Customer, CustomerSummary } from '@guanxi/contract';
import { Button, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatMoneyCompact } from '../../platform/money';
import { useHasPermission } from '../../platform/session.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { RfmSegmentTag } from '../../platform/ui/RfmSegmentTag';
import { OpportunityFormDrawer } from '../opportunities';
import { TaskFormDrawer } from '../tasks';
import { useCustomerSummary } from './customer360.queries';

/** One number of the header: a small statistic that wraps on a phone. */
function Figure({ title, value, testId }: { title: string; value: React.ReactNode; testId: string }) {
  return (
    <Col xs={12} sm={8} lg={6} xl={4}>
      <Statistic
        title={title}
        valueRender={() => (
          <span style={{ fontSize: 16, wordBreak: 'break-word' }} data-testid={testId}>
            {value}
          </span>
        )}
      />
    </Col>
  );
}

function Figures({ summary, rfmSegment }: { summary: CustomerSummary; rfmSegment: Customer['rfmSegment'] }) {
  const { t } = useTranslation();
  const money = useFormatMoneyCompact();
  const date = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : t('customer360.never'));
  const amount = (fen: number | null) => (fen === null ? null : money(fen, summary.currency));
  const reclaim =
    summary.daysUntilReclaim === null ? (
      t('customer360.reclaimNever')
    ) : summary.daysUntilReclaim <= 0 ? (
      <Typography.Text type="danger" style={{ fontSize: 'inherit' }}>
        {t('customer360.reclaimDue')}
      </Typography.Text>
    ) : (
      <Typography.Text type={summary.daysUntilReclaim <= 7 ? 'warning' : undefined} style={{ fontSize: 'inherit' }}>
        {t('customer360.days', { count: summary.daysUntilReclaim })}
      </Typography.Text>
    );
  const overdue = summary.nextFollowUpAt !== null && dayjs(summary.nextFollowUpAt).isBefore(dayjs());
  return (
    <Row gutter={[16, 12]} data-testid="customer-summary">
      <Figure
        title={t('customer360.stage')}
        value={<Tag color={summary.stage === 'lost' ? 'red' : 'blue'}>{t(`stage.${summary.stage}`)}</Tag>}
        testId="summary-stage"
      />
      <Figure
        title={t('customer360.phase')}
        value={
          summary.relationshipPhase
            ? t(`relationship.phases.${summary.relationshipPhase}`)
            : t('relationship.notComputed')
        }
        testId="summary-phase"
      />
      <Figure
        title={t('customer.rfmSegment')}
        value={rfmSegment ? <RfmSegmentTag segment={rfmSegment} /> : t('rfm.notScoredShort')}
        testId="summary-rfm"
      />
      <Figure
        title={t('customer360.owner')}
        value={summary.ownerName ?? t('customer360.inPool')}
        testId="summary-owner"
      />
      <Figure
        title={t('customer360.daysInStage')}
        value={t('customer360.days', { count: summary.daysInStage })}
        testId="summary-days-in-stage"
      />
      <Figure title={t('customer360.lastFollowUp')} value={date(summary.lastFollowUpAt)} testId="summary-last" />
      <Figure
        title={t('customer360.nextFollowUp')}
        value={
          <Typography.Text type={overdue ? 'danger' : undefined} style={{ fontSize: 'inherit' }}>
            {date(summary.nextFollowUpAt)}
          </Typography.Text>
        }
        testId="summary-next"
      />
      {summary.openOpportunityFen !== null && (
        <Figure
          title={t('customer360.openOpportunities')}
          value={
            <>
              {amount(summary.openOpportunityFen)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('customer360.opportunityCount', { count: summary.openOpportunityCount ?? 0 })}
              </Typography.Text>
            </>
          }
          testId="summary-open-opportunities"
        />
      )}
      {summary.totalBoughtFen !== null && (
        <Figure title={t('customer360.totalBought')} value={amount(summary.totalBoughtFen)} testId="summary-bought" />
      )}
      {summary.owedFen !== null && (
        <Figure
          title={t('customer360.owed')}
          value={
            <Typography.Text type={summary.owedFen > 0 ? 'warning' : undefined} style={{ fontSize: 'inherit' }}>
              {amount(summary.owedFen)}
            </Typography.Text>
          }
          testId="summary-owed"
        />
      )}
      <Figure title={t('customer360.reclaim')} value={reclaim} testId="summary-reclaim" />
    </Row>
  );
}

/**
 * The customer page's head: the key numbers and the quick actions (write a follow-up, call, new
 * opportunity / order / task), each action only for who may do it.
 */
export function CustomerSummaryHeader({
  customer,
  onWriteFollowUp,
}: {
  customer: Customer;
  onWriteFollowUp: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useCustomerSummary(customer.id);
  const canFollowUp = useHasPermission('followups.create');
  const canOpportunity = useHasPermission('opportunities.create');
  const canOrder = useHasPermission('orders.create');
  const canTask = useHasPermission('tasks.create');
  const [drawer, setDrawer] = useState<'opportunity' | 'task' | null>(null);
  const phone = summary.data?.phone ?? null;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <QueryError query={summary} />
      {summary.data && <Figures summary={summary.data} rfmSegment={customer.rfmSegment} />}
      <Space wrap data-testid="customer-quick-actions">
        {canFollowUp && (
          <Button type="primary" icon={<EditOutlined />} onClick={onWriteFollowUp} data-testid="quick-follow-up">
            {t('customer360.actions.writeFollowUp')}
          </Button>
        )}
        {phone && (
          <Button icon={<PhoneOutlined />} href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid="quick-call">
            {t('customer360.actions.call')}
          </Button>
        )}
        {canOpportunity && (
          <Button icon={<FundOutlined />} onClick={() => setDrawer('opportunity')} data-testid="quick-opportunity">
            {t('customer360.actions.newOpportunity')}
          </Button>
        )}
        {canOrder && (
          <Button
            icon={<ShoppingCartOutlined />}
            onClick={() => void navigate(`/orders/new?customerId=${customer.id}`)}
            data-testid="quick-order"
          >
            {t('customer360.actions.newOrder')}
          </Button>
        )}
        {canTask && (
          <Button icon={<CheckSquareOutlined />} onClick={() => setDrawer('task')} data-testid="quick-task">
            {t('customer360.actions.newTask')}
          </Button>
        )}
      </Space>
      {canOpportunity && (
        <OpportunityFormDrawer
          open={drawer === 'opportunity'}
          customer={{ id: customer.id, name: customer.name }}
          onClose={() => setDrawer(null)}
        />
      )}
      {canTask && drawer === 'task' && (
        <TaskFormDrawer
          task={null}
          open
          related={{ type: 'customer', id: customer.id, name: customer.name }}
          onClose={() => setDrawer(null)}
        />
      )}
    </Space>
  );
}
