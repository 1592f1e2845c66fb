import type { ApprovalRequestDetail } from '@guanxi/contract';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Grid,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApprovalFactsCard } from './ApprovalFactsCard';
import { approvalEntityPath } from './approvalLinks';
import { useApproval, useDecideApproval } from './approvals.queries';
import { DecisionPanel } from './DecisionPanel';
import { StatusTag } from './StatusTag';

const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

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

/**
 * A request as a decision card: who asks what and why, the facts its type's module reports (order
 * lines, credit, receipts, history), the decision right there, and the steps so far.
 */
export function ApprovalDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const detail = useApproval(id);
  const decide = useDecideApproval();
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
      // Wide enough for a price card's line table on a desktop; the whole screen on a phone.
      width={!screens.md ? '100%' : screens.xl ? 920 : 760}
      title={t('approvalInbox.detail')}
      destroyOnHidden
      extra={
        request?.canWithdraw && (
          <Popconfirm title={t('approvalInbox.withdrawConfirm')} onConfirm={withdraw}>
            <Button loading={decide.isPending} data-testid="approval-withdraw">
              {t('approvalInbox.withdraw')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {detail.isPending && id !== null && <Spin />}
      {detail.isError && <Alert type="error" showIcon title={detail.error.message} />}
      {request && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="approval-detail">
          <Descriptions
            column={{ xs: 1, sm: 2 }}
            size="small"
            title={path ? <Link to={path}>{request.title}</Link> : request.title}
            extra={<StatusTag status={request.status} />}
            items={[
              {
                key: 'type',
                label: t('approvalInbox.type'),
                children: t(`approvalFlow.types.${request.businessType}`),
              },
              {
                key: 'submitter',
                label: t('approvalInbox.submitter'),
                children: `${request.submitter.displayName} · ${time(request.submittedAt)}`,
              },
              ...(request.customerId
                ? [
                    {
                      key: 'customer',
                      label: t('approvalInbox.customer'),
                      children: <Link to={`/customers/${request.customerId}`}>{request.customerName}</Link>,
                    },
                  ]
                : []),
              ...(request.reason
                ? [{ key: 'reason', label: t('approvalInbox.reason'), children: request.reason, span: 2 }]
                : []),
            ]}
          />
          <ApprovalFactsCard id={request.id} />
          {request.canDecide && <DecisionPanel request={request} />}
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
