import { CheckOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { endpoints, type Task, type TaskStatus } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Segmented, Select, Space, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { client } from '../../platform/api';
import { useCompleteTask, useDeleteTask, useTasks, type TaskFilters } from './tasks.queries';
import { TaskFormDrawer } from './TaskFormDrawer';
import { LoadMoreButton } from '../../platform/LoadMore';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';

type View = NonNullable<TaskFilters['view']>;
type Due = NonNullable<TaskFilters['due']>;
const RELATED_PATHS = { customer: '/customers', lead: '/leads', opportunity: '/opportunities' } as const;

/** Tasks: mine, created by me, or my team's, with filters and a create/edit drawer. */
export default function TaskListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>('mine');
  const [status, setStatus] = useState<TaskStatus | undefined>('open');
  const [due, setDue] = useState<Due | undefined>();
  const [editing, setEditing] = useState<Task | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const tasks = useTasks({ view, status, due });
  const complete = useCompleteTask();
  const remove = useDeleteTask();

  // `?open=<id>` (from the inbox) opens that task.
  const openId = params.get('open');
  const linked = useQuery({
    queryKey: ['tasks', 'detail', openId],
    queryFn: () => client(endpoints.tasks.get, { params: { id: openId ?? '' } }),
    enabled: !!openId,
  });
  useEffect(() => {
    if (linked.data) {
      setEditing(linked.data);
      setDrawerOpen(true);
      setParams({}, { replace: true });
    }
  }, [linked.data, setParams]);

  const edit = (task: Task | null) => {
    setEditing(task);
    setDrawerOpen(true);
  };
  const columns: TableColumnsType<Task> = [
    {
      key: 'title',
      title: t('task.titleField'),
      render: (_, task) => (
        <Space wrap size={4}>
          <a onClick={() => edit(task)}>{task.title}</a>
          {task.isOverdue && <Tag color="red">{t('task.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'dueAt',
      title: t('task.dueAt'),
      width: 150,
      render: (_, task) => (task.dueAt ? dayjs(task.dueAt).format('YYYY-MM-DD HH:mm') : t('common.empty')),
    },
    { key: 'assignee', title: t('task.assignee'), width: 110, render: (_, task) => task.assigneeName },
    {
      key: 'related',
      title: t('task.related'),
      render: (_, task) =>
        task.relatedType && task.relatedId ? (
          <Link to={`${RELATED_PATHS[task.relatedType]}/${task.relatedId}`}>
            {task.relatedName ?? t(`task.relatedTypes.${task.relatedType}`)}
          </Link>
        ) : (
          t('common.empty')
        ),
    },
    { key: 'status', title: t('task.status'), width: 90, render: (_, task) => t(`task.statuses.${task.status}`) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_, task) => (
        <Space size={4}>
          {task.status === 'open' && (
            <Button
              size="small"
              icon={<CheckOutlined />}
              title={t('task.complete')}
              data-testid="task-complete"
              onClick={() =>
                complete.mutate(task.id, {
                  onSuccess: () => void message.success(t('task.completed')),
                  onError: (e) => void message.error(e.message),
                })
              }
            />
          )}
          <Button size="small" icon={<EditOutlined />} title={t('common.edit')} onClick={() => edit(task)} />
          <Popconfirm
            title={t('task.deleteConfirm', { title: task.title })}
            onConfirm={() => remove.mutate(task.id, { onError: (e) => void message.error(e.message) })}
          >
            <Button size="small" danger icon={<DeleteOutlined />} title={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('task.title')}
      extra={
        <Space wrap>
          <ExportButton endpoint={endpoints.tasks.export} query={{ view, status, due }} />
          <NewButton type="primary" onClick={() => edit(null)} data-testid="task-new">
            {t('task.new')}
          </NewButton>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={(['mine', 'created', 'team'] as const).map((v) => ({ value: v, label: t(`task.view.${v}`) }))}
        />
        <Select<TaskStatus | undefined>
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('common.all')}
          style={{ width: 120 }}
          options={(['open', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: t(`task.statuses.${s}`) }))}
        />
        <Select<Due | undefined>
          value={due}
          onChange={setDue}
          allowClear
          placeholder={t('task.allDue')}
          style={{ width: 140 }}
          options={(['overdue', 'today', 'upcoming', 'none'] as const).map((d) => ({
            value: d,
            label: t(`task.due.${d}`),
          }))}
        />
      </Space>
      {tasks.isError && <Alert type="error" showIcon title={tasks.error.message} style={{ marginBottom: 12 }} />}
      <ListTable columns={columns} pages={tasks} scroll={{ x: 760 }} testId="task-table" />
      <LoadMoreButton pages={tasks} />
      <TaskFormDrawer
        key={editing?.id ?? 'new'}
        task={editing}
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
      />
    </Card>
  );
}
