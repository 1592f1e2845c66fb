import { SettingOutlined } from '@ant-design/icons';
import { endpoints, RETURN_VISIT_VIEWS, type ReturnVisitStatus } from '@guanxi/contract';
import { Alert, Button, Card, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';
import { CreateVisitModal } from './ReturnVisitModals';
import { ReturnVisitSettingsModal } from './ReturnVisitSettingsModal';
import { ReturnVisitTable, type VisitDialog } from './ReturnVisitTable';
import {
  useReturnVisit,
  useReturnVisits,
  useReturnVisitSettings,
  type ReturnVisitFilters,
} from './returnVisits.queries';

type View = NonNullable<ReturnVisitFilters['view']>;
type Due = NonNullable<ReturnVisitFilters['due']>;
type Dialog = 'create' | 'settings' | null;

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
  const [visitDialog, setVisitDialog] = useState<VisitDialog>(null);
  const visits = useReturnVisits({ view, status, due });
  const settings = useReturnVisitSettings();

  // `?open=<id>` (from the inbox) opens that visit's record dialog.
  const openId = params.get('open');
  const linked = useReturnVisit(openId);
  useEffect(() => {
    if (!linked.data) return;
    if (linked.data.status === 'open' && canHandle) setVisitDialog({ kind: 'record', visit: linked.data });
    setParams({}, { replace: true });
  }, [linked.data, canHandle, setParams]);

  const close = () => setDialog(null);
  return (
    <Card
      title={t('returnVisit.title')}
      extra={
        <Space wrap>
          <ExportButton endpoint={endpoints.returnVisits.export} query={{ view, status, due }} />
          {canManage && settings.data && (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setDialog('settings')}
              data-testid="return-visit-settings"
            >
              {t('returnVisit.settings')}
            </Button>
          )}
          {canHandle && (
            <NewButton type="primary" onClick={() => setDialog('create')} data-testid="return-visit-new">
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
      <ReturnVisitTable
        visits={visits}
        empty={status === 'open' ? t('returnVisit.empty') : t('returnVisit.emptyDone')}
        dialog={visitDialog}
        onDialog={setVisitDialog}
      />
      {dialog === 'create' && <CreateVisitModal onClose={close} />}
      {dialog === 'settings' && settings.data && <ReturnVisitSettingsModal settings={settings.data} onClose={close} />}
    </Card>
  );
}
