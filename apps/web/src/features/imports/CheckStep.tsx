import type { ImportField, ImportJob } from '@guanxi/contract';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportErrorList } from './ImportErrorList';
import { ImportSummaryView } from './ImportSummaryView';
import { useCheckImport, useRunImport } from './imports.queries';
import { ProgressPanel } from './ProgressPanel';

/**
 * Step 4, the dry run: its progress while it reads the file, then what the import would do (new,
 * updated, duplicates, similar names, problems by reason), the first rows with problems or
 * warnings and the full report.
 */
export function CheckStep({
  job,
  fields,
  onBack,
}: {
  job: ImportJob;
  fields: readonly ImportField[];
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useRunImport(job.id);
  const check = useCheckImport(job.id);
  const summary = job.checkSummary;

  if (job.status === 'checking' || summary === null)
    return <ProgressPanel job={job} title={t('imports.check.running')} />;

  const fail = (error: Error) => void message.error(error.message);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Text>{t('imports.check.intro')}</Typography.Text>
      <ImportSummaryView summary={summary} phase="check" />
      {summary.errors === 0 ? (
        <Alert type="success" showIcon title={t('imports.check.noErrors')} />
      ) : (
        <Alert type="warning" showIcon title={t('imports.check.errorsSkipped')} />
      )}
      {summary.similarNames > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('imports.check.similarNamesNote', { count: summary.similarNames })}
          data-testid="import-similar-names-note"
        />
      )}
      {summary.errors + summary.similarNames > 0 && (
        <ImportErrorList
          job={job}
          fields={fields}
          phase="check"
          total={summary.errors + summary.similarNames}
          hasWarnings={summary.similarNames > 0}
        />
      )}
      <Space wrap>
        <Button onClick={onBack} data-testid="import-back-to-map">
          {t('imports.check.backToMap')}
        </Button>
        <Button loading={check.isPending} onClick={() => check.mutate(undefined, { onError: fail })}>
          {t('imports.check.recheck')}
        </Button>
        <Button
          type="primary"
          loading={run.isPending}
          onClick={() => run.mutate(undefined, { onError: fail })}
          data-testid="import-run"
        >
          {t('imports.check.start')}
        </Button>
      </Space>
    </Space>
  );
}
