import { Button, Col, Form, Input, Row, Select, Skeleton, Space, Switch, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, USERNAME_PATTERN, type Locale, type User, type UserManagementScope } from '@guanxi/contract';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { useDepartments } from '../departments';
import { useRoles } from '../roles';
import { managerOptions, placementTree } from './userPlacement';
import { useCreateUser, useUpdateUser, useUserChoices, useUserManagementScope } from './users.queries';
import { FormDrawer } from '../../platform/ui/FormDrawer';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  email?: string | null;
  mobile?: string | null;
  departmentId?: string | null;
  managerId?: string | null;
  roleIds: string[];
  locale: Locale;
  disabled?: boolean;
}

const MOBILE = /^1[3-9][0-9]{9}$/;
const clean = (value?: string | null) => value?.trim() || null;

/** Fields of `values` that differ from `user`, in the shape PATCH /users/:id expects. */
function changes(values: Values, user: User) {
  const next = {
    displayName: values.displayName.trim(),
    email: clean(values.email),
    mobile: clean(values.mobile),
    departmentId: values.departmentId ?? null,
    managerId: values.managerId ?? null,
    locale: values.locale,
    disabled: values.disabled ?? false,
  };
  const body: Record<string, unknown> = Object.fromEntries(
    Object.entries(next).filter(([key, value]) => value !== user[key as keyof typeof next]),
  );
  const sameRoles =
    values.roleIds.length === user.roleIds.length && values.roleIds.every((id) => user.roleIds.includes(id));
  if (!sameRoles) body.roleIds = values.roleIds;
  if (values.password) body.password = values.password;
  return body;
}

export function UserFormDrawer({ user, open, onClose }: { user?: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={onClose} title={user ? t('user.edit') : t('user.new')} size={560}>
      <UserFormLoader user={user} onClose={onClose} />
    </FormDrawer>
  );
}

/** The form's defaults depend on what the caller may choose, so it waits for those bounds. */
function UserFormLoader({ user, onClose }: { user?: User; onClose: () => void }) {
  const scope = useUserManagementScope(true);
  const me = useMe();
  if (!scope.data || !me.data) return <Skeleton active />;
  return <UserFormPanel user={user} onClose={onClose} scope={scope.data} meId={me.data.id} />;
}

interface PanelProps {
  user?: User;
  onClose: () => void;
  scope: UserManagementScope;
  meId: string;
}

function UserFormPanel({ user, onClose, scope, meId }: PanelProps) {
  const { t, message, form, showServerErrors } = useEditForm<Values>();
  const departments = useDepartments();
  const roles = useRoles();
  const choices = useUserChoices();
  const create = useCreateUser();
  const update = useUpdateUser();

  const submit = (values: Values) => {
    const handlers = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showServerErrors,
    };
    if (user) {
      update.mutate({ id: user.id, version: user.version, ...changes(values, user) }, handlers);
    } else {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password ?? '',
          email: clean(values.email),
          mobile: clean(values.mobile),
          departmentId: values.departmentId ?? null,
          managerId: values.managerId ?? null,
          roleIds: values.roleIds,
          locale: values.locale,
        },
        handlers,
      );
    }
  };

  const managers = managerOptions(choices.data ?? [], scope, user);
  // Only a scope-all administrator moves themselves; others see their placement but cannot change it.
  const placementLocked = user?.id === meId && !scope.unbounded;
  const placementHint = placementLocked
    ? t('user.ownPlacementHint')
    : scope.unbounded
      ? undefined
      : t('user.placementScopeHint');
  const onlyDepartment = !scope.unbounded && scope.departmentIds.length === 1 ? scope.departmentIds[0] : null;
  const newUserDefaults = {
    username: '',
    displayName: '',
    roleIds: [],
    locale: 'zh-CN' as const,
    departmentId: onlyDepartment ?? null,
    managerId: scope.managerRequired ? meId : null,
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={user ? { ...user, password: undefined } : newUserDefaults}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="username"
            label={t('user.username')}
            rules={[{ required: true, pattern: new RegExp(USERNAME_PATTERN), message: t('user.usernameInvalid') }]}
          >
            <Input disabled={Boolean(user)} autoComplete="off" maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="displayName"
            label={t('user.displayName')}
            rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="password"
        label={user ? t('user.resetPassword') : t('user.password')}
        extra={user ? t('user.resetPasswordHint') : undefined}
        rules={[{ required: !user, min: 8, message: t('auth.passwordMin', { count: 8 }) }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="email"
            label={t('user.email')}
            rules={[{ type: 'email', message: t('customer.emailInvalid') }]}
          >
            <Input maxLength={254} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="mobile"
            label={t('user.mobile')}
            rules={[{ pattern: MOBILE, message: t('user.mobileInvalid') }]}
          >
            <Input maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="departmentId" label={t('user.department')} extra={placementHint}>
        <TreeSelect
          allowClear={scope.noDepartmentAllowed}
          disabled={placementLocked}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          treeData={placementTree(departments.data ?? [], scope, user?.departmentId ?? null)}
          data-testid="user-department"
        />
      </Form.Item>
      <Form.Item
        name="managerId"
        label={t('user.manager')}
        extra={scope.managerRequired && !placementLocked ? t('user.managerRequiredHint') : undefined}
        rules={[{ required: scope.managerRequired && !placementLocked, message: t('user.managerRequired') }]}
      >
        <Select
          allowClear={!scope.managerRequired}
          disabled={placementLocked}
          showSearch
          optionFilterProp="label"
          options={managers}
          loading={choices.isPending}
          data-testid="user-manager"
        />
      </Form.Item>
      <Form.Item
        name="roleIds"
        label={t('user.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}
      >
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={roles.isPending}
          options={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="locale" label={t('user.locale')}>
            <Select options={LOCALES.map((locale) => ({ value: locale, label: t(`locale.${locale}`) }))} />
          </Form.Item>
        </Col>
        {user && (
          <Col span={12}>
            <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
