import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@guanxi/contract';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogin } from './auth.queries';
import { LanguageSwitch } from './LanguageSwitch';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLogin();

  const submit = (values: LoginBody) => {
    login.mutate(values, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch isSignedIn={false} />
      </div>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.loginSubtitle')}</Typography.Paragraph>
        {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Form<LoginBody> layout="vertical" onFinish={submit} requiredMark={false}>
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
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Text>
      </Card>
    </div>
  );
}
