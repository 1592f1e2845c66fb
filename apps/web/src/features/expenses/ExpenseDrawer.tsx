import {
  DEFAULT_CURRENCY,
  EXPENSE_CATEGORIES,
  type ExpenseCategory,
  type ExpenseDetail,
  fenToYuan,
  MAX_EXPENSE_FEN,
  yuanToFen,
} from '@guanxi/contract';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Popconfirm, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { positiveYuanRule, useFormatMoney } from '../../platform/money';
import { ExpenseReceipts } from './ExpenseReceipts';
import { ExpenseStatusTag, isEditable } from './expenseDisplay';
import {
  useCreateExpense,
  useDeleteExpense,
  useExpense,
  useSubmitExpense,
  useUpdateExpense,
  useWithdrawExpense,
} from './expenses.queries';
import { MoneyInput } from '../../platform/ui/MoneyInput';
import { SaveButton } from '../../platform/ui/FormActions';
import { FormDrawer } from '../../platform/ui/FormDrawer';
import { orgToday } from '../../platform/orgToday';

interface ExpenseDrawerProps {
  open: boolean;
  /** The expense to show or edit; absent to file a new one. */
  expenseId?: string;
  onClose: () => void;
}

/** The API names the amount `amountFen`; its errors belong next to the yuan input. */
const SERVER_FIELD_ALIASES = { amountFen: 'amount' } as const;

interface FormValues {
  category: ExpenseCategory;
  /** Yuan as typed (string mode: no float); sent as fen. */
  amount: string;
  spentOn: Dayjs;
  customerId?: string | null;
  description: string;
}

/**
 * One expense: a form while it is the caller's draft or rejected, otherwise its facts, receipts
 * and approval. A new expense stays open after saving so receipts can be added to the draft.
 */
export function ExpenseDrawer({ open, expenseId, onClose }: ExpenseDrawerProps) {
  const { t } = useTranslation();
  const [createdId, setCreatedId] = useState<string | undefined>();
  const id = expenseId ?? createdId;
  const close = () => {
    setCreatedId(undefined);
    onClose();
  };
  return (
    <FormDrawer open={open} onClose={close} title={id ? t('expense.view') : t('expense.new')} size={560}>
      {id ? <ExistingExpense id={id} onDone={close} /> : <ExpenseForm onSaved={setCreatedId} />}
    </FormDrawer>
  );
}

function ExistingExpense({ id, onDone }: { id: string; onDone: () => void }) {
  const me = useMe();
  const expense = useExpense(id);
  if (expense.isError) return <Alert type="error" showIcon title={expense.error.message} />;
  if (!expense.data || !me.data) return <Spin />;
  const own = expense.data.employeeId === me.data.id;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ExpenseFacts expense={expense.data} own={own} />
      {own && isEditable(expense.data.status) && <ExpenseForm key={expense.data.version} expense={expense.data} />}
      <ExpenseReceipts expense={expense.data} editable={own && isEditable(expense.data.status)} />
      {own && <ExpenseActions expense={expense.data} onDeleted={onDone} />}
    </Space>
  );
}

