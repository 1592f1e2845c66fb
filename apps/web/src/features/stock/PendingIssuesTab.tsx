import type { PendingIssue } from '@guanxi/contract';
import { App, Button, Popconfirm, Space, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useConfirmIssue, usePendingIssues } from './stock.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { FirstOrderTag } from '../../platform/ui/FirstOrderTag';

/** Orders whose stock is reserved and waits for the warehouse to confirm the stock-out. */
export function PendingIssuesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pending = usePendingIssues();
  const confirm = useConfirmIssue();
  const canIssue = useHasPermission('stock.issue');

  const confirmIssue = (issue: PendingIssue) =>
    confirm.mutate(issue.orderId, {
      onSuccess: () => void message.success(t('stock.issued')),
      // A 409 (e.g. the stock was taken by a correction meanwhile) carries the server's message.
      onError: (error) => void message.error(error.message),
    });

  const columns: TableColumnsType<PendingIssue> = [
    {
      key: 'orderNo',
      title: t('stock.orderNo'),
      width: 160,
      render: (_, i) => (
        <Space size={4} wrap>
          <Typography.Text strong>{i.orderNo}</Typography.Text>
          {i.isFirstOrder && <FirstOrderTag />}
        </Space>
      ),
    },
    { key: 'customer', title: t('stock.customer'), width: 220, ellipsis: true, render: (_, i) => i.customerName },
    { key: 'warehouse', title: t('stock.warehouse'), width: 120, render: (_, i) => i.warehouseName },
    {
      key: 'lines',
      title: t('stock.lines'),
      render: (_, i) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {i.lines.map((line) => (
            <li key={line.movementId}>
              {line.productName} × {line.quantity} {line.unit}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'createdAt',
      title: t('stock.createdAt'),
      width: 160,
      render: (_, i) => dayjs(i.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      fixed: 'right',
      render: (_, issue) =>
        canIssue && (
          <Popconfirm
            title={t('stock.confirmIssueTitle', { orderNo: issue.orderNo })}
            description={t('stock.confirmIssueHint')}
            onConfirm={() => confirmIssue(issue)}
          >
            <Button
              size="small"
              type="primary"
              loading={confirm.isPending && confirm.variables === issue.orderId}
              data-testid="stock-confirm-issue"
            >
              {t('stock.confirmIssue')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <QueryError query={pending} />
      <ListTable<PendingIssue>
        rowKey={(i) => `${i.orderId}:${i.warehouseId}`}
        columns={columns}
        rows={pending.data ?? []}
        loading={pending.isPending}
        empty={t('stock.noPending')}
        scroll={{ x: 1000 }}
        testId="stock-pending-table"
      />
    </>
  );
}
