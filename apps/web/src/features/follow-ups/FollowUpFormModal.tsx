import { UploadOutlined } from '@ant-design/icons';
import {
  ATTACHMENT_MAX_BYTES,
  type CreateFollowUpBody,
  type FollowUp,
  type UpdateFollowUpBody,
} from '@guanxi/contract';
import { Alert, Button, DatePicker, Form, Input, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useCustomerContacts } from '../contacts';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, attachmentErrorText } from '../../platform/attachmentErrors';
import {
  fetchFollowUp,
  uploadAttachment,
  useCreateFollowUp,
  useFollowUpTypes,
  useUpdateFollowUp,
  type FollowUpTarget,
} from './followUps.queries';
import { useFollowUpTypeLabel } from './useFollowUpTypeLabel';
import { FormModal } from '../../platform/ui/FormModal';
import { orgToday } from '../../platform/orgToday';

interface FollowUpFormValues {
  type: string;
  content: string;
  occurredAt: Dayjs;
  contactIds?: string[];
  nextContactAt?: Dayjs | null;
}

const toFormValues = (row: FollowUp): FollowUpFormValues => ({
  type: row.type,
  content: row.content,
  occurredAt: dayjs(row.occurredAt),
  contactIds: row.contacts.map((c) => c.id),
  nextContactAt: row.nextContactAt ? dayjs(row.nextContactAt) : null,
});

const sameTime = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime();

/**
 * Only the fields that changed: the server checks again any time it is sent, so an untouched
 * "next contact" that has since passed would be refused if it were sent back.
 */
function toUpdateBody(values: FollowUpFormValues, before: FollowUp): UpdateFollowUpBody {
  const occurredAt = values.occurredAt.toISOString();
  const nextContactAt = values.nextContactAt ? values.nextContactAt.toISOString() : null;
  const contactIds = values.contactIds ?? [];
  const beforeContacts = before.contacts.map((c) => c.id);
  const contactsChanged =
    contactIds.length !== beforeContacts.length || contactIds.some((id, i) => id !== beforeContacts[i]);
  return {
    version: before.version,
    ...(values.type === before.type ? {} : { type: values.type }),
    ...(values.content === before.content ? {} : { content: values.content }),
    ...(sameTime(occurredAt, before.occurredAt) ? {} : { occurredAt }),
    ...(sameTime(nextContactAt, before.nextContactAt) ? {} : { nextContactAt }),
    ...(before.customerId && contactsChanged ? { contactIds } : {}),
  };
}

function ContactField({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const contacts = useCustomerContacts(customerId);
  return (
    <Form.Item name="contactIds" label={t('followUp.contacts')}>
      <Select
        mode="multiple"
        allowClear
        loading={contacts.isPending}
        options={(contacts.data?.items ?? []).map((c) => ({
          value: c.id,
          label: c.title ? `${c.name}（${c.title}）` : c.name,
        }))}
        data-testid="follow-up-contacts"
      />
    </Form.Item>
  );
}

/**
 * Log a follow-up on a customer or a lead, or edit one (`followUp`): type, content, time,
 * contacts, next contact, files. Phone-friendly.
 */
export function FollowUpFormModal({
  parent,
  followUp,
  targetName,
  open,
  onClose,
}: {
  parent: FollowUpTarget;
  /** Whom it is written on, in the title: opened away from the customer's page (the inbox), it says so. */
  targetName?: string;
  /** Edit this follow-up (PATCH with its version) instead of logging a new one. */
  followUp?: FollowUp;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<FollowUpFormValues>();
  const types = useFollowUpTypes();
  const typeLabel = useFollowUpTypeLabel();
  const create = useCreateFollowUp();
  const update = useUpdateFollowUp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [isUploading, setUploading] = useState(false);
  // The edited row as last read: its version is what the PATCH sends; "reload" after a 409 replaces it.
  const [current, setCurrent] = useState(followUp);
  const [conflict, setConflict] = useState<string | null>(null);

  const save = async (values: FollowUpFormValues): Promise<string> => {
    if (current) return (await update.mutateAsync({ id: current.id, body: toUpdateBody(values, current) })).id;
    const body: CreateFollowUpBody = {
      ...parent,
      type: values.type,
      content: values.content,
      occurredAt: values.occurredAt.toISOString(),
      nextContactAt: values.nextContactAt ? values.nextContactAt.toISOString() : null,
      ...('customerId' in parent ? { contactIds: values.contactIds ?? [] } : {}),
    };
    return (await create.mutateAsync(body)).id;
  };

  const submit = async (values: FollowUpFormValues) => {
    setConflict(null);
    let id: string;
    try {
      id = await save(values);
    } catch (error) {
      if (isApiError(error) && error.status === 409) setConflict(error.message);
      else showErrors(error);
      return;
    }
    setUploading(true);
    for (const file of files) {
      try {
        await uploadAttachment(id, file.originFileObj as File);
      } catch (error) {
        void message.error(attachmentErrorText(t, file.name, error));
      }
    }
    setUploading(false);
    void message.success(current ? t('followUp.updated') : t('followUp.logged'));
    setFiles([]);
    onClose();
  };

  const reloadLatest = async () => {
    if (!current) return;
    try {
      const latest = await fetchFollowUp(current.id);
      setCurrent(latest);
      form.setFieldsValue(toFormValues(latest));
      setConflict(null);
    } catch (error) {
      showErrors(error);
    }
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={`${current ? t('followUp.editTitle') : t('followUp.logTitle')}${targetName ? ` · ${targetName}` : ''}`}
      onClose={onClose}
      saving={create.isPending || update.isPending || isUploading}
      okTestId="follow-up-submit"
      width={600}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          style={{ marginBottom: 16 }}
          data-testid="follow-up-conflict"
          action={
            <Button size="small" onClick={() => void reloadLatest()}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      <Form<FollowUpFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={followUp ? toFormValues(followUp) : { type: 'call', occurredAt: dayjs() }}
        preserve={false}
      >
        <Form.Item name="type" label={t('followUp.type')} rules={[{ required: true }]}>
          <Select
            options={(types.data?.items ?? [])
              .filter((type) => type.active)
              .map((type) => ({ value: type.code, label: typeLabel(type.code) }))}
            data-testid="follow-up-type"
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('followUp.content')}
          rules={[{ required: true, whitespace: true, message: t('followUp.contentPlaceholder') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={4000}
            showCount
            placeholder={t('followUp.contentPlaceholder')}
            data-testid="follow-up-content"
          />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('followUp.occurredAt')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(orgToday(), 'day')}
            allowClear={false}
          />
        </Form.Item>
        {'customerId' in parent && <ContactField customerId={parent.customerId} />}
        <Form.Item name="nextContactAt" label={t('followUp.nextContactAt')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(orgToday(), 'day')}
            data-testid="follow-up-next"
          />
        </Form.Item>
        <Form.Item label={t('followUp.attachments')} extra={t('followUp.attachmentHint', { size: ATTACHMENT_MAX_MB })}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            multiple
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > ATTACHMENT_MAX_BYTES)
                void message.error(t('followUp.tooLarge', { name: file.name, size: ATTACHMENT_MAX_MB }));
              else
                setFiles((list) => [
                  ...list,
                  { uid: file.uid, name: file.name, size: file.size, originFileObj: file, status: 'done' },
                ]);
              return false;
            }}
            onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
          >
            <Button icon={<UploadOutlined />}>{t('followUp.addAttachment')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
