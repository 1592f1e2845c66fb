import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The danger "Delete" button of a detail page, asking `confirmTitle` before it deletes. When
 * `onConfirm` returns a promise the confirmation's OK button spins until it settles.
 */
export function DeleteButton({
  confirmTitle,
  onConfirm,
  deleting,
  testId,
}: {
  confirmTitle: string;
  onConfirm: () => Promise<unknown> | void;
  deleting: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm title={confirmTitle} onConfirm={onConfirm} okButtonProps={{ danger: true }}>
      <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid={testId}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
