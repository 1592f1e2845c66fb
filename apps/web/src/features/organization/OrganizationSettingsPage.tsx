import { ORGANIZATION_CODE_PATTERN } from '@guanxi/contract';
import { Alert, App, Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { useOrganization, useUpdateOrganization } from './organization.queries';

const CODE = new RegExp(ORGANIZATION_CODE_PATTERN);

/** The organization's name and the login code its people sign in with; an administrator changes the code. */
export default function OrganizationSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const organization = useOrganization();
  const me = useMe();
  const canManage = useHasPermission('organization.manage');
  const update = useUpdateOrganization();
  const [form] = Form.useForm<{ code: string }>();
  const showServerErrors = useServerFieldErrors(form);

  const save = ({ code: next }: { code: string }) =>
    update.mutate(
      { code: next.trim().toLowerCase() },
      { onSuccess: () => void message.success(t('tenant.saved')), onError: showServerErrors },
    );

  return (
    <Card title={t('tenant.title')} style={{ maxWidth: 720 }}>
      {organization.isError && <Alert type="error" showIcon title={organization.error.message} />}
      {organization.isPending ? (
        <Skeleton active />
      ) : (
        organization.data && (
          <>
            <Descriptions column={1} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('tenant.name')}>{organization.data.name}</Descriptions.Item>
              {!canManage && <Descriptions.Item label={t('tenant.code')}>{organization.data.code}</Descriptions.Item>}
            </Descriptions>
            {canManage && (
              <Form
                form={form}
                layout="vertical"
                onFinish={save}
                requiredMark={false}
                initialValues={{ code: organization.data.code }}
                style={{ maxWidth: 420 }}
              >
                <Form.Item
                  name="code"
                  label={t('tenant.code')}
                  extra={t('tenant.codeHelp')}
                  normalize={(value: string) => value.toLowerCase()}
                  rules={[{ required: true, whitespace: true, pattern: CODE, message: t('tenant.codeInvalid') }]}
                >
                  <Input maxLength={32} autoCapitalize="none" spellCheck={false} data-testid="organization-code" />
                </Form.Item>
                <Alert type="warning" showIcon title={t('tenant.codeChangeWarning')} style={{ marginBottom: 16 }} />
                <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="organization-save">
                  {t('common.save')}
                </Button>
              </Form>
            )}
            {me.data && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
                {t('tenant.signInExample', { username: me.data.username, code: organization.data.code })}
              </Typography.Paragraph>
            )}
          </>
        )
      )}
    </Card>
  );
}
