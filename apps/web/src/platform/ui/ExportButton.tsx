import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { EndpointDefinition, EndpointQuery, ExportFormat, Permission } from '@guanxi/contract';
import { App, Button, Dropdown, Grid } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadEndpoint } from '../api';
import { useHasPermission } from '../session.queries';
import { ExportJobsDrawer, exportJobKeys } from './ExportJobsDrawer';

type ExportEndpoint = EndpointDefinition & { method: 'GET'; permission: Permission };

/**
 * "导出" with a choice of Excel or CSV: downloads the list as the screen shows it (its filters and
 * sort; the server adds the reader's scope and hides what their role hides). Shown only to holders
 * of the export's permission (`<module>.export`). A list too long to download at once is written in
 * the background: "我的导出" then opens, with its progress and, when done, the download link.
 */
export function ExportButton<E extends ExportEndpoint>({
  endpoint,
  query,
}: {
  endpoint: E;
  /** The list's current filters and sort, without paging. */
  query: Omit<EndpointQuery<E>, 'format'>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const allowed = useHasPermission(endpoint.permission);
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [jobsOpen, setJobsOpen] = useState(false);
  const queryClient = useQueryClient();
  // On a phone the card's title needs the room: the button shows its icon alone, named for screen readers.
  const isNarrow = !Grid.useBreakpoint().sm;
  if (!allowed) return null;

  const run = async (format: ExportFormat) => {
    setRunning(format);
    try {
      // The list's own filter values (strings, numbers, booleans, tag lists), as the list hook sends them.
      const job = await downloadEndpoint(endpoint, { ...(query as Parameters<typeof downloadEndpoint>[1]), format });
      if (job) {
        void message.info(t('export.queued', { rows: job.rowsTotal.toLocaleString() }));
        await queryClient.invalidateQueries({ queryKey: exportJobKeys.mine });
        setJobsOpen(true);
      }
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('export.failed'));
    } finally {
      setRunning(null);
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        disabled={running !== null}
        menu={{
          items: [
            { key: 'xlsx', label: t('export.xlsx') },
            { key: 'csv', label: t('export.csv') },
            { type: 'divider' },
            { key: 'jobs', label: t('export.myExports') },
          ],
          onClick: ({ key }) => (key === 'jobs' ? setJobsOpen(true) : void run(key as ExportFormat)),
        }}
      >
        <Button
          icon={<DownloadOutlined />}
          loading={running !== null}
          aria-label={t('export.button')}
          title={t('export.button')}
          data-testid="export-button"
        >
          {isNarrow ? null : running ? t('export.running') : t('export.button')}
        </Button>
      </Dropdown>
      <ExportJobsDrawer open={jobsOpen} onClose={() => setJobsOpen(false)} />
    </>
  );
}
