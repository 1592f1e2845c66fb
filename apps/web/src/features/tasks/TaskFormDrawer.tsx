import {
  TASK_RELATED_TYPES,
  type CreateTaskBody,
  type Task,
  type TaskRelatedType,
  type UpdateTaskBody,
} from '@guanxi/contract';
import { Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { ActiveUserSelect } from '../users';
import { RelatedRecordPicker } from './RelatedRecordPicker';
import { useSaveTask } from './tasks.queries';

interface TaskFormValues {
  title: string;
  description?: string;
  dueAt?: Dayjs | null;
  remindAt?: Dayjs | null;
  assigneeId?: string;
  relatedType?: TaskRelatedType;
  relatedId?: string | null;
  status?: Task['status'];
}

/** A record a new task is linked to from the start (e.g. "new task" on a customer's page). */
export interface TaskRelatedPrefill {
  type: TaskRelatedType;
  id: string;
  name: string;
}

/** Create or edit a task; a manager (who may list users) can give it to a subordinate. */
export function TaskFormDrawer({
  task,
  open,
  onClose,
  related: prefill,
}: {
  task: Task | null;
  open: boolean;
  onClose: () => void;
  related?: TaskRelatedPrefill;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<TaskFormValues>();
  const save = useSaveTask();
  const me = useMe().data;
  const canPickAssignee = me?.permissions.includes('users.view') ?? false;
  const relatedType = Form.useWatch('relatedType', form);

  const initial: TaskFormValues = task
    ? {
        title: task.title,
        description: task.description ?? '',
        dueAt: task.dueAt ? dayjs(task.dueAt) : null,
        remindAt: task.remindAt ? dayjs(task.remindAt) : null,
        assigneeId: task.assigneeId,
        relatedType: task.relatedType ?? undefined,
        relatedId: task.relatedId,
        status: task.status,
      }
    : { title: '', ...(prefill ? { relatedType: prefill.type, relatedId: prefill.id } : {}) };

  const submit = (values: TaskFormValues) => {
    const iso = (value: Dayjs | null | undefined) => (value ? value.toISOString() : null);
    const type = values.relatedType ?? null;
    const relatedId = type ? (values.relatedId ?? null) : null;
    // An unchanged link is not sent: the server would check again a record the editor may no longer see.
    const related =
      task && task.relatedType === type && task.relatedId === relatedId ? {} : { relatedType: type, relatedId };
    const common = {
      title: values.title,
      description: values.description?.trim() ? values.description : null,
      dueAt: iso(values.dueAt),
      ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
      ...related,
    };
    // An untouched reminder is left to the server's default (30 minutes before the due time).
    const remindTouched = form.isFieldTouched('remindAt');
    const body: CreateTaskBody | UpdateTaskBody = task
      ? {
          ...common,
          version: task.version,
          status: values.status,
          ...(remindTouched ? { remindAt: iso(values.remindAt) } : {}),
        }
      : { ...common, ...(values.remindAt ? { remindAt: iso(values.remindAt) } : {}) };
    save.mutate(
      { id: task?.id, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={task ? t('task.edit') : t('task.new')}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="task-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          name="title"
          label={t('task.titleField')}
          rules={[{ required: true, whitespace: true, message: t('task.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="dueAt" label={t('task.dueAt')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="task-due"
          />
        </Form.Item>
        <Form.Item name="remindAt" label={t('task.remindAt')} extra={t('task.remindHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        {canPickAssignee && (
          <Form.Item name="assigneeId" label={t('task.assignee')}>
            <ActiveUserSelect allowClear placeholder={me?.displayName} data-testid="task-assignee" />
          </Form.Item>
        )}
        <Form.Item name="relatedType" label={t('task.relatedType')}>
          <Select<TaskRelatedType>
            allowClear
            placeholder={t('task.relatedNone')}
            // A new type means a new record: the old id belongs to another list.
            onChange={() => form.setFieldValue('relatedId', null)}
            options={TASK_RELATED_TYPES.map((type) => ({ value: type, label: t(`task.relatedTypes.${type}`) }))}
            data-testid="task-related-type"
          />
        </Form.Item>
        {relatedType && (
          <Form.Item
            name="relatedId"
            label={t('task.related')}
            rules={[{ required: true, message: t('task.relatedRequired') }]}
          >
            <RelatedRecordPicker
              type={relatedType}
              initial={
                task?.relatedType === relatedType && task.relatedId
                  ? { id: task.relatedId, name: task.relatedName ?? t(`task.relatedTypes.${relatedType}`) }
                  : !task && prefill?.type === relatedType
                    ? { id: prefill.id, name: prefill.name }
                    : undefined
              }
            />
          </Form.Item>
        )}
        {task && (
          <Form.Item name="status" label={t('task.status')}>
            <Select
              options={(['open', 'done', 'cancelled'] as const).map((s) => ({
                value: s,
                label: t(`task.statuses.${s}`),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('task.description')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
