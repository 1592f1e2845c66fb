import { CheckOutlined, CloseOutlined, EditOutlined, SettingOutlined } from '@ant-design/icons';
import { RETURN_VISIT_VIEWS, type ReturnVisit, type ReturnVisitStatus } from '@guanxi/contract';
import { Alert, Button, Card, Rate, Segmented, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadMoreButton } from '../../platform/LoadMore';
import { useHasPermission } from '../../platform/session.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { CancelVisitModal, CreateVisitModal, EditVisitModal, RecordVisitModal } from './ReturnVisitModals';
import { ReturnVisitSettingsModal } from './ReturnVisitSettingsModal';
import {
  useReturnVisit,
  useReturnVisits,
  useReturnVisitSettings,
  type ReturnVisitFilters,
} from './returnVisits.queries';

type View = NonNullable<ReturnVisitFilters['view']>;
type Due = NonNullable<ReturnVisitFilters['due']>;
type Dialog = { kind: 'record' | 'edit' | 'cancel'; visit: ReturnVisit } | { kind: 'create' | 'settings' } | null;

/** What scheduled a visit, as a reader says it: the order it follows, a closed complaint, or by hand. */
export function useVisitSource() {
  const { t } = useTranslation();
  return (visit: Pick<ReturnVisit, 'source' | 'orderId' | 'orderNo'>) =>
    visit.orderId && visit.orderNo ? (
      <Link to={`/orders/${visit.orderId}`}>{t('returnVisit.sourceOrder', { orderNo: visit.orderNo })}</Link>
    ) : (
      t(`returnVisit.sources.${visit.source}`)
    );
}

/** Customer service's return visits: today's calls first, the unassigned queue, and what customers said. */
export default function ReturnVisitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canHandle = useHasPermission('returnVisits.handle');
  const canManage = useHasPermission('returnVisits.manage');
  const [view, setView] = useState<View>(canHandle ? 'mine' : 'all');
  const [status, setStatus] = useState<ReturnVisitStatus | undefined>('open');
  const [due, setDue] = useState<Due | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const visits = useReturnVisits({ view, status, due });
  const settings = useReturnVisitSettings();
  const source = useVisitSource();

  // `?open=<id>` (from the inbox) opens that visit's record dialog.
  const openId = params.get('open');
  const linked = useReturnVisit(openId);
  useEffect(() => {
    if (!linked.data) return;
    if (linked.data.status === 'open' && canHandle) setDialog({ kind: 'record', visit: linked.data });
    setParams({}, { replace: true });
  }, [linked.data, canHandle, setParams]);

  const columns: TableColumnsType<ReturnVisit> = [
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
          <Space direction="vertical" size={0}>
            <Space wrap size={4}>
              <span>{v.outcome ? t(`returnVisit.outcomes.${v.outcome}`) : t(`returnVisit.statuses.${v.status}`)}</span>
              {v.satisfaction !== null && <Rate disabled value={v.satisfaction} style={{ fontSize: 14 }} />}
              {v.isLowScore && <Tag color="red">{t('returnVisit.lowScore')}</Tag>}
            </Space>
            {v.notes && (
              <Typography.Text type="secondary" ellipsis={{ tooltip: v.notes }} style={{ maxWidth: 280 }}>
                {v.notes}
              </Typography.Text>
            )}
            {v.doneAt && (
              <Typography.Text type="secondary">
                {t('returnVisit.doneBy', { name: v.doneByName ?? '', at: dayjs(v.doneAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            )}
          </Space>
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
        ) : null,
    },
  ];

  const close = () => setDialog(null);
  return (
    <Card
      title={t('returnVisit.title')}
      extra={
        <Space wrap>
          {canManage && settings.data && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setDialog({ kind: 'settings' })}
              data-testid="return-visit-settings"
            >
              {t('returnVisit.settings')}
            </Button>
          )}
          {canHandle && (
            <NewButton type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="return-visit-new">
              {t('returnVisit.new')}
            </NewButton>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {canHandle && (
          <Segmented<View>
            value={view}
            onChange={setView}
            options={RETURN_VISIT_VIEWS.map((v) => ({ value: v, label: t(`returnVisit.view.${v}`) }))}
          />
        )}
        <Select<ReturnVisitStatus | undefined>
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('common.all')}
          style={{ width: 120 }}
          data-testid="return-visit-status"
          options={(['open', 'done', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`returnVisit.statuses.${s}`),
          }))}
        />
        {status === 'open' && (
          <Select<Due | undefined>
            value={due}
            onChange={setDue}
            allowClear
            placeholder={t('returnVisit.allDue')}
            style={{ width: 140 }}
            options={(['overdue', 'today', 'upcoming'] as const).map((d) => ({
              value: d,
              label: t(`returnVisit.due.${d}`),
            }))}
          />
        )}
      </Space>
      {visits.isError && <Alert type="error" showIcon title={visits.error.message} style={{ marginBottom: 12 }} />}
      <ListTable
        columns={columns}
        pages={visits}
        testId="return-visit-table"
        empty={status === 'open' ? t('returnVisit.empty') : t('returnVisit.emptyDone')}
        phoneCards={{ title: 'customer', fields: ['source', 'dueDate', 'handler', 'result'] }}
      />
      <LoadMoreButton pages={visits} />
      {dialog?.kind === 'record' && <RecordVisitModal visit={dialog.visit} onClose={close} />}
      {dialog?.kind === 'edit' && <EditVisitModal visit={dialog.visit} onClose={close} />}
      {dialog?.kind === 'cancel' && <CancelVisitModal visit={dialog.visit} onClose={close} />}
      {dialog?.kind === 'create' && <CreateVisitModal onClose={close} />}
      {dialog?.kind === 'settings' && settings.data && (
        <ReturnVisitSettingsModal settings={settings.data} onClose={close} />
      )}
    </Card>
  );
}
