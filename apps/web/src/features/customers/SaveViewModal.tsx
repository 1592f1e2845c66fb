import { Checkbox, Form, Input } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useHasPermission } from '../../platform/session.queries';
import { compactFilters } from './customerListParams';
import type { CustomerFilters } from './customers.queries';
import { useCreateSavedView } from './savedViews.queries';
import { FormModal } from '../../platform/ui/FormModal';

interface SaveViewValues {
  name: string;
  shared?: boolean;
}

/** Names the list's current filters (and sort) as a view; holders of `views.share` may show it to everyone. */
export function SaveViewModal({
  open,
  filters,
  onClose,
  onSaved,
}: {
  open: boolean;
  filters: CustomerFilters;
  onClose: () => void;
  onSaved: (query: CustomerFilters) => void;
}) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<SaveViewValues>();
  const create = useCreateSavedView();
  const canShare = useHasPermission('views.share');

  const submit = (values: SaveViewValues) => {
    const query = compactFilters(filters);
    create.mutate(
      { module: 'customers', name: values.name.trim(), shared: values.shared ?? false, query },
      {
        onSuccess: (view) => {
          void message.success(t('customerView.saved'));
          onSaved(view.query);
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={t('customerView.saveTitle')}
      onClose={onClose}
      saving={create.isPending}
      okTestId="saved-view-submit"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="name"
          label={t('customerView.name')}
          rules={[{ required: true, whitespace: true, message: t('customerView.nameRequired') }]}
        >
          <Input maxLength={64} autoFocus data-testid="saved-view-name" onPressEnter={() => form.submit()} />
        </Form.Item>
        {canShare && (
          <Form.Item name="shared" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="saved-view-shared">{t('customerView.shared')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
