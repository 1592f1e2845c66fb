import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldOption,
  type CustomFieldType,
} from '@guanxi/contract';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useSaveCustomField } from './customFields.queries';

interface CustomFieldForm {
  label: string;
  labelEn?: string;
  key?: string;
  type: CustomFieldType;
  options?: { value?: string; label: string; labelEn?: string; active: boolean }[];
  required: boolean;
  showInList: boolean;
  showOnDetail: boolean;
  sortOrder?: number;
}

/** A new option's value: stable, never shown, unique within the field. */
const optionValues = (options: CustomFieldForm['options'] = []): CustomFieldOption[] => {
  const used = new Set(options.map((o) => o.value).filter(Boolean));
  let next = 1;
  return options.map((o) => {
    let value = o.value;
    while (!value) {
      const candidate = `o${next++}`;
      if (!used.has(candidate)) value = candidate;
    }
    used.add(value);
    return { value, label: o.label.trim(), labelEn: o.labelEn?.trim() || null, active: o.active };
  });
};

/** Creates or edits one custom field: names, type, options, required, where it shows. */
export function CustomFieldFormModal({
  entity,
  field,
  open,
  onClose,
}: {
  entity: CustomFieldEntity;
  field?: CustomFieldDefinition;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<CustomFieldForm>();
  const save = useSaveCustomField();
  const type = Form.useWatch('type', form) ?? field?.type ?? 'text';
  const isChoice = type === 'select' || type === 'multiselect';
  const submit = (values: CustomFieldForm) => {
    const common = {
      label: values.label,
      labelEn: values.labelEn?.trim() || null,
      required: values.required,
      showInList: values.showInList,
      showOnDetail: values.showOnDetail,
      ...(values.sortOrder == null ? {} : { sortOrder: values.sortOrder }),
      ...(isChoice ? { options: optionValues(values.options) } : {}),
    };
    const request = field
      ? { id: field.id, body: { ...common, version: field.version } }
      : { body: { ...common, entity, type: values.type, ...(values.key ? { key: values.key } : {}) } };
    save.mutate(request, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showServerErrors,
    });
  };
  return (
    <FormModal
      open={open}
      form={form}
      saving={save.isPending}
      onClose={onClose}
      okTestId="custom-field-save"
      title={field ? t('customField.edit') : t('customField.new')}
    >
      <Form<CustomFieldForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          label: field?.label,
          labelEn: field?.labelEn ?? undefined,
          key: field?.key,
          type: field?.type ?? 'text',
          options: field?.options.map((o) => ({ ...o, labelEn: o.labelEn ?? undefined })) ?? [],
          required: field?.required ?? false,
          showInList: field?.showInList ?? false,
          showOnDetail: field?.showOnDetail ?? true,
          sortOrder: field?.sortOrder,
        }}
      >
        <Form.Item name="label" label={t('customField.label')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} data-testid="custom-field-label" />
        </Form.Item>
        <Form.Item name="labelEn" label={t('customField.labelEn')}>
          <Input maxLength={60} data-testid="custom-field-label-en" />
        </Form.Item>
        <Form.Item name="type" label={t('customField.type')}>
          <Select
            disabled={Boolean(field)}
            data-testid="custom-field-type"
            options={CUSTOM_FIELD_TYPES.map((value) => ({ value, label: t(`customField.types.${value}`) }))}
          />
        </Form.Item>
        {!field && (
          <Form.Item
            name="key"
            label={t('customField.key')}
            extra={t('customField.keyHint')}
            rules={[{ pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        {isChoice && (
          <Form.List
            name="options"
            rules={[
              {
                validator: async (_, options?: unknown[]) => {
                  if (!options?.length) throw new Error(t('customField.optionsRequired'));
                },
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <Form.Item label={t('customField.options')}>
                {items.map(({ key, name }) => {
                  const saved = Boolean(form.getFieldValue(['options', name, 'value']));
                  return (
                    <Space key={key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                      <Form.Item name={[name, 'label']} rules={[{ required: true, whitespace: true }]} noStyle>
                        <Input
                          maxLength={40}
                          placeholder={t('customField.optionLabel')}
                          style={{ width: 140 }}
                          data-testid="custom-field-option"
                        />
                      </Form.Item>
                      <Form.Item name={[name, 'labelEn']} noStyle>
                        <Input maxLength={60} placeholder={t('customField.optionLabelEn')} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[name, 'active']} valuePropName="checked" noStyle>
                        <Checkbox>{t('customField.optionActive')}</Checkbox>
                      </Form.Item>
                      {/* An option records may hold is deactivated, not removed. */}
                      {!saved && (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={() => remove(name)}
                        />
                      )}
                    </Space>
                  );
                })}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ label: '', active: true })}
                  data-testid="custom-field-add-option"
                >
                  {t('customField.addOption')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            )}
          </Form.List>
        )}
        <Space size={24} wrap>
          <Form.Item name="required" label={t('customField.required')} valuePropName="checked">
            <Switch data-testid="custom-field-required" />
          </Form.Item>
          <Form.Item name="showInList" label={t('customField.showInList')} valuePropName="checked">
            <Switch data-testid="custom-field-show-in-list" />
          </Form.Item>
          <Form.Item name="showOnDetail" label={t('customField.showOnDetail')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="sortOrder" label={t('customField.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
