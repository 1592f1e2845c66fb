import type { StageTransitionRequest } from '@guanxi/contract';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useDecideStageRequest, useStageRequests } from './lifecycle.queries';

type Decision = { request: StageTransitionRequest; decision: 'approve' | 'reject' };

function DecisionModal({ value, onClose }: { value: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const showErrors = useServerFieldErrors(form);
  const decide = useDecideStageRequest();
  const isReject = value?.decision === 'reject';

  const submit = ({ comment }: { comment?: string }) => {
    if (!value) return;
    decide.mutate(
      { id: value.request.id, decision: value.decision, comment: comment?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(isReject ? t('approval.rejected') : t('approval.approved'));
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <Modal
      open={value !== null}
      title={isReject ? t('approval.reject') : t('approval.approve')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: isReject, 'data-testid': 'approval-submit' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="comment"
          label={t('approval.comment')}
          rules={isReject ? [{ required: true, whitespace: true, message: t('approval.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="approval-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Stage transition requests waiting for the signed-in approver. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const requests = useStageRequests('pending');
  const [decision, setDecision] = useState<Decision | null>(null);

  const columns: TableColumnsType<StageTransitionRequest> = [
    {
      key: 'customer',
      title: t('approval.customer'),
      render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
    },
    { key: 'change', title: t('approval.change'), render: (_, r) => `${t(`stage.${r.from}`)} → ${t(`stage.${r.to}`)}` },
    { key: 'reason', title: t('approval.reason'), dataIndex: 'reason' },
    {
      key: 'requestedAt',
      title: t('approval.requestedAt'),
      width: 170,
      render: (_, r) => dayjs(r.requestedAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 180,
      render: (_, request) => (
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() => setDecision({ request, decision: 'approve' })}
            data-testid="approval-approve"
          >
            {t('approval.approve')}
          </Button>
          <Button
            size="small"
            danger
            onClick={() => setDecision({ request, decision: 'reject' })}
            data-testid="approval-reject"
          >
            {t('approval.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('approval.title')}>
      {requests.isError && <Alert type="error" showIcon title={requests.error.message} style={{ marginBottom: 16 }} />}
      <Table<StageTransitionRequest>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={requests.data?.items ?? []}
        loading={requests.isPending}
        pagination={false}
        locale={{ emptyText: t('approval.empty') }}
        data-testid="approval-table"
      />
      <DecisionModal value={decision} onClose={() => setDecision(null)} />
    </Card>
  );
}
