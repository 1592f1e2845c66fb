import type { Lead, LeadWriteResult } from '@guanxi/contract';
import { Alert, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { PHONE_INPUT_LENGTH, phoneRule } from '../../platform/phoneRules';
import { useCustomerOptions } from '../customers';
import {
  toCreateLeadBody,
  toLeadFormValues,
  toUpdateLeadBody,
  type LeadFormValues,
  type ProtectedField,
} from './leadForm';
import { useLeadPools } from './leadPools.queries';
import { useCreateLead, useUpdateLead } from './leads.queries';
import { FormDrawer } from '../../platform/ui/FormDrawer';

interface LeadFormDrawerProps {
  open: boolean;
  /** The lead to edit; absent to create one. */
  lead?: Lead;
  /** The pool a new lead goes into unless the user picks another. */
  defaultPoolId?: string;
  onClose: () => void;
}

/** Create or edit a lead; server field errors show next to their fields, a duplicate (409) on top. */
export function LeadFormDrawer({ open, lead, defaultPoolId, onClose }: LeadFormDrawerProps) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={onClose} title={lead ? t('lead.edit') : t('lead.new')} size={560}>
      <LeadFormPanel lead={lead} defaultPoolId={defaultPoolId} onClose={onClose} />
    </FormDrawer>
  );
}

function LeadFormPanel({ lead, defaultPoolId, onClose }: Omit<LeadFormDrawerProps, 'open'>) {
  const { t, message, form, showServerErrors } = useEditForm<LeadFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const { sources } = useCustomerOptions({ source: lead?.source });
  const pools = useLeadPools();
  const create = useCreateLead();
  const update = useUpdateLead(lead?.id ?? '');
  const isShown = (field: ProtectedField) => !lead || field in lead;

  const saved = (result: LeadWriteResult) => {
    void message.success(lead ? t('common.saved') : t('lead.created'));
    if (result.duplicateWarnings.length > 0) {
      void message.warning(
        t('lead.duplicateWarning', { names: result.duplicateWarnings.map((m) => m.name).join('、') }),
      );
    }
    onClose();
  };
  const failed = (error: Error) => {
    // A duplicate or a stale version (both 409) is shown above the form as well.
    if (isApiError(error) && error.status === 409) setProblem(error.message);
    showServerErrors(error);
  };
  const submit = (values: LeadFormValues) => {
    setProblem(null);
    if (lead) update.mutate(toUpdateLeadBody(values, lead), { onSuccess: saved, onError: failed });
    else create.mutate(toCreateLeadBody(values), { onSuccess: saved, onError: failed });
  };

  const text = (name: keyof LeadFormValues, label: string, testId: string, maxLength: number) => (
    <Form.Item name={name} label={label}>
      <Input maxLength={maxLength} data-testid={testId} />
    </Form.Item>
  );

  return (
    <>
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="lead-form-error" />
      )}
      <Form<LeadFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={lead ? toLeadFormValues(lead) : { poolId: defaultPoolId ?? null, source: 'trade_fair' }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('lead.name')}
              rules={[{ required: true, whitespace: true, message: t('lead.nameRequired') }]}
            >
              <Input maxLength={50} data-testid="lead-name" />
            </Form.Item>
          </Col>
          <Col span={12}>{text('title', t('lead.jobTitle'), 'lead-title', 50)}</Col>
        </Row>
        {text('companyName', t('lead.companyName'), 'lead-company', 100)}
        <Row gutter={16}>
          {isShown('mobile') && (
            <Col span={12}>
              <Form.Item name="mobile" label={t('lead.mobile')} rules={[phoneRule(t('lead.mobileInvalid'), 'mobile')]}>
                <Input maxLength={PHONE_INPUT_LENGTH} data-testid="lead-mobile" />
              </Form.Item>
            </Col>
          )}
          {isShown('phone') && (
            <Col span={12}>
              <Form.Item name="phone" label={t('lead.phone')} rules={[phoneRule(t('lead.phoneInvalid'))]}>
                <Input maxLength={PHONE_INPUT_LENGTH} data-testid="lead-phone" />
              </Form.Item>
            </Col>
          )}
          {isShown('email') && (
            <Col span={12}>
              <Form.Item
                name="email"
                label={t('lead.email')}
                rules={[{ type: 'email', message: t('lead.emailInvalid') }]}
              >
                <Input maxLength={254} data-testid="lead-email" />
              </Form.Item>
            </Col>
          )}
          {isShown('wechat') && <Col span={12}>{text('wechat', t('lead.wechat'), 'lead-wechat', 50)}</Col>}
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="source" label={t('lead.source')}>
              <Select allowClear options={sources} data-testid="lead-source" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="poolId" label={t('lead.pool')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('lead.noPool')}
                loading={pools.isPending}
                options={(pools.data ?? []).map((pool) => ({ value: pool.id, label: pool.name }))}
                data-testid="lead-pool"
              />
            </Form.Item>
          </Col>
        </Row>
        {isShown('remarks') && (
          <Form.Item name="remarks" label={t('lead.remarks')}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="lead-remarks" />
          </Form.Item>
        )}
      </Form>
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          onClick={() => form.submit()}
          loading={create.isPending || update.isPending}
          data-testid="lead-submit"
        >
          {t('common.save')}
        </Button>
      </Space>
    </>
  );
}
