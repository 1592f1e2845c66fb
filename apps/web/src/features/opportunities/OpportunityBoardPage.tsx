import type { Opportunity, PipelineStage } from '@guanxi/contract';
import { Alert, App, Card, Select, Space, Spin, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCard } from './BoardCard';
import { CloseOpportunityModal } from './CloseOpportunityModal';
import { OpportunityViewSwitch } from './OpportunityViewSwitch';
import {
  useBoardOpportunities,
  useMoveOpportunityStage,
  usePipeline,
  useSalesProcesses,
  type CloseOutcome,
} from './opportunities.queries';
import { useFormatMoneyCompact } from '../../platform/money';
import { useStageLabel } from './opportunityLabels';
import { QueryError } from '../../platform/ui/QueryResult';

const OUTCOME_COLORS: Record<CloseOutcome, string> = { won: '#f6ffed', lost: '#fff1f0', invalid: '#fafafa' };
const OUTCOME_KEYS: Record<
  CloseOutcome,
  'opportunityBoard.dropWon' | 'opportunityBoard.dropLost' | 'opportunityBoard.dropInvalid'
> = {
  won: 'opportunityBoard.dropWon',
  lost: 'opportunityBoard.dropLost',
  invalid: 'opportunityBoard.dropInvalid',
};

/** Kanban of open opportunities: columns are the process's stages; drop on won/lost/invalid to close. */
export default function OpportunityBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stageLabel = useStageLabel();
  const formatCompact = useFormatMoneyCompact();
  const processes = useSalesProcesses();
  const [chosenId, setChosenId] = useState<string>();
  const process = processes.data?.find((p) => p.id === chosenId) ?? processes.data?.[0];
  const cards = useBoardOpportunities(process?.id);
  const header = usePipeline({ processId: process?.id }, { enabled: process !== undefined });
  const move = useMoveOpportunityStage();
  const [dragging, setDragging] = useState<Opportunity | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [closing, setClosing] = useState<{ opportunity: Opportunity; outcome: CloseOutcome } | null>(null);

  const moveTo = (opportunity: Opportunity, stageId: string) => {
    if (stageId === opportunity.stageId) return;
    const stage = process?.stages.find((s) => s.id === stageId);
    move.mutate(
      { id: opportunity.id, stageId, version: opportunity.version },
      {
        onSuccess: () => void message.success(t('opportunity.moved', { stage: stage ? stageLabel(stage) : '' })),
        onError: (error) => void message.error(error.message),
      },
    );
  };
  const dropTarget = (key: string, onDrop: (opportunity: Opportunity) => void) => ({
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (hovered !== key) setHovered(key);
    },
    onDragLeave: () => setHovered((current) => (current === key ? null : current)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setHovered(null);
      const id = event.dataTransfer.getData('text/plain') || dragging?.id;
      const opportunity = cards.data?.find((o) => o.id === id);
      if (opportunity) onDrop(opportunity);
      setDragging(null);
    },
  });

  if (processes.isPending) return <Spin />;
  if (processes.isError) return <Alert type="error" showIcon title={processes.error.message} />;
  const sums = new Map<string, PipelineStage>((header.data?.stages ?? []).map((s) => [s.stageId, s]));
  // Column sums count the pipeline's currency (CNY) only: other currencies never add up with it.
  // They read at a glance (¥23.8万); each card keeps its full amount.
  const total = (fen: number) => formatCompact(fen, header.data?.currency);

  return (
    <Card
      title={t('opportunityBoard.title')}
      extra={
        <Space wrap>
          {(processes.data?.length ?? 0) > 1 && (
            <Select
              value={process?.id}
              onChange={setChosenId}
              options={processes.data.map((p) => ({ value: p.id, label: p.name }))}
              style={{ width: 180 }}
            />
          )}
          <OpportunityViewSwitch />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('opportunityBoard.dragHint')}</Typography.Paragraph>
      <QueryError query={cards} />
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="opportunity-board">
        {(process?.stages ?? []).map((stage) => {
          const sum = sums.get(stage.id);
          return (
            <div
              key={stage.id}
              {...dropTarget(stage.id, (o) => moveTo(o, stage.id))}
              data-testid="board-column"
              data-stage-id={stage.id}
              style={{
                flex: '0 0 240px',
                background: hovered === stage.id ? '#e6f4ff' : '#f5f5f5',
                borderRadius: 8,
                padding: 8,
                minHeight: 240,
              }}
            >
              <div style={{ marginBottom: 8 }}>
                <Typography.Text strong>{stageLabel(stage)}</Typography.Text>{' '}
                <Typography.Text type="secondary">{stage.probability}%</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('opportunityBoard.count', { count: sum?.count ?? 0 })} · {total(sum?.amountFen ?? 0)} ·{' '}
                    {t('opportunityBoard.weighted', { amount: total(sum?.weightedAmountFen ?? 0) })}
                  </Typography.Text>
                </div>
              </div>
              {(cards.data ?? [])
                .filter((o) => o.stageId === stage.id)
                .map((o) => (
                  <BoardCard
                    key={o.id}
                    opportunity={o}
                    stages={process?.stages ?? []}
                    onDragStart={setDragging}
                    onDragEnd={() => {
                      setDragging(null);
                      setHovered(null);
                    }}
                    onMove={moveTo}
                    onClose={(opportunity, outcome) => setClosing({ opportunity, outcome })}
                  />
                ))}
            </div>
          );
        })}
      </div>
      <div style={{ display: 'flex', gap: 12, marginTop: 12, flexWrap: 'wrap' }}>
        {(['won', 'lost', 'invalid'] as const).map((outcome) => (
          <div
            key={outcome}
            {...dropTarget(outcome, (opportunity) => setClosing({ opportunity, outcome }))}
            data-testid={`board-drop-${outcome}`}
            style={{
              flex: '1 1 160px',
              padding: 16,
              textAlign: 'center',
              border: `2px dashed ${hovered === outcome ? '#1677ff' : '#d9d9d9'}`,
              borderRadius: 8,
              background: OUTCOME_COLORS[outcome],
            }}
          >
            {t(OUTCOME_KEYS[outcome])}
          </div>
        ))}
      </div>
      <CloseOpportunityModal target={closing} onClose={() => setClosing(null)} />
    </Card>
  );
}
