import type { BulkCustomerResult } from '@guanxi/contract';
import { Alert, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { FormModal } from '../../platform/ui/FormModal';
import { ActiveUserSelect } from '../users';
import { useCustomerBatch, usePoolChoices, type CustomerBatchAction } from './customerBatch.queries';

interface BatchValues {
  userId?: string;
  keepAsTeamMember?: boolean;
  poolId?: string;
  reason?: string;
  tags?: string[];
}

const TITLES = {
  transfer: 'customerList.transferTitle',
  assign: 'customerList.assignTitle',
  return: 'customerList.returnTitle',
  tag: 'customerList.tagTitle',
  delete: 'customerList.deleteTitle',
} as const satisfies Record<CustomerBatchAction, string>;

/** Asks what the batch action needs (a user, a pool and reason, tags, or a confirmation), then runs it. */
export function CustomerBatchModal({
  action,
  customerIds,
  onClose,
  onDone,
}: {
  action: CustomerBatchAction | null;
  customerIds: string[];
  onClose: () => void;
  onDone: (action: CustomerBatchAction, result: BulkCustomerResult) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BatchValues>();
  const showErrors = useServerFieldErrors(form);
  const batch = useCustomerBatch();
  const pools = usePoolChoices(action === 'return');
  const count = customerIds.length;

  const submit = (values: BatchValues) => {
    if (!action) return;
    const done = {
      onSuccess: (result: BulkCustomerResult) => (onDone(action, result), onClose()),
      onError: showErrors,
    };
    if (action === 'transfer' || action === 'assign') {
      const keep = action === 'transfer' ? { keepAsTeamMember: values.keepAsTeamMember === true } : {};
      batch.mutate({ action, body: { customerIds, userId: values.userId!, ...keep } }, done);
    } else if (action === 'return') {
      const pool = values.poolId ? { poolId: values.poolId } : {};
      batch.mutate({ action, body: { customerIds, reason: values.reason!.trim(), ...pool } }, done);
    } else if (action === 'tag') {
      const tags = [...new Set((values.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
      batch.mutate({ action, body: { customerIds, tags } }, done);
    } else batch.mutate({ action, body: { customerIds } }, done);
  };

  const poolOptions = pools.data ?? [];
  return (
    <FormModal
      form={form}
      open={action !== null}
      title={action ? t(TITLES[action], { count }) : undefined}
      onClose={onClose}
      saving={batch.isPending}
      danger={action === 'delete'}
      okTestId="customer-batch-submit"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {(action === 'transfer' || action === 'assign') && (
          <Form.Item
            name="userId"
            label={t(action === 'transfer' ? 'customerList.user' : 'customerList.newOwner')}
            rules={[{ required: true, message: t('customerList.userRequired') }]}
          >
            <ActiveUserSelect data-testid="customer-batch-user" />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <Form.Item name="keepAsTeamMember" valuePropName="checked">
            <Checkbox>{t('customerList.keepAsTeamMember')}</Checkbox>
          </Form.Item>
        )}
        {action === 'return' && poolOptions.length > 1 && (
          <Form.Item name="poolId" label={t('customerList.pool')}>
            <Select allowClear placeholder={t('customerList.ownPool')} options={poolOptions} />
          </Form.Item>
        )}
        {action === 'return' && (
          <Form.Item
            name="reason"
            label={t('customerList.reason')}
            rules={[{ required: true, whitespace: true, message: t('customerList.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="customer-batch-reason" />
          </Form.Item>
        )}
        {action === 'tag' && (
          <Form.Item
            name="tags"
            label={t('customerList.tagsToAdd')}
            extra={t('customerList.tagsHint')}
            rules={[
              { required: true, message: t('customerList.tagsRequired') },
              { type: 'array', max: 10 },
              {
                validator: (_, tags?: string[]) =>
                  (tags ?? []).every((tag) => tag.trim().length <= 20)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('customerList.tagTooLong'))),
              },
            ]}
          >
            <Select mode="tags" maxCount={10} open={false} suffixIcon={null} data-testid="customer-batch-tags" />
          </Form.Item>
        )}
        {action === 'delete' && <Alert type="warning" showIcon title={t('customerList.deleteHint')} />}
      </Form>
    </FormModal>
  );
}
