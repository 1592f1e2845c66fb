import { UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, type CreateFollowUpBody } from '@guanxi/contract';
import { App, Button, DatePicker, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useCustomerContacts } from '../contacts/contacts.queries';
import { uploadAttachment, useCreateFollowUp, useFollowUpTypes } from './followUps.queries';
import { useFollowUpTypeLabel } from './useFollowUpTypeLabel';

interface FollowUpFormValues {
  type: string;
  content: string;
  occurredAt: Dayjs;
  contactIds?: string[];
  nextContactAt?: Dayjs | null;
}

const MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;
const ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv';

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

/** Log a follow-up on a customer or a lead: type, content, time, contacts, next contact, files. Phone-friendly. */
export function FollowUpFormModal({
  parent,
  open,
  onClose,
}: {
  parent: { customerId: string } | { leadId: string };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpFormValues>();
  const showErrors = useServerFieldErrors(form);
  const types = useFollowUpTypes();
  const typeLabel = useFollowUpTypeLabel();
  const create = useCreateFollowUp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [isUploading, setUploading] = useState(false);

  const submit = async (values: FollowUpFormValues) => {
    const body: CreateFollowUpBody = {
      ...parent,
      type: values.type,
      content: values.content,
      occurredAt: values.occurredAt.toISOString(),
      nextContactAt: values.nextContactAt ? values.nextContactAt.toISOString() : null,
      ...('customerId' in parent ? { contactIds: values.contactIds ?? [] } : {}),
    };
    let id: string;
    try {
      id = (await create.mutateAsync(body)).id;
    } catch (error) {
      showErrors(error);
      return;
    }
    setUploading(true);
    for (const file of files) {
      try {
        await uploadAttachment(id, file.originFileObj as File);
      } catch (error) {
        void message.error(t('followUp.uploadFailed', { name: file.name, error: (error as Error).message }));
      }
    }
    setUploading(false);
    void message.success(t('followUp.logged'));
    setFiles([]);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('followUp.logTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || isUploading}
      okButtonProps={{ 'data-testid': 'follow-up-submit' }}
      destroyOnHidden
      width={600}
    >
      <Form<FollowUpFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ type: 'call', occurredAt: dayjs() }}
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
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            allowClear={false}
          />
        </Form.Item>
        {'customerId' in parent && <ContactField customerId={parent.customerId} />}
        <Form.Item name="nextContactAt" label={t('followUp.nextContactAt')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            data-testid="follow-up-next"
          />
        </Form.Item>
        <Form.Item label={t('followUp.attachments')} extra={t('followUp.attachmentHint', { size: MAX_MB })}>
          <Upload
            accept={ACCEPT}
            multiple
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > ATTACHMENT_MAX_BYTES)
                void message.error(t('followUp.tooLarge', { name: file.name, size: MAX_MB }));
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
    </Modal>
  );
}
