import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import type { ImportJob, ImportMapping } from '@guanxi/contract';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../platform/ui/FormModal';
import {
  useApplyImportTemplate,
  useDeleteImportTemplate,
  useImportTemplates,
  useSaveImportTemplate,
} from './imports.queries';

/**
 * Saved matchings of the job's kind: apply one (the server matches its columns by header) or save the
 * matching on screen for the next file with the same columns.
 */
export function TemplateBar({
  job,
  mapping,
  onApplied,
}: {
  job: ImportJob;
  mapping: () => ImportMapping;
  onApplied: (job: ImportJob) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const templates = useImportTemplates(job.kind);
  const apply = useApplyImportTemplate(job.id);
  const save = useSaveImportTemplate();
  const remove = useDeleteImportTemplate();
  const [form] = Form.useForm<{ name: string }>();
  const [isSaving, setSaving] = useState(false);
  const items = templates.data ?? [];

  return (
    <Space wrap>
      <Select
        placeholder={t('imports.map.templateApply')}
        value={null}
        loading={templates.isPending || apply.isPending}
        notFoundContent={t('imports.map.templateEmpty')}
        options={items.map((template) => ({ value: template.id, label: template.name }))}
        optionRender={(option) => (
          <Flex justify="space-between" align="center" gap={8}>
            <span>{option.label}</span>
            {/* Deleting from the list must not also apply the template the row names. */}
            <span onClick={(event) => event.stopPropagation()}>
              <Popconfirm
                title={t('imports.map.templateDeleteConfirm', { name: option.label })}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(String(option.value)).catch((error: Error) => void message.error(error.message))
                }
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('imports.map.templateDelete')}
                />
              </Popconfirm>
            </span>
          </Flex>
        )}
        onChange={(templateId: string) =>
          apply.mutate(templateId, {
            onSuccess: (applied) => {
              onApplied(applied);
              void message.success(t('imports.map.templateApplied'));
            },
            onError: (error) => void message.error(error.message),
          })
        }
        style={{ minWidth: 220 }}
        data-testid="import-template-apply"
      />
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="import-template-save">
        {t('imports.map.templateSave')}
      </Button>
      <FormModal
        open={isSaving}
        title={t('imports.map.templateSave')}
        form={form}
        saving={save.isPending}
        onClose={() => setSaving(false)}
        okTestId="import-template-save-ok"
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ name: job.fileName.replace(/\.[^.]+$/, '') }}
          onFinish={({ name }) =>
            save.mutate(
              { kind: job.kind, name, headers: job.columns.map((column) => column.header), mapping: mapping() },
              {
                onSuccess: () => {
                  setSaving(false);
                  void message.success(t('imports.map.templateSaved'));
                },
                onError: (error) => void message.error(error.message),
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('imports.map.templateName')}
            rules={[{ required: true, whitespace: true, message: t('imports.map.templateNameRequired') }]}
          >
            <Input maxLength={100} data-testid="import-template-name" />
          </Form.Item>
        </Form>
      </FormModal>
    </Space>
  );
}
