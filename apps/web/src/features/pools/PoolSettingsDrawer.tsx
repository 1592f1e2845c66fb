import { POOL_VISIBLE_FIELDS, type CustomerPool } from '@guanxi/contract';
import { App, Button, Checkbox, Drawer, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useDepartments } from '../departments';
import { useUserChoices } from '../users';
import { toPoolBody, toPoolFormValues, type PoolFormValues } from './poolForm';
import { OpenToAllField, PoolRulesFields } from './PoolRulesFields';
import { useCreatePool, useUpdatePool } from './pools.queries';

interface PoolSettingsDrawerProps {
  open: boolean;
  /** The pool to edit; absent to create one. */
  pool?: CustomerPool;
  onClose: () => void;
  onCreated?: (pool: CustomerPool) => void;
}

/** A pool's rules, visible fields, admins and members — for pool managers. */
export function PoolSettingsDrawer({ open, pool, onClose, onCreated }: PoolSettingsDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={pool ? `${t('pool.settings')} · ${pool.name}` : t('pool.new')}
      size={600}
      destroyOnHidden
    >
      {open && <PoolSettingsForm pool={pool} onClose={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function PoolSettingsForm({ pool, onClose, onCreated }: Omit<PoolSettingsDrawerProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PoolFormValues>();
  const showServerErrors = useServerFieldErrors(form);
  const users = useUserChoices();
  const departments = useDepartments();
  const create = useCreatePool();
  const update = useUpdatePool();
  const userOptions = (users.data ?? []).map((user) => ({ value: user.id, label: user.displayName }));
  const visibleOptions = POOL_VISIBLE_FIELDS.map((field) => ({ value: field, label: t(`customer.${field}`) }));

  const submit = (values: PoolFormValues) => {
    const body = toPoolBody(values);
    if (pool) {
      update.mutate(
        { id: pool.id, version: pool.version, ...body },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          void message.success(t('pool.created'));
          onCreated?.(created);
          onClose();
        },
        onError: showServerErrors,
      });
    }
  };

  const memberSelect = (name: 'adminUserIds' | 'memberUserIds', testId: string) => (
    <Form.Item name={name} label={t(`pool.${name}`)}>
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={users.isPending}
        options={userOptions}
        data-testid={testId}
      />
    </Form.Item>
  );

  return (
    <Form<PoolFormValues> form={form} layout="vertical" onFinish={submit} initialValues={toPoolFormValues(pool)}>
      <Form.Item
        name="name"
        label={t('pool.name')}
        rules={[{ required: true, whitespace: true, message: t('pool.nameRequired') }]}
      >
        <Input maxLength={64} data-testid="pool-name" />
      </Form.Item>
      <Tabs
        items={[
          { key: 'rules', label: t('pool.tabRules'), forceRender: true, children: <PoolRulesFields /> },
          {
            key: 'visible',
            label: t('pool.tabVisible'),
            forceRender: true,
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('pool.visibleHint')}</Typography.Paragraph>
                <Form.Item name="visibleFields" label={t('pool.visibleFields')}>
                  <Checkbox.Group options={visibleOptions} data-testid="pool-visible-fields" />
                </Form.Item>
              </>
            ),
          },
          {
            key: 'members',
            label: t('pool.tabMembers'),
            forceRender: true,
            children: (
              <>
                {memberSelect('adminUserIds', 'pool-admins')}
                <OpenToAllField />
                {memberSelect('memberUserIds', 'pool-members')}
                <Form.Item name="memberDepartmentIds" label={t('pool.memberDepartmentIds')}>
                  <Select
                    mode="multiple"
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={departments.isPending}
                    options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                    data-testid="pool-member-departments"
                  />
                </Form.Item>
              </>
            ),
          },
        ]}
      />
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="pool-save">
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
