import type { Customer } from '@guanxi/contract';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import {
  fieldAccess,
  toCreateBody,
  toFormValues,
  toUpdateBody,
  type CustomerFormValues,
  type EditableField,
} from './customerFields';
import { CustomerForm } from './CustomerForm';
import { customerQueryOptions, useCreateCustomer, useUpdateCustomer } from './customers.queries';
import { FormDrawer } from '../../platform/ui/FormDrawer';
import { customFieldAccessOf, toCustomFieldBody, useLiveCustomFields } from '../custom-fields';

interface CustomerFormDrawerProps {
  open: boolean;
  /** The customer to edit; absent to create a new one. */
  customer?: Customer;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}

/** Create or edit a customer in a Drawer; a stale version (409) offers to load the latest data. */
export function CustomerFormDrawer({ open, customer, onClose, onSaved }: CustomerFormDrawerProps) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={onClose} title={customer ? t('customer.edit') : t('customer.new')} size={560}>
      <CustomerFormPanel customer={customer} onClose={onClose} onSaved={onSaved} />
    </FormDrawer>
  );
}

function CustomerFormPanel({ customer, onClose, onSaved }: Omit<CustomerFormDrawerProps, 'open'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const showServerErrors = useServerFieldErrors(form);
  const [conflict, setConflict] = useState<string | null>(null);
  const permissions = useMe().data?.fieldPermissions ?? {};
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? '');
  const liveFields = useLiveCustomFields('customer').data;

  const isVisible = (field: EditableField) =>
    fieldAccess(permissions, field) !== 'hidden' && (!customer || field in customer);
  const canEdit = (field: EditableField) => fieldAccess(permissions, field) === 'edit';

  const saved = (result: Customer) => {
    void message.success(customer ? t('common.saved') : t('customer.created'));
    onSaved?.(result);
    onClose();
  };
  const failed = (error: Error) => {
    // A duplicate (also 409) belongs next to its field; any other 409 is a stale version.
    if (isApiError(error) && error.status === 409 && error.code !== 'duplicate') setConflict(error.message);
    else showServerErrors(error);
  };

  const submit = (values: CustomerFormValues) => {
    setConflict(null);
    const customFields = toCustomFieldBody({
      fields: liveFields,
      values: values.customFields,
      original: customer?.customFields,
      canEdit: (field) => customFieldAccessOf(permissions, field) === 'edit',
    });
    const extra = customFields ? { customFields } : {};
    if (customer) {
      update.mutate({ ...toUpdateBody(values, customer, canEdit), ...extra }, { onSuccess: saved, onError: failed });
    } else {
      create.mutate({ ...toCreateBody(values, canEdit), ...extra }, { onSuccess: saved, onError: failed });
    }
  };

  const reloadLatest = async () => {
    if (!customer) return;
    const latest = await queryClient.fetchQuery({ ...customerQueryOptions(customer.id), staleTime: 0 });
    form.resetFields();
    form.setFieldsValue({ ...toFormValues(latest), customFields: latest.customFields });
    setConflict(null);
  };

  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" onClick={() => void reloadLatest()}>
              {t('customer.conflictReload')}
            </Button>
          }
        />
      )}
      <CustomerForm
        form={form}
        isCreate={!customer}
        customerId={customer?.id}
        isVisible={isVisible}
        canEdit={canEdit}
        initialValues={customer ? { ...toFormValues(customer), customFields: customer.customFields } : undefined}
        onFinish={submit}
      />
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          onClick={() => form.submit()}
          loading={create.isPending || update.isPending}
          data-testid="customer-submit"
        >
          {t('common.save')}
        </Button>
      </Space>
    </>
  );
}
