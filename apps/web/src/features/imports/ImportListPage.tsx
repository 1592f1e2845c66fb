import { IMPORT_KINDS, type ImportJob, type ImportKindName } from '@guanxi/contract';
import { Card, Grid, List, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isListLoading, LoadMoreFooter } from '../../platform/LoadMore';
import { NewButton } from '../../platform/ui/NewButton';
import { PagedTable } from '../../platform/ui/PagedTable';
import { QueryError } from '../../platform/ui/QueryResult';
import { statusColor } from './importSteps';
import { useImportJobs, type ImportFilters } from './imports.queries';

const when = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

/** The run's counts, else the check's, in words; nothing before a check. */
function useCountsText() {
  const { t } = useTranslation();
  return (job: ImportJob) => {
    const summary = job.runSummary ?? job.checkSummary;
    if (!summary) return t('imports.list.rowsText', { count: job.progress.total });
    return t('imports.list.countsText', summary);
  };
}

/** 导入记录: who imported what and when, with its counts and state; a row opens the job's wizard. */
export default function ImportListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNarrow = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<ImportFilters>({});
  const jobs = useImportJobs(filters);
  const counts = useCountsText();
  const open = (job: ImportJob) => void navigate(`/imports/${job.id}`);
  const statusTag = (job: ImportJob) => (
    <Tag color={statusColor(job.status)} data-testid="import-status">
      {t(`imports.status.${job.status}`)}
    </Tag>
  );

  const columns: ColumnsType<ImportJob> = [
    { key: 'at', title: t('imports.list.at'), width: 150, render: (_, job) => when(job.createdAt) },
    { key: 'kind', title: t('imports.list.kind'), width: 140, render: (_, job) => t(`imports.kind.${job.kind}`) },
    { key: 'file', title: t('imports.list.file'), dataIndex: 'fileName', width: 240, ellipsis: true },
    { key: 'by', title: t('imports.list.by'), width: 110, render: (_, job) => job.createdBy.name },
    { key: 'status', title: t('imports.list.status'), width: 140, render: (_, job) => statusTag(job) },
    { key: 'counts', title: t('imports.list.counts'), render: (_, job) => counts(job) },
  ];
  const rows = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('imports.title')}
      extra={
        <NewButton type="primary" onClick={() => void navigate('/imports/new')} data-testid="import-new">
          {t('imports.new')}
        </NewButton>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ImportKindName>
          allowClear
          placeholder={t('imports.list.allKinds')}
          onChange={(kind) => setFilters({ kind })}
          options={IMPORT_KINDS.map((kind) => ({ value: kind, label: t(`imports.kind.${kind}`) }))}
          style={{ width: 200 }}
          data-testid="import-kind-filter"
        />
      </Space>
      {isNarrow ? (
        <>
          <QueryError query={jobs} />
          <List<ImportJob>
            loading={isListLoading(jobs)}
            dataSource={rows}
            rowKey="id"
            locale={{ emptyText: t('imports.list.empty') }}
            data-testid="import-history"
            renderItem={(job) => (
              <List.Item onClick={() => open(job)} style={{ cursor: 'pointer' }} extra={statusTag(job)}>
                <List.Item.Meta
                  title={<Typography.Text ellipsis>{job.fileName}</Typography.Text>}
                  description={
                    <>
                      {t(`imports.kind.${job.kind}`)} · {job.createdBy.name} · {when(job.createdAt)}
                      <br />
                      {counts(job)}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          <LoadMoreFooter pages={jobs} rowCount={rows.length} />
        </>
      ) : (
        <PagedTable<ImportJob>
          pages={jobs}
          columns={columns}
          empty={t('imports.list.empty')}
          onRow={(job) => ({ onClick: () => open(job), style: { cursor: 'pointer' } })}
          testId="import-history"
        />
      )}
    </Card>
  );
}
