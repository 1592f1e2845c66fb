import {
  CUSTOMER_KINDS,
  type ConvertLeadBody,
  type ConvertLeadResult,
  type CustomerKind,
  type Lead,
} from '@guanxi/contract';
import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useConvertLead } from './leads.queries';
import { FormModal } from '../../platform/ui/FormModal';

interface ConvertValues {
  kind: CustomerKind;
  name?: string;
  createContact: boolean;
}

/** Converts a lead once, with optional overrides for the new customer's kind and name. */
export function ConvertLeadModal({
  lead,
  open,
  onClose,
  onConverted,
}: {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onConverted?: (result: ConvertLeadResult) => void;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<ConvertValues>();
  const convert = useConvertLead(lead.id);
  const defaultKind: CustomerKind = lead.companyName ? 'company' : 'person';

  const submit = (values: ConvertValues) => {
    const name = values.name?.trim();
    const body: ConvertLeadBody = {
      createContact: values.createContact,
      ...(values.kind !== defaultKind || name ? { customer: { kind: values.kind, ...(name ? { name } : {}) } } : {}),
    };
    convert.mutate(body, {
      onSuccess: (result) => {
        void message.success(t('lead.converted'));
        onConverted?.(result);
        onClose();
      },
      onError: showErrors,
    });
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={t('lead.convertTitle')}
      onClose={onClose}
      saving={convert.isPending}
      okTestId="lead-convert-submit"
    >
      <Typography.Paragraph type="secondary">{t('lead.convertHint')}</Typography.Paragraph>
      <Form<ConvertValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ kind: defaultKind, createContact: true }}
      >
        <Form.Item name="kind" label={t('lead.customerKind')}>
          <Radio.Group
            options={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            data-testid="lead-convert-kind"
          />
        </Form.Item>
        <Form.Item name="name" label={t('lead.customerName')}>
          <Input maxLength={100} placeholder={lead.companyName ?? lead.name} data-testid="lead-convert-name" />
        </Form.Item>
        <Form.Item name="createContact" valuePropName="checked">
          <Checkbox data-testid="lead-convert-contact">{t('lead.createContact')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
