import { CheckOutlined } from '@ant-design/icons';
import type { Todo, TodoStatus } from '@guanxi/contract';
import { App, Button, Card, Segmented, Space, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entityPath, todoText } from './noticeText';
import { useMarkTodoDone, useTodos } from './notifications.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';

const time = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);

/** My to-dos: open ones to act on (with a link to their customer), or the ones done. */
export default function TodosPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TodoStatus>('open');
  const todos = useTodos(status);
  const done = useMarkTodoDone();

  const markDone = (todo: Todo) =>
    done.mutate(todo.id, {
      onSuccess: () => void message.success(t('todo.doneOk')),
      onError: (error) => void message.error(error.message),
    });

  const columns: TableColumnsType<Todo> = [
    {
      key: 'item',
      title: t('todo.item'),
      render: (_, todo) => {
        const path = entityPath(todo.entity, todo.entityId, todo.params);
        const text = todoText(t, todo.kind, todo.params);
        return (
          <Space wrap>
            {path ? <Link to={path}>{text}</Link> : text}
            {(todo.kind === 'stage_approval' || todo.kind === 'approval') && status === 'open' && (
              <Link to="/approvals" data-testid="todo-approve-link">
                {t('approval.menu')}
              </Link>
            )}
          </Space>
        );
      },
    },
    {
      key: 'due',
      title: t('todo.dueAt'),
      width: 170,
      render: (_, todo) => time(todo.dueAt) ?? t('common.empty'),
    },
    status === 'open'
      ? { key: 'createdAt', title: t('todo.createdAt'), width: 170, render: (_, todo) => time(todo.createdAt) }
      : { key: 'doneAt', title: t('todo.doneAt'), width: 170, render: (_, todo) => time(todo.doneAt) },
  ];
  if (status === 'open') {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, todo) => (
        <Button
          size="small"
          icon={<CheckOutlined />}
          onClick={() => markDone(todo)}
          loading={done.isPending && done.variables === todo.id}
          data-testid="todo-done"
        >
          {t('todo.markDone')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('todo.title')}
      extra={
        <Segmented<TodoStatus>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('todo.open') },
            { value: 'done', label: t('todo.done') },
          ]}
          data-testid="todo-status"
        />
      }
    >
      <QueryError query={todos} />
      <ListTable<Todo>
        columns={columns}
        rows={todos.data?.items ?? []}
        loading={todos.isPending}
        testId="todo-table"
        phoneCards
      />
    </Card>
  );
}
