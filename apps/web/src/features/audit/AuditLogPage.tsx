import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditEntry } from '@guanxi/contract';
import { Card, Empty, Grid, List, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isListLoading, LoadMoreButton, LoadMoreFooter } from '../../platform/LoadMore';
import { AuditChangeList } from './AuditChangeList';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditRecord } from './AuditRecord';
import { useAuditLog, type AuditFilters } from './audit.queries';
import { useAuditText } from './useAuditText';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Filters live in the address, so a record's "history" link opens the list already narrowed. */
function useFilterParams(): [AuditFilters, (next: Partial<AuditFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const text = (name: string) => params.get(name) ?? undefined;
  const day = (name: string) => (DAY.test(params.get(name) ?? '') ? text(name) : undefined);
  const filters: AuditFilters = {
    actorId: text('actorId'),
    entity: oneOf(AUDIT_ENTITIES, params.get('entity')),
    entityId: text('entityId'),
    action: oneOf(AUDIT_ACTIONS, params.get('action')),
    from: day('from'),
    to: day('to'),
  };
  const update = (next: Partial<AuditFilters>) => {
    const merged: Record<string, string | undefined> = { ...filters, ...next };
    setParams(
      Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    );
  };
  const cleaned = Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as AuditFilters;
  return [cleaned, update];
}

const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

/** Who changed what, when: the organization's audit log as the reader may see it (settings › 操作日志). */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const { actionLabel } = useAuditText();
  const isNarrow = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useFilterParams();
  const log = useAuditLog(filters);
  const pages = log.data?.pages ?? [];
  const entries = pages.flatMap((page) => page.items);
  const names = Object.assign({}, ...pages.map((page) => page.names)) as Record<string, string>;
  const person = (entry: AuditEntry) => entry.actorName ?? t('audit.system');
  const onlyRecord = (entry: AuditEntry) =>
    setFilters({ entity: entry.entity as AuditFilters['entity'], entityId: entry.entityId });
  const recordName = filters.entityId
    ? (entries.find((e) => e.entityId === filters.entityId)?.entityName ?? null)
    : null;
  const action = (entry: AuditEntry) => (
    <Tag
      color={entry.action === 'delete' ? 'red' : entry.action === 'create' ? 'green' : 'blue'}
      data-testid="audit-action"
    >
      {actionLabel(entry.action)}
    </Tag>
  );

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.time'), width: 170, render: (_, entry) => time(entry.at) },
    { key: 'person', title: t('audit.person'), width: 120, render: (_, entry) => person(entry) },
    { key: 'action', title: t('audit.action'), width: 130, render: (_, entry) => action(entry) },
    {
      key: 'record',
      title: t('audit.record'),
      width: 300,
      render: (_, entry) => <AuditRecord entry={entry} onFilter={onlyRecord} />,
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      render: (_, entry) => <AuditChangeList entry={entry} names={names} />,
    },
  ];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;

  return (
    <Card title={t('audit.title')} styles={{ body: { padding: isNarrow ? 12 : 24 } }} data-testid="audit-page">
      <AuditFilterBar filters={filters} recordName={recordName} isNarrow={isNarrow} onChange={setFilters} />
      <QueryError query={log} />
      {isNarrow ? (
        <>
          <List<AuditEntry>
            dataSource={entries}
            loading={log.isPending}
            locale={{ emptyText: empty }}
            data-testid="audit-list"
            renderItem={(entry) => (
              <List.Item key={entry.id} data-testid="audit-entry">
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <Typography.Text strong>{person(entry)}</Typography.Text>
                    {action(entry)}
                  </Space>
                  <AuditRecord entry={entry} onFilter={onlyRecord} />
                  <Typography.Text type="secondary">{time(entry.at)}</Typography.Text>
                  <AuditChangeList entry={entry} names={names} />
                </Space>
              </List.Item>
            )}
          />
          <LoadMoreButton pages={log} />
        </>
      ) : (
        <>
          <ListTable<AuditEntry>
            columns={columns}
            rows={entries}
            loading={isListLoading(log)}
            scroll={{ x: 980 }}
            empty={empty}
            onRow={() => ({ 'data-testid': 'audit-entry' }) as React.HTMLAttributes<HTMLElement>}
            testId="audit-table"
          />
          <LoadMoreFooter pages={log} rowCount={entries.length} />
        </>
      )}
    </Card>
  );
}
