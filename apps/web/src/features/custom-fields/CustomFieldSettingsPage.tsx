import { EditOutlined } from '@ant-design/icons';
import { CUSTOM_FIELD_ENTITIES, type CustomFieldDefinition, type CustomFieldEntity } from '@guanxi/contract';
import { Alert, App, Button, Card, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewButton } from '../../platform/ui/NewButton';
import { CustomFieldFormModal } from './CustomFieldFormModal';
import { labelOf, optionLabelOf } from './customFieldValues';
import { useCustomFieldDefinitions, useSaveCustomField } from './customFields.queries';

/** 设置 → 自定义字段: each record type's fields, added, edited, reordered and archived here. */
export default function CustomFieldSettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [entity, setEntity] = useState<CustomFieldEntity>('customer');
  const fields = useCustomFieldDefinitions(entity);
  const save = useSaveCustomField();
  const [editing, setEditing] = useState<{ field?: CustomFieldDefinition } | null>(null);
  const toggle = (field: CustomFieldDefinition) =>
    save.mutate(
      { id: field.id, body: { archived: !field.archived, version: field.version } },
      { onError: (error) => void message.error(error.message) },
    );
  return (
    <Card
      title={t('customField.title')}
      extra={
        <NewButton type="primary" onClick={() => setEditing({})} data-testid="custom-field-new">
          {t('customField.new')}
        </NewButton>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('customField.intro')}
        </Typography.Paragraph>
        <div style={{ overflowX: 'auto' }}>
          <Segmented<CustomFieldEntity>
            value={entity}
            onChange={setEntity}
            options={CUSTOM_FIELD_ENTITIES.map((value) => ({ value, label: t(`customField.entities.${value}`) }))}
            data-testid="custom-field-entity"
          />
        </div>
        {fields.isError && <Alert type="error" showIcon title={fields.error.message} />}
        {fields.isPending ? (
          <Spin />
        ) : (
          <List
            dataSource={fields.data ?? []}
            locale={{ emptyText: t('customField.empty') }}
            renderItem={(field) => (
              <List.Item
                data-testid="custom-field"
                actions={[
                  <Button
                    key="edit"
                    icon={<EditOutlined />}
                    onClick={() => setEditing({ field })}
                    aria-label={t('common.edit')}
                  />,
                  <Button key="archive" size="small" danger={!field.archived} onClick={() => toggle(field)}>
                    {field.archived ? t('customField.restore') : t('customField.archive')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Typography.Text strong delete={field.archived}>
                        {labelOf(field, i18n.language)}
                      </Typography.Text>
                      <Tag>{t(`customField.types.${field.type}`)}</Tag>
                      {field.required && <Tag color="red">{t('customField.requiredTag')}</Tag>}
                      {field.showInList && <Tag color="blue">{t('customField.listTag')}</Tag>}
                      {field.archived && <Tag>{t('customField.archived')}</Tag>}
                    </Space>
                  }
                  description={
                    field.options.length > 0
                      ? field.options
                          .filter((o) => o.active)
                          .map((o) => optionLabelOf(field, o.value, i18n.language))
                          .join(' · ')
                      : undefined
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Space>
      {editing && <CustomFieldFormModal entity={entity} field={editing.field} open onClose={() => setEditing(null)} />}
    </Card>
  );
}
