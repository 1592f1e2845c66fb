import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DATA_SCOPES,
  FIELD_ACCESS,
  PROTECTED_FIELDS,
  customFieldLabel,
  customFieldPermissionKey,
  type DataScope,
  type FieldPermissions,
  type Permission,
  type Role,
} from '@guanxi/contract';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { PermissionMatrix } from './PermissionMatrix';
import { useCreateRole, useRoleCustomFields, useUpdateRole } from './roles.queries';
import { SaveCancelActions } from '../../platform/ui/FormActions';
import { FormDrawer } from '../../platform/ui/FormDrawer';

interface Values {
  code: string;
  name: string;
  description?: string;
  dataScope: DataScope;
  permissions: Permission[];
  fieldPermissions: FieldPermissions;
}

const CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

export function RoleFormDrawer({ role, open, onClose }: { role?: Role; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={role ? `${t('role.edit')} · ${role.name}` : t('role.new')}
      size={720}
    >
      <RoleFormPanel role={role} onClose={onClose} />
    </FormDrawer>
  );
}

function RoleFormPanel({ role, onClose }: { role?: Role; onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<Values>();
  const { i18n } = useTranslation();
  const customFields = useRoleCustomFields();
  const create = useCreateRole();
  const update = useUpdateRole();

  const submit = (values: Values) => {
    const handlers = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showServerErrors,
    };
    const body = {
      name: values.name.trim(),
      description: values.description?.trim() ?? '',
      dataScope: values.dataScope,
      permissions: values.permissions,
      fieldPermissions: values.fieldPermissions,
    };
    if (role) update.mutate({ id: role.id, version: role.version, ...body }, handlers);
    else create.mutate({ code: values.code.trim(), ...body }, handlers);
  };

  const initialValues: Values = role
    ? { ...role, fieldPermissions: { ...role.fieldPermissions } }
    : { code: '', name: '', description: '', dataScope: 'own', permissions: [], fieldPermissions: {} };
  for (const field of PROTECTED_FIELDS) initialValues.fieldPermissions[field] ??= 'edit';

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
      <Space align="start" wrap>
        <Form.Item
          name="code"
          label={t('role.code')}
          rules={[{ required: true, pattern: CODE_PATTERN, message: t('role.codeInvalid') }]}
        >
          <Input disabled={Boolean(role)} maxLength={32} style={{ width: 200 }} data-testid="role-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('role.name')}
          rules={[{ required: true, whitespace: true, message: t('role.nameRequired') }]}
        >
          <Input maxLength={64} style={{ width: 240 }} data-testid="role-name" />
        </Form.Item>
        <Form.Item name="dataScope" label={t('role.dataScope')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={DATA_SCOPES.map((scope) => ({ value: scope, label: t(`dataScope.${scope}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('role.description')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="permissions" label={t('role.permissions')}>
        <PermissionMatrix />
      </Form.Item>
      <Form.Item label={t('role.fieldPermissions')}>
        <Space wrap>
          {PROTECTED_FIELDS.map((field) => (
            <Form.Item
              key={field}
              name={['fieldPermissions', field]}
              label={t(`protectedField.${field}`)}
              style={{ marginBottom: 0 }}
            >
              <Select
                style={{ width: 150 }}
                options={FIELD_ACCESS.map((access) => ({ value: access, label: t(`fieldAccess.${access}`) }))}
              />
            </Form.Item>
          ))}
          {/* Custom fields (issue 14) are guarded like built-in ones; a field a role does not mention is editable. */}
          {customFields.map((field) => {
            const key = customFieldPermissionKey(field.entity, field.key);
            return (
              <Form.Item
                key={key}
                name={['fieldPermissions', key]}
                label={`${t(`customField.entities.${field.entity}`)} · ${customFieldLabel(field, i18n.language)}`}
                initialValue="edit"
                style={{ marginBottom: 0 }}
              >
                <Select
                  style={{ width: 150 }}
                  data-testid={`role-field-${key}`}
                  options={FIELD_ACCESS.map((access) => ({ value: access, label: t(`fieldAccess.${access}`) }))}
                />
              </Form.Item>
            );
          })}
        </Space>
      </Form.Item>
      <SaveCancelActions saving={create.isPending || update.isPending} testId="role-submit" onCancel={onClose} end />
    </Form>
  );
}
