import { CloudDownloadOutlined, DownloadOutlined } from '@ant-design/icons';
import type { OrganizationExport } from '@guanxi/contract';
import { Alert, App, Button, Card, List, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../platform/ui/QueryResult';
import {
  organizationExportFileUrl,
  useOrganizationExports,
  useStartOrganizationExport,
} from './organizationExports.queries';

const STATE_COLORS = { running: 'processing', succeeded: 'success', failed: 'error' } as const;

/** 1 536 000 → "1.5 MB"; the sizes an export file has. */
function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * "Export all data of this organization": starts the export in the background, shows its progress
 * and the finished files to download. Importing is the server operator's command, never this page.
 */
export default function OrganizationExportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exports = useOrganizationExports();
  const start = useStartOrganizationExport();
  const running = exports.data?.some((e) => e.state === 'running') ?? false;

  const startExport = () =>
    start.mutate(undefined, {
      onSuccess: () => void message.success(t('dataExport.started')),
      onError: (error) => void message.error(error.message),
    });

  const describe = (item: OrganizationExport) => {
    if (item.state === 'running') {
      const percent = item.tablesTotal ? Math.floor((item.tablesDone / item.tablesTotal) * 100) : 0;
      return (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Progress percent={percent} status="active" size="small" />
          <Typography.Text type="secondary">
            {t('dataExport.progress', {
              done: item.tablesDone,
              total: item.tablesTotal,
              rows: item.rows.toLocaleString(),
            })}
          </Typography.Text>
        </Space>
      );
    }
    if (item.state === 'failed') return <Typography.Text type="danger">{t('dataExport.failedHint')}</Typography.Text>;
    return t('dataExport.summary', { rows: item.rows.toLocaleString(), size: sizeText(item.bytes) });
  };

  return (
    <Card title={t('dataExport.title')} style={{ maxWidth: 860 }}>
      <Typography.Paragraph>{t('dataExport.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('dataExport.sensitive')} style={{ marginBottom: 16 }} />
      <Button
        type="primary"
        icon={<CloudDownloadOutlined />}
        onClick={startExport}
        loading={start.isPending || running}
        disabled={running}
        data-testid="organization-export-start"
        style={{ maxWidth: '100%', whiteSpace: 'normal', height: 'auto', minHeight: 32 }}
      >
        {running ? t('dataExport.state_running') : t('dataExport.start')}
      </Button>
      <Alert
        type="info"
        showIcon
        title={
          <>
            {t('dataExport.importOnly')}{' '}
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              {t('dataExport.importCommand')}
            </Typography.Text>
          </>
        }
        style={{ marginTop: 16 }}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('dataExport.history')}
      </Typography.Title>
      <QueryError query={exports} />
      <List<OrganizationExport>
        data-testid="organization-export-list"
        loading={exports.isPending}
        dataSource={exports.data ?? []}
        locale={{ emptyText: t('dataExport.empty') }}
        renderItem={(item) => (
          <List.Item
            actions={
              item.state === 'succeeded'
                ? [
                    <Button
                      key="download"
                      icon={<DownloadOutlined />}
                      href={organizationExportFileUrl(item.id)}
                      download={item.fileName}
                      data-testid="organization-export-download"
                    >
                      {t('dataExport.download')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={8}>
                  <Tag color={STATE_COLORS[item.state]}>{t(`dataExport.state_${item.state}`)}</Tag>
                  <span>{t('dataExport.startedAt', { time: dayjs(item.startedAt).format('YYYY-MM-DD HH:mm') })}</span>
                  {item.requestedBy && (
                    <Typography.Text type="secondary">
                      {t('dataExport.requestedBy', { name: item.requestedBy })}
                    </Typography.Text>
                  )}
                </Space>
              }
              description={describe(item)}
            />
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('dataExport.kept')}
      </Typography.Paragraph>
    </Card>
  );
}
