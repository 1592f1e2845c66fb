import { POOL_VISIBLE_FIELDS, type CustomerPool } from '@guanxi/contract';
import { Checkbox, Form, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PoolDrawerShell, PoolMemberDepartmentsField } from '../../platform/pools/PoolDrawerShell';
import type { PoolDrawerSlot } from '../../platform/pools/PoolPageShell';
import { useDepartments } from '../departments';
import { useUserChoices } from '../users';
import { toPoolBody, toPoolFormValues } from './poolForm';
import { OpenToAllField, PoolRulesFields } from './PoolRulesFields';
import { useCreatePool, useUpdatePool } from './pools.queries';

/** A pool's rules, visible fields, admins and members — for pool managers. */
export function PoolSettingsDrawer(props: PoolDrawerSlot<CustomerPool>) {
  const { t } = useTranslation();
  return (
    <PoolDrawerShell
      {...props}
      size={600}
      testIdPrefix="pool"
      texts={{
        settings: t('pool.settings'),
        new: t('pool.new'),
        created: t('pool.created'),
        name: t('pool.name'),
        nameRequired: t('pool.nameRequired'),
      }}
      toFormValues={toPoolFormValues}
      toBody={toPoolBody}
      useCreate={useCreatePool}
      useUpdate={useUpdatePool}
      fields={PoolSettingsFields}
    />
  );
}

function PoolSettingsFields() {
  const { t } = useTranslation();
  const users = useUserChoices();
  const departments = useDepartments();
  const userOptions = (users.data ?? []).map((user) => ({ value: user.id, label: user.displayName }));
  const visibleOptions = POOL_VISIBLE_FIELDS.map((field) => ({ value: field, label: t(`customer.${field}`) }));

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
              <PoolMemberDepartmentsField
                label={t('pool.memberDepartmentIds')}
                departments={departments}
                testId="pool-member-departments"
              />
            </>
          ),
        },
      ]}
    />
  );
}