function ExpenseFacts({ expense, own }: { expense: ExpenseDetail; own: boolean }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const approval = expense.approval;
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('expense.status')}>
          <ExpenseStatusTag status={expense.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('expense.employee')}>{expense.employeeName}</Descriptions.Item>
        <Descriptions.Item label={t('expense.amount')}>{money(expense.amountFen, expense.currency)}</Descriptions.Item>
        <Descriptions.Item label={t('expense.category')}>
          {t(`expense.categories.${expense.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('expense.spentOn')}>{expense.spentOn}</Descriptions.Item>
        <Descriptions.Item label={t('expense.customer')}>
          {expense.customerName ?? t('expense.noCustomer')}
        </Descriptions.Item>
        <Descriptions.Item label={t('expense.description')}>{expense.description}</Descriptions.Item>
      </Descriptions>
      {approval && approval.status === 'pending' && (
        <Alert
          type="info"
          title={t('expense.approvers', { names: approval.currentApprovers.map((a) => a.displayName).join('、') })}
          action={
            // The inbox opens the request itself: the employee under "submitted", an approver under "to do".
            <Link to={`/approvals?box=${own ? 'submitted' : 'todo'}&open=${approval.requestId}`}>
              {t('expense.viewApproval')}
            </Link>
          }
        />
      )}
      {approval && approval.status === 'rejected' && approval.lastComment && (
        <Alert type="warning" title={t('expense.rejectedBecause', { comment: approval.lastComment })} />
      )}
    </>
  );
}

function ExpenseActions({ expense, onDeleted }: { expense: ExpenseDetail; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useSubmitExpense();
  const withdraw = useWithdrawExpense();
  const remove = useDeleteExpense();
  const fail = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));
  return (
    <Space>
      {isEditable(expense.status) && (
        <Button
          type="primary"
          loading={submit.isPending}
          data-testid="expense-submit"
          onClick={() =>
            submit.mutate(expense.id, {
              onSuccess: (done) =>
                void message.success(
                  done.status === 'approved' ? t('expense.approvedDirectly') : t('expense.submitted'),
                ),
              onError: fail,
            })
          }
        >
          {t('expense.submit')}
        </Button>
      )}
      {expense.status === 'pending' && (
        <Button
          loading={withdraw.isPending}
          data-testid="expense-withdraw"
          onClick={() =>
            withdraw.mutate(expense.id, {
              onSuccess: () => void message.success(t('expense.withdrawn')),
              onError: fail,
            })
          }
        >
          {t('expense.withdraw')}
        </Button>
      )}
      {isEditable(expense.status) && (
        <Popconfirm
          title={t('expense.deleteConfirm')}
          onConfirm={() =>
            remove.mutate(expense.id, {
              onSuccess: () => (void message.success(t('common.deleted')), onDeleted()),
              onError: fail,
            })
          }
        >
          <Button danger loading={remove.isPending} data-testid="expense-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** A customer is optional: the picker plus a way back to "no customer". */
function OptionalCustomer({
  value,
  onChange,
  initial,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initial?: { id: string; name: string };
}) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <CustomerPicker
        value={value ?? undefined}
        onChange={(v) => onChange?.(v)}
        initial={initial}
        placeholder={t('opportunity.customerPlaceholder')}
        data-testid="opportunity-customer"
      />
      {value && <Button onClick={() => onChange?.(null)}>{t('expense.clearCustomer')}</Button>}
    </Space.Compact>
  );
}

function ExpenseForm({ expense, onSaved }: { expense?: ExpenseDetail; onSaved?: (id: string) => void }) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>(SERVER_FIELD_ALIASES);
  const create = useCreateExpense();
  const update = useUpdateExpense();

  const save = (values: FormValues) => {
    const amountFen = yuanToFen(String(values.amount));
    // The amount rule below has already rejected anything that is not yuan with two decimals.
    if (amountFen === null) return;
    const body = {
      category: values.category,
      amountFen,
      spentOn: values.spentOn.format('YYYY-MM-DD'),
      customerId: values.customerId ?? null,
      description: values.description,
    };
    const saved = () => void message.success(t('common.saved'));
    if (expense) {
      update.mutate(
        { id: expense.id, body: { ...body, version: expense.version } },
        { onSuccess: saved, onError: showServerErrors },
      );
    } else {
      create.mutate(body, { onSuccess: (created) => (saved(), onSaved?.(created.id)), onError: showServerErrors });
    }
  };

  const initialValues: Partial<FormValues> = expense
    ? {
        category: expense.category,
        amount: fenToYuan(expense.amountFen),
        spentOn: dayjs(expense.spentOn),
        customerId: expense.customerId,
        description: expense.description,
      }
    : { category: 'travel', spentOn: orgToday() };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={save}
      data-testid="expense-form"
    >
      <Form.Item name="category" label={t('expense.category')} rules={[{ required: true }]}>
        <Select options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`expense.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('expense.amount')}
        rules={[{ required: true }, positiveYuanRule(t('expense.amountInvalid'))]}
      >
        <MoneyInput
          currency={expense?.currency ?? DEFAULT_CURRENCY}
          maxFen={MAX_EXPENSE_FEN}
          data-testid="expense-amount"
        />
      </Form.Item>
      <Form.Item name="spentOn" label={t('expense.spentOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(orgToday(), 'day')} />
      </Form.Item>
      <Form.Item name="customerId" label={t('expense.customer')}>
        <OptionalCustomer
          initial={
            expense?.customerId && expense.customerName
              ? { id: expense.customerId, name: expense.customerName }
              : undefined
          }
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('expense.description')}
        rules={[{ required: true, whitespace: true, max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="expense-description" />
      </Form.Item>
      {!expense && <Alert type="info" title={t('expense.receiptsAfterSave')} style={{ marginBottom: 16 }} />}
      <SaveButton saving={create.isPending || update.isPending} testId="expense-save" />
    </Form>
  );
}
