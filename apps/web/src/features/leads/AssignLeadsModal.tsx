import { LEAD_ASSIGN_MODES, type AssignLeadsBody, type AssignLeadsResult } from '@guanxi/contract';
import { Alert, Form, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { ActiveUserSelect, useColleagues } from '../users';
import { useAssignLeads } from './leads.queries';

interface AssignValues {
  userIds: string[];
  mode: AssignLeadsBody['mode'];
}

/** What happened to each selected lead: assigned (to whom), not found, not assignable. */
function AssignResultSummary({ result }: { result: AssignLeadsResult }) {
  const { t } = useTranslation();
  // The same directory the picker read, so the names are there when the result shows.
  const users = useColleagues();
  const nameOf = (id: string) => users.data?.find((user) => user.id === id)?.displayName ?? id;
  const perUser = new Map<string, number>();
  for (const { userId } of result.assigned) perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
  const hasProblems = result.notFound.length > 0 || result.notAssignable.length > 0;
  return (
    <Alert
      type={hasProblems ? 'warning' : 'success'}
      showIcon
      data-testid="lead-assign-result"
      title={
        <Space wrap size={4}>
          <Tag color="green">{t('leadPool.resultAssigned', { count: result.assigned.length })}</Tag>
          <Tag color={result.notFound.length > 0 ? 'red' : 'default'}>
            {t('leadPool.resultNotFound', { count: result.notFound.length })}
          </Tag>
          <Tag color={result.notAssignable.length > 0 ? 'orange' : 'default'}>
            {t('leadPool.resultNotAssignable', { count: result.notAssignable.length })}
          </Tag>
        </Space>
      }
      description={[...perUser].map(([userId, count]) => (
        <Typography.Text key={userId} style={{ display: 'block' }}>
          {t('leadPool.resultPerUser', { name: nameOf(userId), count })}
        </Typography.Text>
      ))}
    />
  );
}

/** Bulk assignment of the selected pool leads to one salesperson or round-robin across several. */
export function AssignLeadsModal({ leadIds, onClose }: { leadIds: string[]; onClose: (assigned: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const showErrors = useServerFieldErrors(form);
  const assign = useAssignLeads();
  const [result, setResult] = useState<AssignLeadsResult | null>(null);

  const submit = (values: AssignValues) =>
    assign.mutate(
      { leadIds, userIds: values.userIds, mode: values.mode },
      { onSuccess: setResult, onError: showErrors },
    );

  return (
    <Modal
      open
      title={t('leadPool.assignTitle', { count: leadIds.length })}
      onCancel={() => onClose(result !== null)}
      onOk={() => (result ? onClose(true) : form.submit())}
      okText={result ? t('common.close') : t('leadPool.assign')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'lead-assign-submit' }}
    >
      {result ? (
        <AssignResultSummary result={result} />
      ) : (
        <Form<AssignValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ userIds: [], mode: 'round_robin' }}
        >
          <Form.Item name="mode" label={t('leadPool.assignMode')}>
            <Radio.Group
              options={LEAD_ASSIGN_MODES.map((mode) => ({
                value: mode,
                label: mode === 'each' ? t('leadPool.modeEach') : t('leadPool.modeRoundRobin'),
              }))}
              data-testid="lead-assign-mode"
            />
          </Form.Item>
          <Form.Item
            name="userIds"
            label={t('leadPool.assignUsers')}
            dependencies={['mode']}
            rules={[
              { required: true, type: 'array', min: 1, message: t('leadPool.assignUsersRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string[] | undefined) =>
                  getFieldValue('mode') === 'each' && (value?.length ?? 0) > 1
                    ? Promise.reject(new Error(t('leadPool.modeEachOneUser')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <ActiveUserSelect mode="multiple" allowClear data-testid="lead-assign-users" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
