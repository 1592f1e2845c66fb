import type { CreateLeadPoolBody, LeadPool } from '@guanxi/contract';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PoolDrawerShell, PoolMemberDepartmentsField } from '../../platform/pools/PoolDrawerShell';
import type { PoolDrawerSlot } from '../../platform/pools/PoolPageShell';
import { useDepartments } from '../departments';
import { ActiveUserSelect } from '../users';
import { useCreateLeadPool, useUpdateLeadPool } from './leadPools.queries';

interface LeadPoolFormValues {
  name: string;
  description?: string;
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

const toFormValues = (pool: LeadPool | undefined): LeadPoolFormValues => ({
  name: pool?.name ?? '',
  description: pool?.description ?? '',
  adminUserIds: pool?.adminUserIds ?? [],
  memberUserIds: pool?.memberUserIds ?? [],
  memberDepartmentIds: pool?.memberDepartmentIds ?? [],
});

const toBody = (values: LeadPoolFormValues): CreateLeadPoolBody => ({
  name: values.name.trim(),
  description: values.description?.trim() || null,
  adminUserIds: values.adminUserIds,
  memberUserIds: values.memberUserIds,
  memberDepartmentIds: values.memberDepartmentIds,
});

/** A lead pool's name, description, admins (who assign) and members (who claim). */
export function LeadPoolDrawer(props: PoolDrawerSlot<LeadPool>) {
  const { t } = useTranslation();
  return (
    <PoolDrawerShell
      {...props}
      size={520}
      testIdPrefix="lead-pool"
      texts={{
        settings: t('leadPool.settings'),
        new: t('leadPool.new'),
        created: t('leadPool.created'),
        name: t('leadPool.name'),
        nameRequired: t('leadPool.nameRequired'),
      }}
      toFormValues={toFormValues}
      toBody={toBody}
      useCreate={useCreateLeadPool}
      useUpdate={useUpdateLeadPool}
      fields={LeadPoolFields}
    />
  );
}

function LeadPoolFields() {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <>
      <Form.Item name="description" label={t('leadPool.description')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="lead-pool-description" />
      </Form.Item>
      <Form.Item name="adminUserIds" label={t('leadPool.adminUserIds')}>
        <ActiveUserSelect mode="multiple" allowClear data-testid="lead-pool-admins" />
      </Form.Item>
      <Form.Item name="memberUserIds" label={t('leadPool.memberUserIds')}>
        <ActiveUserSelect mode="multiple" allowClear data-testid="lead-pool-members" />
      </Form.Item>
      <PoolMemberDepartmentsField
        label={t('leadPool.memberDepartmentIds')}
        departments={departments}
        testId="lead-pool-departments"
      />
    </>
  );
}
