import { STAGES, type ApprovalRequestDetail, type Stage } from '@guanxi/contract';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { approvalEntityPath } from './approvalLinks';
import { useApproval, useDecideApproval } from './approvals.queries';
import { StatusTag } from './StatusTag';

const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage);
const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

/** The summary's display facts: amounts in fen shown as money, stage codes as names, the rest as text. */
function useSummaryValue() {
  const { t } = useTranslation();
  const money = useFormatMoney();
  return (key: string, value: unknown, currency: unknown): ReactNode => {
    if (typeof value === 'number' && key.endsWith('Fen'))
      return money(value, typeof currency === 'string' ? currency : undefined);
    if ((key === 'from' || key === 'to') && isStage(value)) return t(`stage.${value}`);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };
}

function StepTimeline({ request }: { request: ApprovalRequestDetail }) {
  const { t } = useTranslation();
  const items = request.steps.map((step, index) => {
    const decisions = request.decisions.filter((d) => d.stepIndex === index);
    const current = request.status === 'pending' && request.currentStep === index;
    const rejected = decisions.some((d) => d.decision === 'rejected');
    const done = step.autoPassed || index < request.currentStep || (request.status === 'approved' && !rejected);
    return {
      key: index,
      color: rejected ? 'red' : done ? 'green' : current ? 'blue' : 'gray',
      children: (
        <Space direction="vertical" size={2} data-testid={`approval-step-${index}`}>
          <Typography.Text strong>
            {t('approvalFlow.step', { n: index + 1 })} · {step.name} <Tag>{t(`approvalFlow.modes.${step.mode}`)}</Tag>
          </Typography.Text>
          <Typography.Text type="secondary">
            {step.autoPassed
              ? t('approvalInbox.autoPassed')
              : step.approvers.length > 0
                ? t('approvalInbox.approvers', { names: step.approvers.map((a) => a.displayName).join('、') })
                : t('approvalInbox.noApprovers')}
          </Typography.Text>
          {decisions.map((d) => (
            <Typography.Text key={`${d.approver.id}-${d.at}`}>
              {t(d.decision === 'approved' ? 'approvalInbox.decisionApproved' : 'approvalInbox.decisionRejected', {
                name: d.approver.displayName,
              })}
              {' · '}
              {time(d.at)}
              {d.comment ? `：${d.comment}` : ''}
            </Typography.Text>
          ))}
          {current && <Typography.Text type="warning">{t('approvalInbox.waiting')}</Typography.Text>}
        </Space>
      ),
    };
  });
  return <Timeline items={items} />;
}

/** A request with its step timeline and the caller's actions (approve / reject / withdraw). */
export function ApprovalDetailDrawer({
  id,
  onClose,
  onDecide,
}: {
  id: string | null;
  onClose: () => void;
  onDecide: (id: string, action: 'approve' | 'reject') => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useApproval(id);
  const decide = useDecideApproval();
  const summaryValue = useSummaryValue();
  const request = detail.data;
  const path = request ? approvalEntityPath(request) : null;

  const withdraw = () =>
    request &&
    decide.mutate(
      { id: request.id, action: 'withdraw' },
      {
        onSuccess: () => void message.success(t('approvalInbox.withdrawn')),
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={t('approvalInbox.detail')}
      destroyOnHidden
      extra={
        request && (
          <Space>
            {request.canWithdraw && (
              <Popconfirm title={t('approvalInbox.withdrawConfirm')} onConfirm={withdraw}>
                <Button loading={decide.isPending} data-testid="approval-withdraw">
                  {t('approvalInbox.withdraw')}
                </Button>
              </Popconfirm>
            )}
            {request.canDecide && (
              <>
                <Button danger onClick={() => onDecide(request.id, 'reject')} data-testid="approval-detail-reject">
                  {t('approvalInbox.reject')}
                </Button>
                <Button
                  type="primary"
                  onClick={() => onDecide(request.id, 'approve')}
                  data-testid="approval-detail-approve"
                >
                  {t('approvalInbox.approve')}
                </Button>
              </>
            )}
          </Space>
        )
      }
    >
      {detail.isPending && id !== null && <Spin />}
      {detail.isError && <Alert type="error" showIcon title={detail.error.message} />}
      {request && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('approvalInbox.titleColumn')}>
              {path ? <Link to={path}>{request.title}</Link> : request.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvalInbox.type')}>
              {t(`approvalFlow.types.${request.businessType}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvalInbox.status')}>
              <StatusTag status={request.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('approvalInbox.submitter')}>
              {request.submitter.displayName} · {time(request.submittedAt)}
            </Descriptions.Item>
            {request.customerId && (
              <Descriptions.Item label={t('approvalInbox.customer')}>
                <Link to={`/customers/${request.customerId}`}>{request.customerName ?? request.customerId}</Link>
              </Descriptions.Item>
            )}
            {request.reason && (
              <Descriptions.Item label={t('approvalInbox.reason')}>{request.reason}</Descriptions.Item>
            )}
            {Object.entries(request.summary)
              .filter(([key]) => key !== 'currency' && key !== 'customerName')
              .map(([key, value]) => (
                <Descriptions.Item key={key} label={t(`approvalInbox.fields.${key}`, { defaultValue: key })}>
                  {summaryValue(key, value, request.summary.currency)}
                </Descriptions.Item>
              ))}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('approvalInbox.timeline')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('approvalInbox.submittedBy', { name: request.submitter.displayName })}
            </Typography.Paragraph>
            <StepTimeline request={request} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
