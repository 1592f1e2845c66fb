import {
  App,
  Button,
  Card,
  Grid,
  Input,
  Popconfirm,
  Space,
  Switch,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@guanxi/contract';
import { useNavigate } from 'react-router';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { buildDepartmentTree, useDepartments } from '../departments';
import { UserCards } from './UserCards';
import { UserFormDrawer } from './UserFormDrawer';
import { mayManageUser } from './userPlacement';
import { useUpdateUser, useUserManagementScope, useUsers, type UserFilters } from './users.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

export default function UserListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<UserFilters>({ includeDisabled: true });
  const [editing, setEditing] = useState<{ user?: User } | null>(null);
  const users = useUsers(filters);
  const departments = useDepartments();
  const update = useUpdateUser();
  const canManage = useHasPermission('users.manage');
  const scope = useUserManagementScope(canManage).data;
  const isNarrow = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const canHandover = useHasPermission('users.handover');
  const meId = useMe().data?.id;

  const toggleDisabled = (user: User) =>
    update.mutateAsync({ id: user.id, version: user.version, disabled: !user.disabled }).then(
      () => void message.success(t('common.saved')),
      (error: Error) => void message.error(error.message),
    );

  const columns: TableColumnsType<User> = [
    { key: 'username', dataIndex: 'username', title: t('user.username') },
    { key: 'displayName', dataIndex: 'displayName', title: t('user.displayName') },
    {
      key: 'department',
      dataIndex: 'departmentName',
      title: t('user.department'),
      render: (name: string | null) => name ?? t('common.empty'),
    },
    {
      key: 'manager',
      dataIndex: 'managerName',
      title: t('user.manager'),
      render: (name: string | null) => name ?? t('common.empty'),
    },
    {
      key: 'roles',
      title: t('user.roles'),
      render: (_, user) => user.roles.map((role) => <Tag key={role.id}>{role.name}</Tag>),
    },
    {
      key: 'status',
      dataIndex: 'disabled',
      title: t('user.status'),
      render: (disabled: boolean) =>
        disabled ? <Tag color="red">{t('user.disabled')}</Tag> : <Tag color="green">{t('user.active')}</Tag>,
    },
  ];
  // Managing is bounded by the caller's data scope: actions only where the server will accept them.
  const manages = (user: User) => canManage && mayManageUser(scope, user.id);
  // 离职交接 ends with deactivating, so it is offered for colleagues one may manage (the server checks the scope again).
  const mayHandOver = (user: User) => canHandover && user.id !== meId && (!canManage || mayManageUser(scope, user.id));
  const handoverLink = (user: User) => (
    <Button
      type="link"
      size="small"
      data-testid="user-handover"
      onClick={() => void navigate(`/settings/users/handover?user=${user.id}`)}
    >
      {t('handover.rowAction')}
    </Button>
  );
  const actionsFor = (user: User) =>
    (manages(user) || mayHandOver(user)) && (
      <Space size={0} wrap>
        {manages(user) && (
          <Button type="link" size="small" onClick={() => setEditing({ user })}>
            {t('common.edit')}
          </Button>
        )}
        {mayHandOver(user) && handoverLink(user)}
        {!manages(user) ? null : user.disabled ? (
          <Button type="link" size="small" onClick={() => void toggleDisabled(user)}>
            {t('user.enable')}
          </Button>
        ) : (
          <Popconfirm title={t('user.disableConfirm')} onConfirm={() => toggleDisabled(user)}>
            <Button type="link" size="small" danger>
              {t('user.disable')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  if (canManage || canHandover)
    columns.push({ key: 'actions', title: t('common.actions'), render: (_, user) => actionsFor(user) });

  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('user.title')}
      extra={
        <Space wrap>
          {canHandover && (
            <Button onClick={() => void navigate('/settings/users/handover')} data-testid="open-handover">
              {t('handover.menu')}
            </Button>
          )}
          {scope?.canCreate && (
            <NewButton type="primary" onClick={() => setEditing({})}>
              {t('user.new')}
            </NewButton>
          )}
        </Space>
      }
    >
      {scope && !scope.unbounded && (
        <Typography.Paragraph type="secondary">{t('user.scopeNotice')}</Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('user.searchPlaceholder')}
          style={{ width: isNarrow ? '100%' : 240 }}
          maxLength={64}
          onSearch={(value) => setFilters({ ...filters, q: value.trim() || undefined })}
        />
        <TreeSelect
          allowClear
          placeholder={t('user.allDepartments')}
          style={{ width: isNarrow ? '100%' : 220 }}
          treeDefaultExpandAll
          treeData={buildDepartmentTree(departments.data ?? [])}
          value={filters.departmentId}
          onChange={(departmentId?: string) => setFilters({ ...filters, departmentId })}
        />
        <Space size={4}>
          {t('user.includeDisabled')}
          <Switch
            size="small"
            checked={filters.includeDisabled === true}
            onChange={(checked) => setFilters({ ...filters, includeDisabled: checked || undefined })}
          />
        </Space>
      </Space>
      <QueryError query={users} />
      {isNarrow ? (
        <UserCards users={rows} loading={users.isPending} actionsFor={actionsFor} />
      ) : (
        <ListTable<User> columns={columns} rows={rows} loading={users.isPending} testId="user-table" />
      )}
      {users.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      <UserFormDrawer open={editing !== null} user={editing?.user} onClose={() => setEditing(null)} />
    </Card>
  );
}
