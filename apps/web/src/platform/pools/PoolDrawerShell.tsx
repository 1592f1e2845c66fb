import { Button, Form, Input, Select, Space } from 'antd';
import type { ComponentType } from 'react';
import { useEditForm } from '../useServerFieldErrors';
import { FormDrawer } from '../ui/FormDrawer';

/** What a pool's settings form needs of the pool itself; its kind adds the rest. */
export interface EditablePool {
  id: string;
  name: string;
  version: number;
}

/** The texts of one kind of pool's drawer, already translated. */
export interface PoolDrawerTexts {
  settings: string;
  new: string;
  created: string;
  name: string;
  nameRequired: string;
}

/** The part of a TanStack mutation saving a pool that the drawer uses. */
export interface PoolSaveMutation<Variables, P> {
  isPending: boolean;
  mutate: (variables: Variables, options: { onSuccess: (pool: P) => void; onError: (error: unknown) => void }) => void;
}

interface PoolDrawerShellProps<P extends EditablePool, V extends { name: string }, B> {
  open: boolean;
  /** The pool to edit; absent to create one. */
  pool?: P | undefined;
  onClose: () => void;
  onCreated?: ((pool: P) => void) | undefined;
  size: number;
  /** Prefix of the test ids: `${prefix}-name`, `${prefix}-save`. */
  testIdPrefix: string;
  texts: PoolDrawerTexts;
  toFormValues: (pool: P | undefined) => V;
  toBody: (values: V) => B;
  useCreate: () => PoolSaveMutation<B, P>;
  useUpdate: () => PoolSaveMutation<B & { id: string; version: number }, P>;
  /** The kind's fields under the name; a component, so that its queries run only while the drawer is open. */
  fields: ComponentType;
}

/**
 * A pool's settings drawer of either kind: the name, the kind's fields, and saving — a new pool is
 * created, an existing one updated at the version it was read with.
 */
export function PoolDrawerShell<P extends EditablePool, V extends { name: string }, B>(
  props: PoolDrawerShellProps<P, V, B>,
) {
  const { open, pool, onClose, size, texts } = props;
  return (
    <FormDrawer open={open} onClose={onClose} title={pool ? `${texts.settings} · ${pool.name}` : texts.new} size={size}>
      <PoolForm {...props} />
    </FormDrawer>
  );
}

function PoolForm<P extends EditablePool, V extends { name: string }, B>({
  pool,
  onClose,
  onCreated,
  testIdPrefix,
  texts,
  toFormValues,
  toBody,
  useCreate,
  useUpdate,
  fields: Fields,
}: PoolDrawerShellProps<P, V, B>) {
  const { t, message, form, showServerErrors } = useEditForm<V>();
  const create = useCreate();
  const update = useUpdate();

  const submit = (values: V) => {
    const body = toBody(values);
    if (pool) {
      update.mutate(
        { id: pool.id, version: pool.version, ...body },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: showServerErrors },
      );
      return;
    }
    create.mutate(body, {
      onSuccess: (created) => {
        void message.success(texts.created);
        onCreated?.(created);
        onClose();
      },
      onError: showServerErrors,
    });
  };

  return (
    <Form<V> form={form} layout="vertical" onFinish={submit} initialValues={toFormValues(pool)}>
      <Form.Item
        name="name"
        label={texts.name}
        rules={[{ required: true, whitespace: true, message: texts.nameRequired }]}
      >
        <Input maxLength={64} data-testid={`${testIdPrefix}-name`} />
      </Form.Item>
      <Fields />
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending || update.isPending}
          data-testid={`${testIdPrefix}-save`}
        >
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}

/** Member departments of a pool: the organization's departments, searchable by name. */
export function PoolMemberDepartmentsField({
  label,
  departments,
  testId,
}: {
  label: string;
  departments: { isPending: boolean; data?: { id: string; name: string }[] | undefined };
  testId: string;
}) {
  return (
    <Form.Item name="memberDepartmentIds" label={label}>
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={departments.isPending}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        data-testid={testId}
      />
    </Form.Item>
  );
}
