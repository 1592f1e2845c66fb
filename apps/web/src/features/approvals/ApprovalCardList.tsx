import type { ApprovalRequestListItem } from '@guanxi/contract';
import { Card, Checkbox, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemPages } from '../../platform/ui/ListTable';
import { StatusTag } from './StatusTag';

/**
 * The inbox below antd's `md` breakpoint: one card per request (a squeezed table hides the title),
 * opened with a tap; in the "to decide" box each card can be picked for batch approval.
 */
export function ApprovalCardList({
  pages,
  selectable,
  selected,
  onSelect,
  onOpen,
  empty,
}: {
  pages: ItemPages<ApprovalRequestListItem>;
  selectable: boolean;
  selected: ApprovalRequestListItem[];
  onSelect: (rows: ApprovalRequestListItem[]) => void;
  onOpen: (id: string) => void;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const isSelected = (id: string) => selected.some((r) => r.id === id);
  const toggle = (row: ApprovalRequestListItem, on: boolean) =>
    onSelect(on ? [...selected, row] : selected.filter((r) => r.id !== row.id));
  return (
    <List
      dataSource={rows}
      rowKey="id"
      loading={pages.isPending}
      locale={{ emptyText: empty }}
      data-testid="approval-table"
      renderItem={(r) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card size="small" style={{ width: '100%' }} onClick={() => onOpen(r.id)} hoverable>
            <Space align="start" style={{ width: '100%' }}>
              {selectable && (
                <Checkbox
                  checked={isSelected(r.id)}
                  onClick={(e) => e.stopPropagation()}
                  onChange={(e) => toggle(r, e.target.checked)}
                  aria-label={r.title}
                />
              )}
              <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                <Typography.Text strong data-testid="approval-open">
                  {r.title}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t(`approvalFlow.types.${r.businessType}`)}
                  {r.customerName ? ` · ${r.customerName}` : ''}
                </Typography.Text>
                <Space size={8} wrap>
                  <StatusTag status={r.status} />
                  <Typography.Text type="secondary">
                    {r.submitter.displayName} · {dayjs(r.submittedAt).format('MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              </Space>
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
