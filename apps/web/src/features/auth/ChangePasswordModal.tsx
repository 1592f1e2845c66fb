import { PASSWORD_MIN, type ChangePasswordBody } from '@guanxi/contract';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useChangePassword } from '../../platform/session.queries';
import { FormModal } from '../../platform/ui/FormModal';

interface Values extends ChangePasswordBody {
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changePassword = useChangePassword();
  const showServerErrors = useServerFieldErrors(form);

  const submit = ({ currentPassword, newPassword }: Values) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: showServerErrors,
      },
    );
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={t('auth.changePassword')}
      onClose={onClose}
      okText={t('common.save')}
      saving={changePassword.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[{ required: true, min: PASSWORD_MIN, message: t('auth.passwordMin', { count: PASSWORD_MIN }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
