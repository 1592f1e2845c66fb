import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Select,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_LIFETIME_CHOICES,
  type ApiToken,
  type CreatedApiToken,
} from '@guanxi/contract';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './account.queries';
import { ApiTokenCards } from './ApiTokenCards';
import { ExpiresAt, formatTokenTime } from './TokenTimes';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

function CreateTokenModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const showServerErrors = useServerFieldErrors(form);
  const create = useCreateApiToken();
  const lifetimeOptions = API_TOKEN_LIFETIME_CHOICES.map((days) => {
    const label = days === 365 ? t('token.lifetimeYear') : t('token.lifetimeDays', { count: days });
    return { value: days, label: days === API_TOKEN_DEFAULT_DAYS ? t('token.lifetimeDefault', { label }) : label };
  });
  return (
    <Modal
      open
      title={t('token.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ expiresInDays: API_TOKEN_DEFAULT_DAYS }}
        onFinish={({ name, expiresInDays }) =>
          create.mutate({ name: name.trim(), expiresInDays }, { onSuccess: onCreated, onError: showServerErrors })
        }
      >
        <Form.Item
          name="name"
          label={t('token.name')}
          rules={[{ required: true, whitespace: true, message: t('token.nameRequired') }]}
        >
          <Input maxLength={64} autoFocus />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('token.lifetime')} extra={t('token.lifetimeHint')}>
          <Select options={lifetimeOptions} data-testid="token-lifetime" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [isCreating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const isNarrow = !Grid.useBreakpoint().md;

  const confirmRevoke = (token: ApiToken) =>
    revoke.mutateAsync(token.id).then(
      () => void message.success(t('token.revoked')),
      (error: Error) => void message.error(error.message),
    );

  const revokeButton = (token: ApiToken) => (
    <Popconfirm
      title={t('token.revokeConfirm', { name: token.name })}
      onConfirm={() => confirmRevoke(token)}
      okButtonProps={{ danger: true }}
    >
      <Button type="link" size="small" danger>
        {t('token.revoke')}
      </Button>
    </Popconfirm>
  );

  const columns: TableColumnsType<ApiToken> = [
    { key: 'name', dataIndex: 'name', title: t('token.name') },
    {
      key: 'prefix',
      dataIndex: 'prefix',
      title: t('token.prefix'),
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('token.createdAt'), render: formatTokenTime },
    {
      key: 'expiresAt',
      dataIndex: 'expiresAt',
      title: t('token.expiresAt'),
      render: (value: string) => <ExpiresAt value={value} />,
    },
    {
      key: 'lastUsedAt',
      dataIndex: 'lastUsedAt',
      title: t('token.lastUsedAt'),
      render: (value: string | null) => (value ? formatTokenTime(value) : t('token.never')),
    },
    { key: 'actions', title: t('common.actions'), render: (_, token) => revokeButton(token) },
  ];

  return (
    <Card
      title={t('token.title')}
      extra={
        <NewButton type="primary" onClick={() => setCreating(true)}>
          {t('token.new')}
        </NewButton>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.intro')}</Typography.Paragraph>
      <QueryError query={tokens} />
      {isNarrow ? (
        <ApiTokenCards tokens={tokens.data?.items ?? []} loading={tokens.isPending} revokeButton={revokeButton} />
      ) : (
        <ListTable<ApiToken>
          columns={columns}
          rows={tokens.data?.items ?? []}
          loading={tokens.isPending}
          testId="token-table"
        />
      )}
      {isCreating && (
        <CreateTokenModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
          }}
        />
      )}
      <Modal
        open={created !== null}
        title={t('token.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('common.close')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('token.createdHint')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          copyable={{ text: created?.token }}
          code
          style={{ wordBreak: 'break-all' }}
          data-testid="token-secret"
        >
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
