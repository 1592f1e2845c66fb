import type { LeadPool } from '@guanxi/contract';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useDepartments } from '../departments';
import { ActiveUserSelect } from '../users';
import { useCreateLeadPool, useUpdateLeadPool } from './leadPools.queries';

interface LeadPoolDrawerProps {
  open: boolean;
  /** The pool to edit; absent to create one. */
  pool?: LeadPool;
  onClose: () => void;
  onCreated?: (pool: LeadPool) => void;
}

interface LeadPoolFormValues {
  name: string;
  description?: string;
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

/** A lead pool's name, description, admins (who assign) and members (who claim). */
export function LeadPoolDrawer({ open, pool, onClose, onCreated }: LeadPoolDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={pool ? `${t('leadPool.settings')} · ${pool.name}` : t('leadPool.new')}
      size={520}
      destroyOnHidden
    >
      {open && <LeadPoolForm pool={pool} onClose={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function LeadPoolForm({ pool, onClose, onCreated }: Omit<LeadPoolDrawerProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadPoolFormValues>();
  const showServerErrors = useServerFieldErrors(form);
  const departments = useDepartments();
  const create = useCreateLeadPool();
  const update = useUpdateLeadPool();

  const submit = (values: LeadPoolFormValues) => {
    const body = {
      name: values.name.trim(),
      description: values.description?.trim() || null,
      adminUserIds: values.adminUserIds,
      memberUserIds: values.memberUserIds,
      memberDepartmentIds: values.memberDepartmentIds,
    };
    if (pool) {
      update.mutate(
        { id: pool.id, version: pool.version, ...body },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors },
      );
      return;
    }
    create.mutate(body, {
      onSuccess: (created) => {
        void message.success(t('leadPool.created'));
        onCreated?.(created);
        onClose();
      },
      onError: showServerErrors,
    });
  };

  return (
    <Form<LeadPoolFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        name: pool?.name ?? '',
        description: pool?.description ?? '',
        adminUserIds: pool?.adminUserIds ?? [],
        memberUserIds: pool?.memberUserIds ?? [],
        memberDepartmentIds: pool?.memberDepartmentIds ?? [],
      }}
    >
      <Form.Item
        name="name"
        label={t('leadPool.name')}
        rules={[{ required: true, whitespace: true, message: t('leadPool.nameRequired') }]}
      >
        <Input maxLength={64} data-testid="lead-pool-name" />
      </Form.Item>
      <Form.Item name="description" label={t('leadPool.description')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="lead-pool-description" />
      </Form.Item>
      <Form.Item name="adminUserIds" label={t('leadPool.adminUserIds')}>
        <ActiveUserSelect mode="multiple" allowClear data-testid="lead-pool-admins" />
      </Form.Item>
      <Form.Item name="memberUserIds" label={t('leadPool.memberUserIds')}>
        <ActiveUserSelect mode="multiple" allowClear data-testid="lead-pool-members" />
      </Form.Item>
      <Form.Item name="memberDepartmentIds" label={t('leadPool.memberDepartmentIds')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isPending}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="lead-pool-departments"
        />
      </Form.Item>
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending || update.isPending}
          data-testid="lead-pool-save"
        >
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
