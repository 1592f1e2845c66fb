import { IMPORT_ENCODINGS, type ImportJob, type UpdateImportSourceBody } from '@guanxi/contract';
import { Alert, App, Button, Descriptions, Form, Grid, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../platform/ui/ListTable';
import { columnTitle, previewRows, type PreviewRow } from './importMapping';
import { useUpdateImportSource } from './imports.queries';

const DELIMITERS = [
  { value: ',', name: 'comma' },
  { value: ';', name: 'semicolon' },
  { value: '\t', name: 'tab' },
  { value: '|', name: 'pipe' },
] as const;

/**
 * Step 2: how the server read the file (encoding, separator, header row, sheet), each open to
 * change, and the first rows as read, so a wrong guess shows as garbled text or one wide column.
 */
export function DetectStep({ job, onNext }: { job: ImportJob; onNext: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateImportSource(job.id);
  const isNarrow = !Grid.useBreakpoint().md;
  const { source } = job;
  const change = (body: UpdateImportSourceBody) =>
    update.mutate(body, {
      onSuccess: () => void message.success(t('imports.detect.changed')),
      onError: (error) => void message.error(error.message),
    });
  const rows = previewRows(job.columns);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'file', label: t('imports.detect.file'), children: job.fileName },
          {
            key: 'format',
            label: t('imports.list.kind'),
            children: `${t(`imports.kind.${job.kind}`)} · ${t(`imports.detect.format.${source.format}`)} · ${t('imports.detect.rows', { count: job.progress.total })}`,
          },
        ]}
      />
      <Form layout={isNarrow ? 'vertical' : 'inline'} style={{ rowGap: 8 }} disabled={update.isPending}>
        {source.format === 'csv' && (
          <>
            <Form.Item label={t('imports.detect.encoding')}>
              <Select
                value={source.encoding ?? undefined}
                onChange={(encoding) => change({ encoding })}
                options={IMPORT_ENCODINGS.map((value) => ({ value, label: t(`imports.detect.encodings.${value}`) }))}
                style={{ width: isNarrow ? '100%' : 240 }}
                data-testid="import-encoding"
              />
            </Form.Item>
            <Form.Item label={t('imports.detect.delimiter')}>
              <Select
                value={source.delimiter ?? undefined}
                onChange={(delimiter) => change({ delimiter })}
                options={DELIMITERS.map(({ value, name }) => ({
                  value,
                  label: t(`imports.detect.delimiters.${name}`),
                }))}
                style={{ width: isNarrow ? '100%' : 160 }}
                data-testid="import-delimiter"
              />
            </Form.Item>
          </>
        )}
        {source.format === 'xlsx' && job.sheets.length > 1 && (
          <Form.Item label={t('imports.detect.sheet')}>
            <Select
              value={source.sheet ?? undefined}
              onChange={(sheet) => change({ sheet })}
              options={job.sheets.map((sheet) => ({ value: sheet, label: sheet }))}
              style={{ width: isNarrow ? '100%' : 200 }}
              data-testid="import-sheet"
            />
          </Form.Item>
        )}
        <Form.Item label={t('imports.detect.headerRow')}>
          <InputNumber
            min={1}
            max={100}
            value={source.headerRow}
            onChange={(headerRow) => typeof headerRow === 'number' && change({ headerRow })}
            style={{ width: 80 }}
            data-testid="import-header-row"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('imports.detect.garbledHint')}</Typography.Text>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('imports.detect.preview')}
      </Typography.Title>
      {rows.length === 0 ? (
        <Alert type="warning" showIcon title={t('imports.detect.previewEmpty')} />
      ) : (
        <ListTable<PreviewRow>
          rows={rows}
          rowKey="key"
          size="small"
          loading={update.isPending}
          columns={job.columns.map((column) => ({
            key: column.index,
            title: columnTitle(column),
            render: (_, row) => row.cells[column.index],
            ellipsis: true,
            width: 160,
          }))}
          testId="import-preview"
        />
      )}
      <Button type="primary" onClick={onNext} disabled={update.isPending} data-testid="import-detect-next">
        {t('imports.detect.next')}
      </Button>
    </Space>
  );
}
