import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department } from '@guanxi/contract';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Spin, Tooltip, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../auth/auth.queries';
import { DepartmentDialog, type DepartmentAction } from './DepartmentDialog';
import { useDeleteDepartment, useDepartments } from './departments.queries';
import { buildDepartmentTree, type DepartmentNode } from './departmentTree';

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const canManage = useHasPermission('departments.manage');
  const [action, setAction] = useState<DepartmentAction | null>(null);

  const confirmDelete = (department: Department) =>
    remove.mutateAsync(department.id).then(
      () => void message.success(t('common.deleted')),
      // e.g. 409 while it still has sub-departments or users: the server says which.
      (error: Error) => void message.error(error.message),
    );

  const renderNode = (node: DepartmentNode) => {
    const { department } = node;
    return (
      <Space size={4}>
        <Typography.Text>{department.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('department.userCount', { count: department.userCount })}
        </Typography.Text>
        {canManage && (
          <span onClick={(event) => event.stopPropagation()}>
            <Tooltip title={t('department.addChild')}>
              <Button
                size="small"
                type="text"
                icon={<PlusOutlined />}
                onClick={() => setAction({ kind: 'create', parent: department })}
              />
            </Tooltip>
            <Tooltip title={t('department.rename')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                onClick={() => setAction({ kind: 'rename', department })}
              />
            </Tooltip>
            <Tooltip title={t('department.move')}>
              <Button
                size="small"
                type="text"
                icon={<DragOutlined />}
                onClick={() => setAction({ kind: 'move', department })}
              />
            </Tooltip>
            <Popconfirm
              title={t('department.deleteConfirm', { name: department.name })}
              onConfirm={() => confirmDelete(department)}
              okButtonProps={{ danger: true }}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </span>
        )}
      </Space>
    );
  };

  const tree = buildDepartmentTree(departments.data ?? []);

  return (
    <Card
      title={t('department.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAction({ kind: 'create', parent: null })}>
            {t('department.addRoot')}
          </Button>
        )
      }
    >
      {departments.isPending && <Spin />}
      {departments.isError && <Alert type="error" showIcon title={departments.error.message} />}
      {departments.isSuccess && tree.length === 0 && <Empty description={t('department.empty')} />}
      {tree.length > 0 && (
        <Tree<DepartmentNode>
          // Remounted after each change so added and moved departments show expanded.
          key={departments.dataUpdatedAt}
          treeData={tree}
          defaultExpandAll
          blockNode
          selectable={false}
          titleRender={renderNode}
          data-testid="department-tree"
        />
      )}
      {action && (
        <DepartmentDialog action={action} departments={departments.data ?? []} onClose={() => setAction(null)} />
      )}
    </Card>
  );
}
