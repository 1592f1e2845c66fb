import { endpoints, type FollowUp } from '@guanxi/contract';
import { Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { FollowUpCard } from './FollowUpCard';
import { FollowUpFormModal } from './FollowUpFormModal';
import { listParentOf, useFollowUps, type FollowUpTarget } from './followUps.queries';
import { LoadMoreButton } from '../../platform/LoadMore';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';

/** A timeline entry as the customer timeline merges them (newest first by `at`). */
export interface FollowUpTimelineEntry {
  key: string;
  at: string;
  color: string;
  content: React.ReactNode;
}

/**
 * Follow-ups of a customer, lead or opportunity for a timeline: the loaded pages as entries, plus the "log"
 * button and "load more" as a toolbar.
 */
export function useFollowUpTimeline(parent: FollowUpTarget) {
  const { t } = useTranslation();
  const followUps = useFollowUps(listParentOf(parent));
  const canLog = useHasPermission('followups.create');
  const [isFormOpen, setFormOpen] = useState(false);
  const rows: FollowUp[] = (followUps.data?.pages ?? []).flatMap((page) => page.items);
  const entries: FollowUpTimelineEntry[] = rows.map((row) => ({
    key: `f-${row.id}`,
    at: row.occurredAt,
    color: 'cyan',
    content: <FollowUpCard followUp={row} />,
  }));
  const toolbar = (
    <Space wrap style={{ marginBottom: 16 }}>
      {canLog && (
        <NewButton type="primary" onClick={() => setFormOpen(true)} data-testid="follow-up-log">
          {t('followUp.log')}
        </NewButton>
      )}
      <LoadMoreButton pages={followUps} inline />
      <ExportButton endpoint={endpoints.followUps.export} query={listParentOf(parent)} />
      <FollowUpFormModal parent={parent} open={isFormOpen} onClose={() => setFormOpen(false)} />
    </Space>
  );
  return { entries, toolbar, isPending: followUps.isPending, openForm: () => setFormOpen(true) };
}
