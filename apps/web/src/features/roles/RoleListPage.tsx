import { App, Button, Card, Popconfirm, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@guanxi/contract';
import { useHasPermission } from '../../platform/session.queries';
import { RoleFormDrawer } from './RoleFormDrawer';
import { useDeleteRole, useRoles } from './roles.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

export default function RoleListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roles = useRoles();
  const remove = useDeleteRole();
  const canManage = useHasPermission('roles.manage');
  const [editing, setEditing] = useState<{ role?: Role } | null>(null);

  const confirmDelete = (role: Role) =>
    remove.mutateAsync(role.id).then(
      () => void message.success(t('common.deleted')),
      (error: Error) => void message.error(error.message),
    );

  const columns: TableColumnsType<Role> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('role.name'),
      render: (name: string, role) => (
        <Space>
          {name}
          {role.builtIn ? <Tag color="blue">{t('role.builtIn')}</Tag> : <Tag>{t('role.custom')}</Tag>}
        </Space>
      ),
    },
    // The code (an identifier for integrations and imports) stays in the role form, not in the list.
    {
      key: 'dataScope',
      dataIndex: 'dataScope',
      title: t('role.dataScope'),
      render: (scope: Role['dataScope']) => t(`dataScope.${scope}`),
    },
    { key: 'userCount', dataIndex: 'userCount', title: t('role.userCount'), align: 'right' },
    { key: 'description', dataIndex: 'description', title: t('role.description'), ellipsis: true },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, role) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ role })}>
            {t('common.edit')}
          </Button>
          {role.builtIn ? (
            <Tooltip title={t('role.builtInNoDelete')}>
              <Button type="link" size="small" danger disabled>
                {t('common.delete')}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={t('role.deleteConfirm', { name: role.name })}
              onConfirm={() => confirmDelete(role)}
              okButtonProps={{ danger: true }}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('role.title')}
      extra={
        canManage && (
          <NewButton type="primary" onClick={() => setEditing({})} data-testid="role-new">
            {t('role.new')}
          </NewButton>
        )
      }
    >
      <QueryError query={roles} />
      <ListTable<Role> columns={columns} rows={roles.data ?? []} loading={roles.isPending} />
      <RoleFormDrawer open={editing !== null} role={editing?.role} onClose={() => setEditing(null)} />
    </Card>
  );
}
