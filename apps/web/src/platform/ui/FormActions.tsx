import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The primary "Save" button that submits the surrounding form. */
export function SaveButton({ saving, testId }: { saving: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" htmlType="submit" loading={saving} data-testid={testId}>
      {t('common.save')}
    </Button>
  );
}

/**
 * "Save" and "Cancel" at the foot of a form. `end` puts them at the right with Cancel first, as
 * the wide drawers show them; otherwise Save leads on the left.
 */
export function SaveCancelActions({
  saving,
  testId,
  onCancel,
  end = false,
}: {
  saving: boolean;
  testId: string;
  onCancel: () => void;
  end?: boolean;
}) {
  const { t } = useTranslation();
  const cancel = <Button onClick={onCancel}>{t('common.cancel')}</Button>;
  const save = <SaveButton saving={saving} testId={testId} />;
  return end ? (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      {cancel}
      {save}
    </Space>
  ) : (
    <Space>
      {save}
      {cancel}
    </Space>
  );
}
