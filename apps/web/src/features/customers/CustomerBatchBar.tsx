import { DeleteOutlined, InboxOutlined, SwapOutlined, TagsOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Space, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import type { CustomerBatchAction } from './customerBatch.queries';

/** The batch actions the caller's permissions allow, each with the right the server checks. */
export function useBatchActions(): { action: CustomerBatchAction; icon: ReactNode; danger?: boolean }[] {
  const canEdit = useHasPermission('customers.edit');
  const canAssign = useHasPermission('customers.assign');
  const canReturn = useHasPermission('pools.claim');
  const canDelete = useHasPermission('customers.delete');
  return [
    ...(canEdit ? [{ action: 'transfer' as const, icon: <SwapOutlined /> }] : []),
    ...(canAssign ? [{ action: 'assign' as const, icon: <UserSwitchOutlined /> }] : []),
    ...(canReturn ? [{ action: 'return' as const, icon: <InboxOutlined /> }] : []),
    ...(canEdit ? [{ action: 'tag' as const, icon: <TagsOutlined /> }] : []),
    ...(canDelete ? [{ action: 'delete' as const, icon: <DeleteOutlined />, danger: true }] : []),
  ];
}

const LABELS = {
  transfer: 'customerList.transfer',
  assign: 'customerList.assign',
  return: 'customerList.returnToPool',
  tag: 'customerList.addTags',
  delete: 'customerList.delete',
} as const satisfies Record<CustomerBatchAction, string>;

/** The label of a batch action (also the heading of its result). */
export const useBatchLabel = () => {
  const { t } = useTranslation();
  return (action: CustomerBatchAction) => t(LABELS[action]);
};

/** Above the table while rows are selected: how many, and the batch actions on them. */
export function CustomerBatchBar({
  count,
  onAction,
  onClear,
}: {
  count: number;
  onAction: (action: CustomerBatchAction) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const actions = useBatchActions();
  const label = useBatchLabel();
  const { token } = theme.useToken();
  if (count === 0) return null;
  return (
    <Space
      wrap
      style={{
        display: 'flex',
        marginBottom: 12,
        padding: '8px 12px',
        background: token.colorFillQuaternary,
        borderRadius: token.borderRadius,
      }}
      data-testid="customer-batch-bar"
    >
      <Typography.Text strong>{t('customerList.selected', { count })}</Typography.Text>
      {actions.map(({ action, icon, danger }) => (
        <Button
          key={action}
          size="small"
          icon={icon}
          danger={danger}
          onClick={() => onAction(action)}
          data-testid={`customer-batch-${action}`}
        >
          {label(action)}
        </Button>
      ))}
      <Button size="small" type="link" onClick={onClear} data-testid="customer-batch-clear">
        {t('customerList.clearSelection')}
      </Button>
    </Space>
  );
}
