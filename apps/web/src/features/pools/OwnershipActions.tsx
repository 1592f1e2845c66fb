import type { Customer } from '@guanxi/contract';
import { App, Button, Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { useColleagues } from '../users';
import { useOwnership, useOwnershipAction, type OwnershipAction } from './ownership.queries';
import { FormModal } from '../../platform/ui/FormModal';

type DialogKind = 'assign' | 'transfer' | 'return';
interface DialogValues {
  userId?: string;
  keepAsTeamMember?: boolean;
  reason?: string;
}

function OwnershipDialog({
  kind,
  customerId,
  onClose,
}: {
  kind: DialogKind | null;
  customerId: string;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<DialogValues>();
  const users = useColleagues();
  const act = useOwnershipAction(customerId);
  const titles = {
    assign: t('ownership.assign'),
    transfer: t('ownership.transfer'),
    return: t('ownership.returnToPool'),
  };
  const done = {
    assign: t('ownership.assigned'),
    transfer: t('ownership.transferred'),
    return: t('ownership.returned'),
  };

  const submit = (values: DialogValues) => {
    if (!kind) return;
    const action: OwnershipAction =
      kind === 'return'
        ? { kind, body: { reason: values.reason?.trim() ?? '' } }
        : kind === 'assign'
          ? { kind, body: { userId: values.userId ?? '' } }
          : { kind, body: { userId: values.userId ?? '', keepAsTeamMember: values.keepAsTeamMember ?? false } };
    act.mutate(action, { onSuccess: () => (void message.success(done[kind]), onClose()), onError: showErrors });
  };

  return (
    <FormModal
      form={form}
      open={kind !== null}
      title={kind ? titles[kind] : null}
      onClose={onClose}
      saving={act.isPending}
      okTestId="ownership-submit"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {kind !== 'return' && (
          <Form.Item
            name="userId"
            label={t('ownership.user')}
            rules={[{ required: true, message: t('ownership.userRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={users.isPending}
              options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              data-testid="ownership-user"
            />
          </Form.Item>
        )}
        {kind === 'transfer' && (
          <Form.Item name="keepAsTeamMember" valuePropName="checked">
            <Checkbox data-testid="ownership-keep">{t('ownership.keepAsTeamMember')}</Checkbox>
          </Form.Item>
        )}
        {kind === 'return' && (
          <Form.Item
            name="reason"
            label={t('ownership.reason')}
            rules={[{ required: true, whitespace: true, message: t('ownership.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="ownership-reason" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** Claim / return / assign / transfer / lock, as the user's permissions and the ownership allow. */
export function OwnershipActions({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const ownership = useOwnership(customer.id);
  const act = useOwnershipAction(customer.id);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const canAssign = useHasPermission('customers.assign');
  const canClaim = useHasPermission('pools.claim');
  const canManagePools = useHasPermission('pools.manage');
  const isMine = customer.ownerId !== null && customer.ownerId === me?.id;
  const inPool = customer.ownerId === null;
  const locked = ownership.data?.locked ?? false;
  const days = ownership.data?.daysUntilReclaim ?? null;

  const quick = (action: OwnershipAction, success: string) =>
    act.mutate(action, {
      onSuccess: () => void message.success(success),
      onError: (error) => void message.error(error.message),
    });

  return (
    <Space wrap size={4}>
      {locked && <Tag color="blue">{t('ownership.lockedTag')}</Tag>}
      {!inPool && !locked && days !== null && (
        <Tag color={days <= 3 ? 'red' : 'orange'} data-testid="reclaim-badge">
          {days <= 0 ? t('ownership.reclaimDue') : t('ownership.reclaimIn', { days })}
        </Tag>
      )}
      {inPool && canClaim && (
        <Button
          size="small"
          type="primary"
          loading={act.isPending}
          onClick={() => quick({ kind: 'claim' }, t('ownership.claimed'))}
          data-testid="ownership-claim"
        >
          {t('ownership.claim')}
        </Button>
      )}
      {canAssign && (
        <Button size="small" onClick={() => setDialog('assign')} data-testid="ownership-assign">
          {t('ownership.assign')}
        </Button>
      )}
      {!inPool && (isMine || canAssign) && (
        <Button size="small" onClick={() => setDialog('transfer')} data-testid="ownership-transfer">
          {t('ownership.transfer')}
        </Button>
      )}
      {!inPool && canClaim && (isMine || canAssign) && (
        <Button size="small" onClick={() => setDialog('return')} data-testid="ownership-return">
          {t('ownership.returnToPool')}
        </Button>
      )}
      {!inPool && canManagePools && (
        <Button
          size="small"
          loading={act.isPending}
          onClick={() =>
            quick(
              locked ? { kind: 'unlock' } : { kind: 'lock' },
              locked ? t('ownership.unlocked') : t('ownership.locked'),
            )
          }
          data-testid="ownership-lock"
        >
          {locked ? t('ownership.unlock') : t('ownership.lock')}
        </Button>
      )}
      {dialog && <OwnershipDialog kind={dialog} customerId={customer.id} onClose={() => setDialog(null)} />}
    </Space>
  );
}
