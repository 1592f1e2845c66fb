import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department, DepartmentManagementScope } from '@guanxi/contract';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Spin, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { IconAction } from '../../platform/ui/IconAction';
import { DepartmentDialog, type DepartmentAction } from './DepartmentDialog';
import { departmentActions } from './departmentBounds';
import { useDeleteDepartment, useDepartmentManagementScope, useDepartments } from './departments.queries';
import { buildDepartmentTree, type DepartmentNode } from './departmentTree';
import { NewButton } from '../../platform/ui/NewButton';

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const canManage = useHasPermission('departments.manage');
  // The server bounds department changes by the caller's data scope; offer only what it accepts.
  const scope = useDepartmentManagementScope(canManage).data;
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
        <NodeActions
          department={department}
          scope={scope}
          onAction={setAction}
          onDelete={() => confirmDelete(department)}
        />
      </Space>
    );
  };

  const tree = buildDepartmentTree(departments.data ?? []);

  return (
    <Card
      title={t('department.title')}
      extra={
        scope?.unbounded && (
          <NewButton type="primary" onClick={() => setAction({ kind: 'create', parent: null })}>
            {t('department.addRoot')}
          </NewButton>
        )
      }
    >
      {scope && !scope.unbounded && (
        <Typography.Paragraph type="secondary" data-testid="department-scope-hint">
          {t(scope.canChange ? 'department.scopeHint' : 'department.readOnlyHint')}
        </Typography.Paragraph>
      )}
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
        <DepartmentDialog
          action={action}
          departments={departments.data ?? []}
          scope={scope}
          onClose={() => setAction(null)}
        />
      )}
    </Card>
  );
}

/** The buttons of one department: only those the caller's management scope allows. */
function NodeActions({
  department,
  scope,
  onAction,
  onDelete,
}: {
  department: Department;
  scope: DepartmentManagementScope | undefined;
  onAction: (action: DepartmentAction) => void;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const allowed = departmentActions(scope, department.id);
  if (!allowed.change && !allowed.move) return null;
  return (
    <span onClick={(event) => event.stopPropagation()}>
      {allowed.change && (
        <>
          <IconAction
            label={t('department.addChild')}
            icon={<PlusOutlined />}
            onClick={() => onAction({ kind: 'create', parent: department })}
          />
          <IconAction
            label={t('department.rename')}
            icon={<EditOutlined />}
            onClick={() => onAction({ kind: 'rename', department })}
          />
        </>
      )}
      {allowed.move && (
        <IconAction
          label={t('department.move')}
          icon={<DragOutlined />}
          onClick={() => onAction({ kind: 'move', department })}
        />
      )}
      {allowed.change && (
        <Popconfirm
          title={t('department.deleteConfirm', { name: department.name })}
          onConfirm={onDelete}
          okButtonProps={{ danger: true }}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      )}
    </span>
  );
}
