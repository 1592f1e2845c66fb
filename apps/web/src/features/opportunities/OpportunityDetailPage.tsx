import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Opportunity } from '@guanxi/contract';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Select, Space, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { BackTitle } from '../../platform/ui/BackTitle';
import { OpportunityFollowUps } from '../follow-ups';
import { OpportunityOrdersCard, newOrderPathFor } from '../orders';
import { QueryResult } from '../../platform/ui/QueryResult';
import { OpportunityStatusTag, useReasonLabel, useStageLabel } from './opportunityLabels';
import { CloseOpportunityModal } from './CloseOpportunityModal';
import { DecisionChainCard } from './DecisionChainCard';
import { OpportunityCompetitorsCard } from './OpportunityCompetitorsCard';
import { OpportunityFormDrawer } from './OpportunityFormDrawer';
import { StageHistory } from './StageHistory';
import {
  useDeleteOpportunity,
  useMoveOpportunityStage,
  useOpportunity,
  useSalesProcesses,
  type CloseOutcome,
} from './opportunities.queries';
import { useRecordTitle } from '../../platform/recordTitles';
import { useCustomFieldDescriptionItems } from '../custom-fields';

function OpportunityDetails({ opportunity }: { opportunity: Opportunity }) {
  useRecordTitle(opportunity.id, opportunity.name);
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const canOrder = useHasPermission('orders.create');
  const stageLabel = useStageLabel();
  const customItems = useCustomFieldDescriptionItems('opportunity', opportunity.customFields);
  const reasonLabel = useReasonLabel();
  const money = useFormatMoney();
  const canEdit = useHasPermission('opportunities.edit');
  const canDelete = useHasPermission('opportunities.delete');
  const processes = useSalesProcesses();
  const move = useMoveOpportunityStage();
  const remove = useDeleteOpportunity();
  const [isEditOpen, setEditOpen] = useState(false);
  const [closing, setClosing] = useState<CloseOutcome | null>(null);
  const process = processes.data?.find((p) => p.id === opportunity.processId);
  const isOpen = opportunity.status === 'open';

  const actions = (
    <Space wrap>
      {canEdit && isOpen && (
        <>
          <Button onClick={() => setClosing('won')} type="primary" data-testid="opportunity-win">
            {t('opportunity.win')}
          </Button>
          <Button onClick={() => setClosing('lost')} data-testid="opportunity-lose">
            {t('opportunity.lose')}
          </Button>
          <Button onClick={() => setClosing('invalid')}>{t('opportunity.invalidate')}</Button>
          <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)} data-testid="opportunity-edit">
            {t('common.edit')}
          </Button>
        </>
      )}
      {canDelete && (
        <Popconfirm
          title={t('opportunity.deleteConfirm')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutateAsync(opportunity.id).then(
              () => void navigate('/opportunities', { replace: true }),
              (error: Error) => void message.error(error.message),
            )
          }
        >
          <Button danger icon={<DeleteOutlined />} />
        </Popconfirm>
      )}
    </Space>
  );

  const items = [
    {
      key: 'customer',
      label: t('opportunity.customer'),
      children: <Link to={`/customers/${opportunity.customerId}`}>{opportunity.customerName}</Link>,
    },
    { key: 'amount', label: t('opportunity.amount'), children: money(opportunity.amountFen, opportunity.currency) },
    { key: 'status', label: t('opportunity.status'), children: <OpportunityStatusTag status={opportunity.status} /> },
    {
      key: 'stage',
      label: t('opportunity.stage'),
      children:
        canEdit && isOpen && process ? (
          <Select
            value={opportunity.stageId}
            style={{ minWidth: 160 }}
            loading={move.isPending}
            onChange={(stageId: string) =>
              move.mutate(
                { id: opportunity.id, stageId, version: opportunity.version },
                { onError: (error) => void message.error(error.message) },
              )
            }
            options={process.stages.map((s) => ({ value: s.id, label: `${stageLabel(s)} · ${s.probability}%` }))}
            data-testid="opportunity-stage-select"
          />
        ) : (
          `${stageLabel({ name: opportunity.stageName, nameEn: opportunity.stageNameEn })} · ${opportunity.probability}%`
        ),
    },
    {
      key: 'expected',
      label: t('opportunity.expectedCloseDate'),
      children: opportunity.expectedCloseDate ?? t('common.empty'),
    },
    { key: 'owner', label: t('opportunity.owner'), children: opportunity.ownerName ?? t('common.empty') },
    { key: 'process', label: t('opportunity.process'), children: process?.name ?? t('common.empty') },
    {
      key: 'created',
      label: t('opportunity.createdAt'),
      children: dayjs(opportunity.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    ...(opportunity.closedAt
      ? [
          {
            key: 'closed',
            label: t('opportunity.closedAt'),
            children: dayjs(opportunity.closedAt).format('YYYY-MM-DD HH:mm'),
          },
          ...(opportunity.status === 'lost'
            ? [
                {
                  key: 'lossReason',
                  label: t('lossReason.reason'),
                  children: reasonLabel({ name: opportunity.lossReasonName, nameEn: opportunity.lossReasonNameEn }),
                },
                ...(opportunity.lostToCompetitorName
                  ? [{ key: 'lostTo', label: t('lossReason.competitor'), children: opportunity.lostToCompetitorName }]
                  : []),
              ]
            : []),
          {
            key: 'reason',
            label: t('opportunity.closeReason'),
            children: opportunity.closeReason ?? t('common.empty'),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <BackTitle onBack={() => void navigate(-1)}>
          <span data-testid="opportunity-title">{opportunity.name}</span>
        </BackTitle>
      }
      extra={actions}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[...items, ...customItems]}
          data-testid="opportunity-details"
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <DecisionChainCard opportunityId={opportunity.id} customerId={opportunity.customerId} canEdit={canEdit} />
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('opportunity.history')}>
              <StageHistory opportunityId={opportunity.id} />
            </Card>
          </Col>
        </Row>
        <OpportunityCompetitorsCard opportunityId={opportunity.id} canEdit={canEdit} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <OpportunityFollowUps opportunityId={opportunity.id} customerId={opportunity.customerId} />
          </Col>
          <Col xs={24} lg={10}>
            <OpportunityOrdersCard opportunity={opportunity} />
          </Col>
        </Row>
      </Space>
      <OpportunityFormDrawer open={isEditOpen} opportunity={opportunity} onClose={() => setEditOpen(false)} />
      <CloseOpportunityModal
        target={closing ? { opportunity, outcome: closing } : null}
        onClose={() => setClosing(null)}
        onWon={() => {
          // A won deal is usually sold next: offer to enter the order, tied to this opportunity.
          if (!canOrder) return;
          modal.confirm({
            title: t('opportunity.wonOrderTitle'),
            content: t('opportunity.wonOrderText'),
            okText: t('opportunity.wonOrderOk'),
            cancelText: t('opportunity.wonOrderLater'),
            okButtonProps: { 'data-testid': 'opportunity-won-order' } as ButtonProps,
            onOk: () => void navigate(newOrderPathFor(opportunity)),
          });
        }}
      />
    </Card>
  );
}

export default function OpportunityDetailPage() {
  const { id = '' } = useParams();
  return (
    <QueryResult query={useOpportunity(id)}>
      {(opportunity) => <OpportunityDetails opportunity={opportunity} />}
    </QueryResult>
  );
}
