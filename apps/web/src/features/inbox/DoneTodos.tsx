import { Collapse, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entityPath, todoText, useTodos } from '../notifications';
import { QueryError } from '../../platform/ui/QueryResult';

function DoneList() {
  const { t } = useTranslation();
  const todos = useTodos('done');
  return (
    <>
      <QueryError query={todos} />
      <List
        size="small"
        loading={todos.isPending}
        dataSource={todos.data?.items ?? []}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(todo) => {
          const path = entityPath(todo.entity, todo.entityId, todo.params);
          const text = todoText(t, todo.kind, todo.params);
          return (
            <List.Item style={{ paddingInline: 0 }} data-testid="inbox-done-item">
              <Typography.Text style={{ minWidth: 0 }}>{path ? <Link to={path}>{text}</Link> : text}</Typography.Text>
              <Typography.Text type="secondary">
                {todo.doneAt ? dayjs(todo.doneAt).format('YYYY-MM-DD HH:mm') : ''}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </>
  );
}

/** The stored to-dos already done (ticked, or closed by their decision), read when opened. */
export function DoneTodos() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Collapse
      size="small"
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[{ key: 'done', label: t('inbox.recentlyDone'), children: open ? <DoneList /> : null }]}
      data-testid="inbox-done-todos"
    />
  );
}
