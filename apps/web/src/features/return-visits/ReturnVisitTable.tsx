import { CheckOutlined, CloseOutlined, EditOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { ReturnVisit } from '@guanxi/contract';
import { App, Button, Rate, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMoreButton } from '../../platform/LoadMore';
import { useHasPermission } from '../../platform/session.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { CancelVisitModal, EditVisitModal, RecordVisitModal } from './ReturnVisitModals';
import { useRaiseComplaint, type useReturnVisits } from './returnVisits.queries';

/** What scheduled a visit, as a reader says it: the order it follows, a closed complaint, or by hand. */
function useVisitSource() {
  const { t } = useTranslation();
  return (visit: Pick<ReturnVisit, 'source' | 'orderId' | 'orderNo'>) =>
    visit.orderId && visit.orderNo ? (
      <Link to={`/orders/${visit.orderId}`}>{t('returnVisit.sourceOrder', { orderNo: visit.orderNo })}</Link>
    ) : (
      t(`returnVisit.sources.${visit.source}`)
    );
}

/** A low score's way to a complaint: open one in a click, or go to the one already opened. */
function ComplaintAction({ visit }: { visit: ReturnVisit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canCreate = useHasPermission('complaints.create');
  const raise = useRaiseComplaint();
  if (visit.raisedComplaintId)
    return <Link to={`/complaints/${visit.raisedComplaintId}`}>{t('returnVisit.viewComplaint')}</Link>;
  if (!visit.isLowScore || !canCreate) return null;
  return (
    <Button
      size="small"
      danger
      icon={<ExclamationCircleOutlined />}
      loading={raise.isPending}
      data-testid="return-visit-raise-complaint"
      onClick={() =>
        raise.mutate(visit.id, {
          onSuccess: ({ complaintId }) => {
            void message.success(t('returnVisit.complaintRaised'));
            void navigate(`/complaints/${complaintId}`);
          },
          onError: (error) => void message.error(error.message),
        })
      }
    >
      {t('returnVisit.raiseComplaint')}
    </Button>
  );
}

export type VisitDialog = { kind: 'record' | 'edit' | 'cancel'; visit: ReturnVisit } | null;

/**
 * Return visits as a list with their actions (record, reschedule or hand over, cancel): the service
 * queue, and a customer's own visits on the customer page (`withCustomer` false there).
 */
export function ReturnVisitTable({
  visits,
  withCustomer = true,
  empty,
  dialog,
  onDialog,
}: {
  visits: ReturnType<typeof useReturnVisits>;
  withCustomer?: boolean;
  empty: ReactNode;
  /** The open dialog, when the caller controls it (the inbox's `?open=` link). */
  dialog?: VisitDialog;
  onDialog?: (dialog: VisitDialog) => void;
}) {
  const { t } = useTranslation();
  const canHandle = useHasPermission('returnVisits.handle');
  const [ownDialog, setOwnDialog] = useState<VisitDialog>(null);
  const current = dialog === undefined ? ownDialog : dialog;
  const setDialog = onDialog ?? setOwnDialog;
  const source = useVisitSource();
  const all: TableColumnsType<ReturnVisit> = [
    {
      key: 'customer',
      title: t('returnVisit.customer'),
      render: (_, v) => (
        <Space wrap size={4}>
          <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link>
          {v.isOverdue && <Tag color="red">{t('returnVisit.overdue')}</Tag>}
        </Space>
      ),
    },
    { key: 'source', title: t('returnVisit.source'), render: (_, v) => source(v) },
    { key: 'dueDate', title: t('returnVisit.dueDate'), width: 120, render: (_, v) => v.dueDate },
    {
      key: 'handler',
      title: t('returnVisit.handler'),
      width: 110,
      render: (_, v) => v.handlerName ?? <Tag>{t('returnVisit.queue')}</Tag>,
    },
    {
      key: 'result',
      title: t('returnVisit.result'),
      render: (_, v) =>
        v.status === 'open' ? (
          t('returnVisit.statuses.open')
        ) : (
          // A block that wraps inside a phone card's value column and stays readable in a table cell.
          <div style={{ minWidth: 0, maxWidth: 320 }}>
            <Space wrap size={4}>
              <span>{v.outcome ? t(`returnVisit.outcomes.${v.outcome}`) : t(`returnVisit.statuses.${v.status}`)}</span>
              {v.satisfaction !== null && <Rate disabled value={v.satisfaction} style={{ fontSize: 14 }} />}
              {v.isLowScore && <Tag color="red">{t('returnVisit.lowScore')}</Tag>}
            </Space>
            {v.notes && (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2, tooltip: v.notes }}
                style={{ marginBottom: 0 }}
              >
                {v.notes}
              </Typography.Paragraph>
            )}
            {v.doneAt && (
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('returnVisit.doneBy', { name: v.doneByName ?? '', at: dayjs(v.doneAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            )}
          </div>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_, v) =>
        v.status === 'open' && canHandle ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDialog({ kind: 'record', visit: v })}
              data-testid="return-visit-record"
            >
              {t('returnVisit.record')}
            </Button>
            <Button
              size="small"
              icon={<EditOutlined />}
              title={t('returnVisit.edit')}
              aria-label={t('returnVisit.edit')}
              onClick={() => setDialog({ kind: 'edit', visit: v })}
            />
            <Button
              size="small"
              danger
              icon={<CloseOutlined />}
              title={t('returnVisit.cancel')}
              aria-label={t('returnVisit.cancel')}
              onClick={() => setDialog({ kind: 'cancel', visit: v })}
            />
          </Space>
        ) : (
          <ComplaintAction visit={v} />
        ),
    },
  ];

  const columns = withCustomer ? all : all.filter((column) => column.key !== 'customer');
  const close = () => setDialog(null);
  return (
    <>
      <ListTable
        columns={columns}
        pages={visits}
        testId="return-visit-table"
        empty={empty}
        phoneCards={{
          title: withCustomer ? 'customer' : 'dueDate',
          fields: ['source', 'dueDate', 'handler', 'result'],
        }}
      />
      <LoadMoreButton pages={visits} />
      {current?.kind === 'record' && <RecordVisitModal visit={current.visit} onClose={close} />}
      {current?.kind === 'edit' && <EditVisitModal visit={current.visit} onClose={close} />}
      {current?.kind === 'cancel' && <CancelVisitModal visit={current.visit} onClose={close} />}
    </>
  );
}
