import type { Competitor } from '@guanxi/contract';
import { Form, Input } from 'antd';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useSaveCompetitor } from './competition.queries';

interface CompetitorForm {
  name: string;
  website?: string;
  notes?: string;
}

/** Creates or edits one competitor of the organization's list. */
export function CompetitorFormModal({
  competitor,
  open,
  onClose,
}: {
  competitor?: Competitor;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<CompetitorForm>();
  const save = useSaveCompetitor();
  const submit = (values: CompetitorForm) => {
    const fields = { name: values.name, website: values.website?.trim() || null, notes: values.notes?.trim() || null };
    save.mutate(
      competitor ? { id: competitor.id, body: { ...fields, version: competitor.version } } : { body: fields },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: showServerErrors,
      },
    );
  };
  return (
    <FormModal
      open={open}
      form={form}
      saving={save.isPending}
      onClose={onClose}
      okTestId="competitor-save"
      title={competitor ? t('competitor.edit') : t('competitor.new')}
    >
      <Form<CompetitorForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: competitor?.name,
          website: competitor?.website ?? undefined,
          notes: competitor?.notes ?? undefined,
        }}
      >
        <Form.Item name="name" label={t('competitor.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} data-testid="competitor-form-name" />
        </Form.Item>
        <Form.Item name="website" label={t('competitor.website')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('competitor.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
