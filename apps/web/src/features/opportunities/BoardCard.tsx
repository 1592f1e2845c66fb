import { MoreOutlined } from '@ant-design/icons';
import type { Opportunity, SalesProcessStage } from '@guanxi/contract';
import { Button, Card, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CloseOutcome } from './opportunities.queries';
import { useFormatMoney } from '../../platform/money';
import { useStageLabel } from './opportunityLabels';

interface BoardCardProps {
  opportunity: Opportunity;
  stages: SalesProcessStage[];
  onDragStart: (opportunity: Opportunity) => void;
  onDragEnd: () => void;
  onMove: (opportunity: Opportunity, stageId: string) => void;
  onClose: (opportunity: Opportunity, outcome: CloseOutcome) => void;
}

/**
 * One opportunity on the board, draggable with HTML5 drag events. The menu does the same moves
 * without dragging, for touch screens (which fire no HTML5 drag events) and keyboards.
 */
export function BoardCard({ opportunity, stages, onDragStart, onDragEnd, onMove, onClose }: BoardCardProps) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const money = useFormatMoney();
  const menu = {
    items: [
      ...stages
        .filter((s) => s.id !== opportunity.stageId)
        .map((s) => ({ key: `stage:${s.id}`, label: `${t('opportunity.moveTo')}: ${stageLabel(s)}` })),
      { type: 'divider' as const },
      { key: 'close:won', label: t('opportunity.win') },
      { key: 'close:lost', label: t('opportunity.lose') },
      { key: 'close:invalid', label: t('opportunity.invalidate') },
    ],
    onClick: ({ key }: { key: string }) => {
      const [kind, value] = key.split(':') as [string, string];
      if (kind === 'stage') onMove(opportunity, value);
      else onClose(opportunity, value as CloseOutcome);
    },
  };
  return (
    <Card
      size="small"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', opportunity.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(opportunity);
      }}
      onDragEnd={onDragEnd}
      style={{ marginBottom: 8, cursor: 'grab' }}
      data-testid="board-card"
      data-opportunity-id={opportunity.id}
      title={
        <Link to={`/opportunities/${opportunity.id}`} draggable={false}>
          {opportunity.name}
        </Link>
      }
      extra={
        <Dropdown menu={menu} trigger={['click']}>
          <Button
            type="text"
            size="small"
            icon={<MoreOutlined />}
            aria-label={t('common.actions')}
            data-testid="board-card-menu"
          />
        </Dropdown>
      }
    >
      <Typography.Text type="secondary">{opportunity.customerName}</Typography.Text>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text strong>{money(opportunity.amountFen, opportunity.currency)}</Typography.Text>
        <Typography.Text type="secondary">{opportunity.expectedCloseDate ?? t('common.empty')}</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {opportunity.ownerName}
      </Typography.Text>
    </Card>
  );
}
