import type { ImportField, ImportJob, ImportKindName } from '@guanxi/contract';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ImportErrorList } from './ImportErrorList';
import { ImportSummaryView } from './ImportSummaryView';

/** The list where each kind's imported records are found. */
const RECORDS_PAGE: Record<ImportKindName, string> = {
  customers: '/customers',
  contacts: '/customers',
  leads: '/leads',
  products: '/products',
  orders: '/orders',
  payments: '/payments',
  follow_ups: '/customers',
  sales_lines: '/orders',
};

/**
 * Step 6: how the run ended, its counts, the rows it refused or warned about with their report, and
 * where to go next.
 */
export function ResultStep({ job, fields }: { job: ImportJob; fields: readonly ImportField[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = job.runSummary;
  const status = job.status === 'completed' ? 'success' : job.status === 'failed' ? 'error' : 'warning';
  const outcome = job.status === 'completed' ? 'completed' : job.status === 'failed' ? 'failed' : 'cancelled';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Result
        status={status}
        title={<span data-testid="import-result-title">{t(`imports.result.${outcome}`)}</span>}
        subTitle={job.failure ?? (job.status === 'cancelled' ? t('imports.result.cancelledNote') : undefined)}
        style={{ padding: '16px 0' }}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            {job.status !== 'failed' && (
              <Button
                type="primary"
                onClick={() => void navigate(RECORDS_PAGE[job.kind])}
                data-testid="import-open-records"
              >
                {t('imports.result.open')}
              </Button>
            )}
            <Button onClick={() => void navigate(`/imports/new?kind=${job.kind}`)} data-testid="import-another">
              {t('imports.result.another')}
            </Button>
            <Button onClick={() => void navigate('/imports')}>{t('imports.result.history')}</Button>
          </Space>
        }
      />
      {summary && <ImportSummaryView summary={summary} phase="result" />}
      {summary && summary.errors + summary.similarNames > 0 && (
        <ImportErrorList
          job={job}
          fields={fields}
          phase="run"
          total={summary.errors + summary.similarNames}
          hasWarnings={summary.similarNames > 0}
        />
      )}
    </Space>
  );
}
