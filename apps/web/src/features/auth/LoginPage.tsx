import { ApartmentOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@guanxi/contract';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLogin, useLoginOptions } from '../../platform/session.queries';
import { LanguageSwitch } from './LanguageSwitch';
import { rememberedOrganization, rememberOrganization } from './rememberedOrganization';

interface Values {
  organization?: string;
  username: string;
  password: string;
}

/** `name@code` names the organization in the username itself (login names contain no `@`). */
const codeInUsername = (username: string | undefined) => {
  const at = username?.lastIndexOf('@') ?? -1;
  return at > 0 ? username!.slice(at + 1).trim() : '';
};

/**
 * Sign-in. With several organizations on the installation (or a link with `?org=code`) it asks
 * for the organization code too, prefilled from the link or from the last sign-in in this browser.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const options = useLoginOptions();
  const login = useLogin();
  const [form] = Form.useForm<Values>();
  const fromLink = searchParams.get('org')?.trim().toLowerCase() || null;
  const organizationRequired = options.data?.organizationRequired === true;
  const askOrganization = organizationRequired || fromLink !== null;

  const submit = (values: Values) => {
    const inUsername = codeInUsername(values.username);
    const organization = inUsername ? '' : askOrganization ? (values.organization?.trim().toLowerCase() ?? '') : '';
    const body: LoginBody = {
      username: values.username,
      password: values.password,
      ...(organization ? { organization } : {}),
    };
    login.mutate(body, {
      onSuccess: () => {
        if (organization || inUsername) rememberOrganization(organization || inUsername.toLowerCase());
        void navigate('/', { replace: true });
      },
    });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch isSignedIn={false} />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.loginSubtitle')}</Typography.Paragraph>
        {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ organization: fromLink ?? rememberedOrganization() ?? '' }}
        >
          {askOrganization && (
            <Form.Item
              name="organization"
              label={t('tenant.organizationCode')}
              dependencies={['username']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !organizationRequired || value?.trim() || codeInUsername(getFieldValue('username') as string)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('tenant.organizationCodeRequired'))),
                }),
              ]}
            >
              <Input
                prefix={<ApartmentOutlined />}
                placeholder={t('tenant.organizationCodePlaceholder')}
                autoComplete="organization"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={32}
                data-testid="login-organization"
              />
            </Form.Item>
          )}
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
        {options.data?.demo === true && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12 }}>
            {askOrganization ? t('tenant.demoHintWithCode') : t('auth.demoHint')}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
}
