import { DEFAULT_CURRENCY, type CustomFieldValues, type Opportunity } from '@guanxi/contract';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { CustomFieldsFormSection, customFieldAccessOf, toCustomFieldBody, useLiveCustomFields } from '../custom-fields';
import { ActiveUserSelect } from '../users';
import { fenToYuan, yuanToFen } from '@guanxi/contract';
import { useCreateOpportunity, useSalesProcesses, useUpdateOpportunity } from './opportunities.queries';
import { MoneyInput } from '../../platform/ui/MoneyInput';
import { SaveCancelActions } from '../../platform/ui/FormActions';
import { FormDrawer } from '../../platform/ui/FormDrawer';

interface OpportunityFormDrawerProps {
  open: boolean;
  /** The opportunity to edit; absent to create one. */
  opportunity?: Opportunity;
  /** A new opportunity's customer (from the customer's tab), fixed. */
  customer?: { id: string; name: string };
  onClose: () => void;
  onCreated?: (opportunity: Opportunity) => void;
}

/** The API names the amount `amountFen`; its errors belong next to the yuan input. */
const SERVER_FIELD_ALIASES = { amountFen: 'amount' } as const;

interface FormValues {
  customerId: string;
  name: string;
  /** Yuan as typed, at most two decimals (InputNumber in string mode: no float); sent as fen. */
  amount: string;
  expectedCloseDate?: Dayjs | null;
  processId?: string;
  ownerId?: string;
  customFields?: CustomFieldValues;
}

/** Create or edit an opportunity; the stage moves on the board or the detail page, not here. */
export function OpportunityFormDrawer({ open, opportunity, customer, onClose, onCreated }: OpportunityFormDrawerProps) {
  const { t } = useTranslation();
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={opportunity ? t('opportunity.edit') : t('opportunity.new')}
      size={520}
    >
      <FormPanel opportunity={opportunity} customer={customer} onClose={onClose} onCreated={onCreated} />
    </FormDrawer>
  );
}

function FormPanel({ opportunity, customer, onClose, onCreated }: Omit<OpportunityFormDrawerProps, 'open'>) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>(SERVER_FIELD_ALIASES);
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity(opportunity?.id ?? '');
  const processes = useSalesProcesses();
  // Naming another owner needs a view of the users (managers); salespeople own what they open.
  const canPickOwner = useHasPermission('users.view');
  const permissions = useMe().data?.fieldPermissions ?? {};
  const liveFields = useLiveCustomFields('opportunity').data;

  const submit = (values: FormValues) => {
    const expectedCloseDate = values.expectedCloseDate ? values.expectedCloseDate.format('YYYY-MM-DD') : null;
    const amountFen = yuanToFen(String(values.amount));
    // The amount rule below has already rejected anything that is not yuan with two decimals.
    if (amountFen === null) return;
    const customFields = toCustomFieldBody({
      fields: liveFields,
      values: values.customFields,
      original: opportunity?.customFields,
      canEdit: (field) => customFieldAccessOf(permissions, field) === 'edit',
    });
    const extra = customFields ? { customFields } : {};
    if (opportunity) {
      update.mutate(
        {
          name: values.name,
          amountFen,
          expectedCloseDate,
          ...(values.ownerId ? { ownerId: values.ownerId } : {}),
          ...extra,
          version: opportunity.version,
        },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors },
      );
    } else {
      create.mutate(
        {
          customerId: customer?.id ?? values.customerId,
          name: values.name,
          amountFen,
          expectedCloseDate,
          processId: values.processId,
          ownerId: values.ownerId,
          ...extra,
        },
        {
          onSuccess: (created) => {
            void message.success(t('common.saved'));
            onClose();
            onCreated?.(created);
          },
          onError: showServerErrors,
        },
      );
    }
  };

  const initialValues: Partial<FormValues> = opportunity
    ? {
        customerId: opportunity.customerId,
        name: opportunity.name,
        amount: fenToYuan(opportunity.amountFen),
        expectedCloseDate: opportunity.expectedCloseDate ? dayjs(opportunity.expectedCloseDate) : null,
        ownerId: opportunity.ownerId,
        customFields: opportunity.customFields,
      }
    : { customerId: customer?.id };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      data-testid="opportunity-form"
    >
      {opportunity || customer ? (
        <Form.Item label={t('opportunity.customer')}>
          <Input disabled value={opportunity?.customerName ?? customer?.name} />
        </Form.Item>
      ) : (
        <Form.Item name="customerId" label={t('opportunity.customer')} rules={[{ required: true }]}>
          <CustomerPicker placeholder={t('opportunity.customerPlaceholder')} data-testid="opportunity-customer" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('opportunity.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} data-testid="opportunity-name" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('opportunity.amount')}
        rules={[
          { required: true },
          {
            validator: (_, value: string | null | undefined) =>
              value === null || value === undefined || value === '' || yuanToFen(String(value)) !== null
                ? Promise.resolve()
                : Promise.reject(new Error(t('opportunity.amountInvalid'))),
          },
        ]}
      >
        <MoneyInput
          // New opportunities are in CNY; an edit keeps the opportunity's own currency.
          currency={opportunity?.currency ?? DEFAULT_CURRENCY}
          data-testid="opportunity-amount"
        />
      </Form.Item>
      <Form.Item name="expectedCloseDate" label={t('opportunity.expectedCloseDate')}>
        <DatePicker style={{ width: '100%' }} data-testid="opportunity-expected" />
      </Form.Item>
      {!opportunity && (processes.data?.length ?? 0) > 1 && (
        <Form.Item name="processId" label={t('opportunity.process')}>
          <Select allowClear options={(processes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      )}
      {canPickOwner && (
        <Form.Item name="ownerId" label={t('opportunity.owner')}>
          <ActiveUserSelect allowClear />
        </Form.Item>
      )}
      <CustomFieldsFormSection entity="opportunity" />
      <SaveCancelActions saving={create.isPending || update.isPending} testId="opportunity-submit" onCancel={onClose} />
    </Form>
  );
}
