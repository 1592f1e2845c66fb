import type { Department, DepartmentManagementScope } from '@guanxi/contract';
import { Form, Input, TreeSelect } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { parentChoices } from './departmentBounds';
import { useCreateDepartment, useUpdateDepartment } from './departments.queries';
import { FormModal } from '../../platform/ui/FormModal';

/** What the dialog does: add a department under `parent`, or rename/move `department`. */
export type DepartmentAction =
  | { kind: 'create'; parent: Department | null }
  | { kind: 'rename'; department: Department }
  | { kind: 'move'; department: Department };

interface Values {
  name?: string;
  parentId?: string | null;
}

const TOP_LEVEL = '';

export function DepartmentDialog({
  action,
  departments,
  scope,
  onClose,
}: {
  action: DepartmentAction;
  departments: readonly Department[];
  /** The caller's bounds; a dialog only opens for a department they allow (so it is loaded). */
  scope: DepartmentManagementScope | undefined;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();

  const title =
    action.kind === 'create'
      ? action.parent
        ? `${t('department.addChild')} · ${action.parent.name}`
        : t('department.addRoot')
      : `${t(action.kind === 'rename' ? 'department.rename' : 'department.move')} · ${action.department.name}`;

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };

  const submit = (values: Values) => {
    const handlers = { onSuccess: done, onError: showServerErrors };
    if (action.kind === 'create') {
      create.mutate({ name: values.name?.trim() ?? '', parentId: action.parent?.id ?? null }, handlers);
    } else if (action.kind === 'rename') {
      const { id, version } = action.department;
      update.mutate({ id, version, name: values.name?.trim() }, handlers);
    } else {
      const { id, version } = action.department;
      update.mutate({ id, version, parentId: values.parentId || null }, handlers);
    }
  };

  const bounded = scope?.unbounded !== true;
  const parents = action.kind === 'move' && scope ? parentChoices(departments, scope, action.department.id) : [];
  // Only a scope-all manager may make a department top-level; a bounded one moves within their tree.
  const treeData = bounded
    ? parents
    : [{ key: TOP_LEVEL, value: TOP_LEVEL, title: t('department.topLevel'), children: parents }];

  return (
    <FormModal
      form={form}
      open
      title={title}
      onClose={onClose}
      okText={t('common.save')}
      saving={create.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: action.kind === 'rename' ? action.department.name : '',
          parentId: action.kind === 'move' ? (action.department.parentId ?? TOP_LEVEL) : undefined,
        }}
      >
        {action.kind === 'move' ? (
          <Form.Item
            name="parentId"
            label={t('department.parent')}
            extra={bounded ? t('department.parentScopeHint') : undefined}
          >
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        ) : (
          <Form.Item
            name="name"
            label={t('department.name')}
            rules={[{ required: true, whitespace: true, message: t('department.nameRequired') }]}
          >
            <Input maxLength={64} autoFocus data-testid="department-name" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
