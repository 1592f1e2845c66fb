import { DownloadOutlined } from '@ant-design/icons';
import type { ImportField, ImportJob, ImportRowError } from '@guanxi/contract';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../platform/ui/ListTable';
import { errorReportUrl, useImportErrors } from './imports.queries';

/** How many rejected rows the screen shows; the report holds them all. */
const FIRST_ERRORS = 10;

/** The row's cells as one line, each after its column's name, for a reader who must find the row. */
const rowContent = (job: ImportJob, error: ImportRowError) =>
  error.values
    .map((value, index) =>
      value.trim() === '' ? null : `${job.columns.find((column) => column.index === index)?.header ?? ''}：${value}`,
    )
    .filter((cell) => cell !== null)
    .join('　');

/**
 * The first rows of a phase that need a look — refused ones, and imported ones with a warning (a name
 * similar to another customer's) — each with its reason, and the link to the full XLSX report.
 */
export function ImportErrorList({
  job,
  fields,
  phase,
  total,
  hasWarnings = false,
}: {
  job: ImportJob;
  fields: readonly ImportField[];
  phase: 'check' | 'run';
  /** How many rows the phase refused or warned about in all. */
  total: number;
  /** Some of the rows are imported with a warning: the list is not only of problems. */
  hasWarnings?: boolean;
}) {
  const { t } = useTranslation();
  const errors = useImportErrors(job.id, phase, FIRST_ERRORS);
  const fieldLabel = (key: string | null) => fields.find((field) => field.key === key)?.label;

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text strong>
          {hasWarnings
            ? total > FIRST_ERRORS
              ? t('imports.check.firstNotesOf', { count: FIRST_ERRORS, total })
              : t('imports.check.firstNotes')
            : total > FIRST_ERRORS
              ? t('imports.check.firstErrorsOf', { count: FIRST_ERRORS, total })
              : t('imports.check.firstErrors')}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={errorReportUrl(job.id, phase)}
          download
          data-testid="import-error-report"
        >
          {t('imports.check.download')}
        </Button>
      </Flex>
      <ListTable<ImportRowError>
        rows={errors.data}
        loading={errors.isPending}
        rowKey={(error) => `${error.rowNumber}-${error.code}-${error.field ?? ''}`}
        size="small"
        testId="import-errors"
        columns={[
          {
            key: 'row',
            title: t('imports.check.row'),
            width: 90,
            render: (_, error) => t('imports.check.rowNumber', { row: error.rowNumber }),
          },
          {
            key: 'reason',
            title: t('imports.check.reason'),
            width: 260,
            render: (_, error) => {
              const label = fieldLabel(error.field);
              const text = label && !error.message.includes(label) ? `${label}：${error.message}` : error.message;
              return error.severity === 'warning' ? (
                <>
                  <Tag color="gold" data-testid="import-warning-tag">
                    {t('imports.check.warning')}
                  </Tag>
                  {text}
                </>
              ) : (
                text
              );
            },
          },
          {
            key: 'content',
            title: t('imports.check.content'),
            width: 360,
            render: (_, error) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 360 }}>
                {rowContent(job, error)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}
