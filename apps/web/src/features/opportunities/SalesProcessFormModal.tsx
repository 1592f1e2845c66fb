import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { SalesProcess, SalesProcessStageInput } from '@guanxi/contract';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useDepartments } from '../departments';
import { useSaveSalesProcess } from './opportunities.queries';
import { FormModal } from '../../platform/ui/FormModal';
import { NewButton } from '../../platform/ui/NewButton';

interface FormValues {
  name: string;
  departmentId: string | null;
  stages: SalesProcessStageInput[];
}

interface SalesProcessFormModalProps {
  open: boolean;
  /** The process to edit; absent to create one. */
  process?: SalesProcess;
  onClose: () => void;
}

/**
 * Edits a process's name, department and stages. A process in use keeps its stage structure:
 * the list and the probabilities are read-only, names stay editable (the server enforces it too).
 */
export function SalesProcessFormModal({ open, process, onClose }: SalesProcessFormModalProps) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>();
  const save = useSaveSalesProcess();
  const departments = useDepartments({ enabled: open });
  const isLocked = process?.inUse ?? false;
  const initialValues: FormValues = process
    ? {
        name: process.name,
        departmentId: process.departmentId,
        stages: process.stages.map(({ id, name, nameEn, probability }) => ({ id, name, nameEn, probability })),
      }
    : { name: '', departmentId: null, stages: [{ name: '', probability: 10 }] };

  const submit = (values: FormValues) => {
    const stages = values.stages.map((s) => ({ ...s, nameEn: s.nameEn || null }));
    const body = process ? { ...values, stages, version: process.version } : { ...values, stages };
    save.mutate(
      { id: process?.id, body },
      { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors },
    );
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={process ? t('salesProcess.edit') : t('salesProcess.new')}
      onClose={onClose}
      saving={save.isPending}
      width={680}
    >
      {isLocked && (
        <Alert
          type="info"
          showIcon
          title={t('salesProcess.inUseHint')}
          style={{ marginBottom: 16 }}
          data-testid="sales-process-locked"
        />
      )}
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Form.Item name="name" label={t('salesProcess.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('salesProcess.department')}>
          <Select
            options={[
              { value: null, label: t('salesProcess.defaultDepartment') },
              ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        </Form.Item>
        <Form.List name="stages">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, max: 32 }]}
                    noStyle
                  >
                    <Input placeholder={t('salesProcess.stageName')} maxLength={32} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'nameEn']} noStyle>
                    <Input placeholder={t('salesProcess.stageNameEn')} maxLength={32} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'probability']} rules={[{ required: true }]} noStyle>
                    <InputNumber
                      min={0}
                      max={100}
                      precision={0}
                      suffix="%"
                      disabled={isLocked}
                      style={{ width: 100 }}
                      aria-label={t('salesProcess.probability')}
                    />
                  </Form.Item>
                  <Button
                    icon={<ArrowUpOutlined />}
                    disabled={isLocked || index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={t('salesProcess.moveUp')}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    disabled={isLocked || index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={t('salesProcess.moveDown')}
                  />
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    disabled={isLocked || fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Space>
              ))}
              <NewButton disabled={isLocked || fields.length >= 20} onClick={() => add({ name: '', probability: 50 })}>
                {t('salesProcess.addStage')}
              </NewButton>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
