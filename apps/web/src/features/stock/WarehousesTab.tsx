import type { Warehouse } from '@guanxi/contract';
import { Button, Checkbox, Form, Input, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useSaveWarehouse, useWarehouses } from './stock.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { FormModal } from '../../platform/ui/FormModal';
import { NewButton } from '../../platform/ui/NewButton';

interface FormValues {
  code: string;
  name: string;
  address?: string;
  isDefault: boolean;
  active: boolean;
}

/** Warehouses (stock.manage): create, edit, choose the default for new orders. */
export function WarehousesTab() {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  // undefined: closed; null: a new warehouse; else the one being edited.
  const [editing, setEditing] = useState<Warehouse | null | undefined>(undefined);

  const columns: TableColumnsType<Warehouse> = [
    { key: 'code', title: t('stock.code'), width: 120, render: (_, w) => w.code },
    {
      key: 'name',
      title: t('stock.name'),
      render: (_, w) => (
        <>
          {w.name} {w.isDefault && <Tag color="blue">{t('stock.defaultTag')}</Tag>}
          {!w.active && <Tag>{t('stock.inactiveTag')}</Tag>}
        </>
      ),
    },
    { key: 'address', title: t('stock.address'), ellipsis: true, render: (_, w) => w.address ?? t('common.empty') },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, w) => (
        <Button size="small" onClick={() => setEditing(w)} data-testid="warehouse-edit">
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <NewButton
        type="primary"
        style={{ marginBottom: 16 }}
        onClick={() => setEditing(null)}
        data-testid="warehouse-new"
      >
        {t('stock.newWarehouse')}
      </NewButton>
      <QueryError query={warehouses} />
      <ListTable<Warehouse>
        columns={columns}
        rows={warehouses.data ?? []}
        loading={warehouses.isPending}
        testId="warehouse-table"
      />
      {editing !== undefined && <WarehouseModal warehouse={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

function WarehouseModal({ warehouse, onClose }: { warehouse: Warehouse | null; onClose: () => void }) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>();
  const save = useSaveWarehouse(warehouse?.id);

  const submit = (values: FormValues) => {
    const body = { ...values, address: values.address?.trim() || null };
    save.mutate(warehouse ? { ...body, version: warehouse.version } : body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showServerErrors,
    });
  };

  return (
    <FormModal
      form={form}
      open
      title={warehouse ? t('stock.editWarehouse') : t('stock.newWarehouse')}
      onClose={onClose}
      saving={save.isPending}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          code: warehouse?.code,
          name: warehouse?.name,
          address: warehouse?.address ?? undefined,
          isDefault: warehouse?.isDefault ?? false,
          active: warehouse?.active ?? true,
        }}
        onFinish={submit}
        data-testid="warehouse-form"
      >
        <Form.Item
          name="code"
          label={t('stock.code')}
          rules={[{ required: true, whitespace: true, max: 32, pattern: /^[A-Za-z0-9_.-]+$/ }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('stock.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="address" label={t('stock.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox>{t('stock.isDefault')}</Checkbox>
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Checkbox>{t('stock.active')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
