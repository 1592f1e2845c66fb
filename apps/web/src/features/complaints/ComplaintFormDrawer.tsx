import { COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, type CreateComplaintBody } from '@guanxi/contract';
import { Button, Drawer, Form, Input, Select, Space, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { categoryTree } from './categoryTree';
import { useComplaintCategories, useCreateComplaint } from './complaints.queries';

interface Values {
  customerId?: string;
  subject: string;
  description: string;
  severity: CreateComplaintBody['severity'];
  channel?: CreateComplaintBody['channel'];
  categoryId?: string;
}

/** Open a complaint: from the queue (pick the customer) or from a customer's page (customer given). */
export function ComplaintFormDrawer({
  open,
  onClose,
  customer,
}: {
  open: boolean;
  onClose: () => void;
  customer?: { id: string; name: string };
}) {
  const { t, message, form, showServerErrors } = useEditForm<Values>();
  const create = useCreateComplaint();
  const categories = useComplaintCategories();
  const navigate = useNavigate();
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';

  const submit = (values: Values) => {
    create.mutate(
      {
        customerId: customer?.id ?? values.customerId ?? '',
        subject: values.subject,
        description: values.description,
        severity: values.severity,
        channel: values.channel ?? 'phone',
        ...(values.categoryId ? { categoryId: values.categoryId } : {}),
      },
      {
        onSuccess: (detail) => {
          void message.success(t('common.saved'));
          onClose();
          if (!customer) void navigate(`/complaints/${detail.complaint.id}`);
        },
        onError: showServerErrors,
      },
    );
  };

  const required = (label: string) => [{ required: true, message: t('complaint.required', { field: label }) }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('complaint.new')}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="complaint-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ severity: 'normal', channel: 'phone' }} onFinish={submit}>
        {!customer && (
          <Form.Item name="customerId" label={t('complaint.customer')} rules={required(t('complaint.customer'))}>
            <CustomerPicker mineFirst data-testid="complaint-customer" />
          </Form.Item>
        )}
        <Form.Item name="subject" label={t('complaint.subject')} rules={required(t('complaint.subject'))}>
          <Input maxLength={200} data-testid="complaint-subject" />
        </Form.Item>
        <Form.Item name="description" label={t('complaint.description')} rules={required(t('complaint.description'))}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="complaint-description" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="severity" label={t('complaint.severity')}>
            <Select
              style={{ width: 140 }}
              data-testid="complaint-severity"
              options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaint.severities.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('complaint.channel')}>
            <Select
              style={{ width: 160 }}
              options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaint.channels.${c}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="categoryId" label={t('complaint.category')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            data-testid="complaint-category"
            treeData={categoryTree(categories.data ?? [], language, { activeOnly: true })}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
