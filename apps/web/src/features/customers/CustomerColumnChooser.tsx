import { SettingOutlined } from '@ant-design/icons';
import type { CustomerColumnChoice } from '@guanxi/contract';
import { App, Button, Checkbox, Divider, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetCustomerColumnPreference } from './customerBatch.queries';
import { useColumnChoices } from './useCustomerColumns';

/**
 * The column chooser of the customer list (antd popover of checkboxes): the choice is saved on the
 * server for this user, so it is the same on every device; "reset" goes back to the default set.
 */
export function CustomerColumnChooser({
  visible,
  isDefault,
}: {
  visible: readonly CustomerColumnChoice[];
  /** Whether the user still sees the default set (nothing to reset). */
  isDefault: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choices = useColumnChoices();
  const save = useSetCustomerColumnPreference();
  const onError = (error: Error) => void message.error(t('customerList.columnsSaveFailed', { message: error.message }));

  const content = (
    <div style={{ maxWidth: 280 }} data-testid="customer-columns-panel">
      <Checkbox.Group
        value={[...new Set<CustomerColumnChoice>(['name', ...visible])]}
        onChange={(checked) => save.mutate(checked as CustomerColumnChoice[], { onError })}
      >
        <Space orientation="vertical" size={4}>
          {choices.map((choice) => (
            <Checkbox
              key={choice.key}
              value={choice.key}
              disabled={choice.key === 'name'}
              data-testid={`customer-column-${choice.key}`}
            >
              {choice.label}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Divider style={{ margin: '8px 0' }} />
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => save.mutate(null, { onError })}
        disabled={isDefault}
        data-testid="customer-columns-reset"
      >
        {t('customerList.columnsReset')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('customerList.columnsTitle')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="customer-columns">
        {t('customerList.columns')}
      </Button>
    </Popover>
  );
}
