import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, type ComplaintCommentKind, type ComplaintDetail } from '@guanxi/contract';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, attachmentErrorText } from '../../platform/attachmentErrors';
import { useHasPermission } from '../../platform/session.queries';
import { BackTitle } from '../../platform/ui/BackTitle';
import { QueryResult } from '../../platform/ui/QueryResult';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { ActiveUserSelect } from '../users';
import { categoryName } from './categoryTree';
import {
  useAssignComplaint,
  useCloseComplaint,
  complaintAttachmentUrl,
  useCommentComplaint,
  useComplaint,
  useReopenComplaint,
  useResolveComplaint,
  useStartComplaint,
  useUploadComplaintAttachment,
} from './complaints.queries';
import { SEVERITY_COLORS, SlaBadge } from './SlaBadge';

const time = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);
type Dialog = 'assign' | 'resolve' | 'reopen' | null;

function ComplaintDetails({ detail }: { detail: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canHandle = useHasPermission('complaints.handle');
  const canAttach = useHasPermission('complaints.create');
  const { complaint: c, comments } = detail;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [kind, setKind] = useState<ComplaintCommentKind>('reply');
  const [text, setText] = useState('');
  const [dialogForm] = Form.useForm();
  const showDialogErrors = useServerFieldErrors(dialogForm);
  const assign = useAssignComplaint();
  const start = useStartComplaint();
  const comment = useCommentComplaint();
  const resolve = useResolveComplaint();
  const close = useCloseComplaint();
  const reopen = useReopenComplaint();
  const upload = useUploadComplaintAttachment(c.id);
  const open = c.state === 'new' || c.state === 'assigned' || c.state === 'in_progress';
  const fail = (e: Error) => void message.error(e.message);
  const saved = () => void message.success(t('complaint.done_'));

  const submitDialog = (values: Record<string, string>) => {
    const done = {
      onSuccess: () => {
        saved();
        setDialog(null);
        dialogForm.resetFields();
      },
      onError: showDialogErrors,
    };
    if (dialog === 'assign') assign.mutate({ id: c.id, body: { handlerId: values.handlerId ?? '' } }, done);
    if (dialog === 'resolve')
      resolve.mutate({ id: c.id, body: { rootCause: values.rootCause ?? '', solution: values.solution ?? '' } }, done);
    if (dialog === 'reopen') reopen.mutate({ id: c.id, body: { reason: values.reason ?? '' } }, done);
  };
  const required = (label: string) => [{ required: true, message: t('complaint.required', { field: label }) }];

  const send = () =>
    comment.mutate(
      { id: c.id, body: { kind, text } },
      {
        onSuccess: () => {
          setText('');
          saved();
        },
        onError: fail,
      },
    );

  const actions = canHandle && (
    <Space wrap>
      {open && (
        <Button onClick={() => setDialog('assign')} data-testid="complaint-assign">
          {t('complaint.actions.assign')}
        </Button>
      )}
      {(c.state === 'new' || c.state === 'assigned') && (
        <Button
          type="primary"
          loading={start.isPending}
          onClick={() => start.mutate(c.id, { onSuccess: saved, onError: fail })}
          data-testid="complaint-start"
        >
          {t('complaint.actions.start')}
        </Button>
      )}
      {open && (
        <Button onClick={() => setDialog('resolve')} data-testid="complaint-resolve">
          {t('complaint.actions.resolve')}
        </Button>
      )}
      {c.state === 'resolved' && (
        <Button
          type="primary"
          loading={close.isPending}
          onClick={() => close.mutate(c.id, { onSuccess: saved, onError: fail })}
          data-testid="complaint-close"
        >
          {t('complaint.actions.close')}
        </Button>
      )}
      {(c.state === 'resolved' || c.state === 'closed') && (
        <Button onClick={() => setDialog('reopen')} data-testid="complaint-reopen">
          {t('complaint.actions.reopen')}
        </Button>
      )}
    </Space>
  );

  const items = [
    {
      key: 'customer',
      label: t('complaint.customer'),
      children: <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>,
    },
    {
      key: 'state',
      label: t('complaint.state'),
      children: <span data-testid="complaint-state">{t(`complaint.states.${c.state}`)}</span>,
    },
    { key: 'sla', label: t('complaint.deadline'), children: <SlaBadge complaint={c} /> },
    {
      key: 'severity',
      label: t('complaint.severity'),
      children: <Tag color={SEVERITY_COLORS[c.severity]}>{t(`complaint.severities.${c.severity}`)}</Tag>,
    },
    { key: 'channel', label: t('complaint.channel'), children: t(`complaint.channels.${c.channel}`) },
    {
      key: 'category',
      label: t('complaint.category'),
      children: c.categoryId
        ? categoryName({ nameZh: c.categoryNameZh, nameEn: c.categoryNameEn }, language)
        : t('common.empty'),
    },
    { key: 'handler', label: t('complaint.handler'), children: c.handlerName ?? t('complaint.noHandler') },
    { key: 'createdBy', label: t('complaint.createdBy'), children: `${c.createdByName} · ${time(c.createdAt)}` },
    ...(c.contactName ? [{ key: 'contact', label: t('complaint.contact'), children: c.contactName }] : []),
    ...(c.productName ? [{ key: 'product', label: t('complaint.product'), children: c.productName }] : []),
    ...(c.orderId
      ? [
          {
            key: 'order',
            label: t('complaint.order'),
            children: <Link to={`/orders/${c.orderId}`}>{c.orderNumber}</Link>,
          },
        ]
      : []),
    {
      key: 'firstResponse',
      label: c.firstRespondedAt ? t('complaint.firstRespondedAt') : t('complaint.firstResponseDue'),
      children: (
        <Space wrap size={4}>
          {time(c.firstRespondedAt ?? c.firstResponseDueAt)}
          {c.firstResponseBreached && <Tag color="red">{t('complaint.breached')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'resolution',
      label: c.resolvedAt ? t('complaint.resolvedAt') : t('complaint.resolutionDue'),
      children: (
        <Space wrap size={4}>
          {time(c.resolvedAt ?? c.resolutionDueAt)}
          {c.resolutionBreached && <Tag color="red">{t('complaint.breached')}</Tag>}
        </Space>
      ),
    },
    ...(c.closedAt ? [{ key: 'closed', label: t('complaint.closedAt'), children: time(c.closedAt) }] : []),
    {
      key: 'description',
      label: t('complaint.description'),
      span: 'filled' as const,
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.description}</Typography.Paragraph>
      ),
    },
    ...(c.rootCause
      ? [
          { key: 'rootCause', label: t('complaint.rootCause'), span: 'filled' as const, children: c.rootCause },
          { key: 'solution', label: t('complaint.solution'), span: 'filled' as const, children: c.solution },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <BackTitle onBack={() => void navigate('/complaints')}>
          <Space wrap size={4}>
            <span data-testid="complaint-title">{c.subject}</span>
            {c.isRepeat && (
              <Tag color="magenta" title={t('complaint.repeatHint')}>
                {t('complaint.repeat')}
              </Tag>
            )}
            {c.reopenCount > 0 && <Tag>{t('complaint.reopened', { count: c.reopenCount })}</Tag>}
          </Space>
        </BackTitle>
      }
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {actions}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
        <Card size="small" title={t('complaint.files')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {detail.attachments.length === 0 && (
              <Typography.Text type="secondary">{t('complaint.noFiles')}</Typography.Text>
            )}
            {detail.attachments.map((file) => (
              <a
                key={file.id}
                href={complaintAttachmentUrl(c.id, file.id)}
                data-testid="complaint-file"
                style={{ wordBreak: 'break-all' }}
              >
                <PaperClipOutlined /> {file.fileName}
              </a>
            ))}
            {canAttach && (
              <Upload
                accept={ATTACHMENT_ACCEPT}
                showUploadList={false}
                multiple
                beforeUpload={(file) => {
                  // Checked here first to spare a large round trip; the server checks again.
                  if (file.size > ATTACHMENT_MAX_BYTES)
                    void message.error(t('followUp.tooLarge', { name: file.name, size: ATTACHMENT_MAX_MB }));
                  else
                    upload.mutate(file, {
                      onSuccess: () => void message.success(t('followUp.uploaded', { name: file.name })),
                      onError: (error) => void message.error(attachmentErrorText(t, file.name, error)),
                    });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="complaint-upload">
                  {t('complaint.upload')}
                </Button>
              </Upload>
            )}
          </Space>
        </Card>
        <Card size="small" title={t('complaint.timeline')}>
          {comments.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaint.noComments')} />
          ) : (
            <Timeline
              data-testid="complaint-timeline"
              items={comments.map((m) => ({
                key: m.id,
                color: m.kind === 'reply' ? 'blue' : 'gray',
                children: (
                  <div>
                    <Space wrap size={4}>
                      <Tag color={m.kind === 'reply' ? 'blue' : 'default'}>
                        {m.kind === 'reply' ? t('complaint.replyKind') : t('complaint.noteKind')}
                      </Tag>
                      <Typography.Text type="secondary">
                        {m.authorName} · {time(m.createdAt)}
                      </Typography.Text>
                    </Space>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                      {m.text}
                    </Typography.Paragraph>
                  </div>
                ),
              }))}
            />
          )}
          {canHandle && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Segmented<ComplaintCommentKind>
                value={kind}
                onChange={setKind}
                options={[
                  { value: 'reply', label: t('complaint.reply') },
                  { value: 'note', label: t('complaint.note') },
                ]}
              />
              <Input.TextArea
                rows={3}
                value={text}
                maxLength={5000}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('complaint.textPlaceholder')}
                data-testid="complaint-comment"
              />
              <Button
                type="primary"
                disabled={text.trim() === ''}
                loading={comment.isPending}
                onClick={send}
                data-testid="complaint-send"
              >
                {t('complaint.send')}
              </Button>
            </Space>
          )}
        </Card>
      </Space>
      <Modal
        open={dialog !== null}
        title={
          dialog === 'assign'
            ? t('complaint.assignTitle')
            : dialog === 'resolve'
              ? t('complaint.resolveTitle')
              : t('complaint.reopenTitle')
        }
        onCancel={() => setDialog(null)}
        onOk={() => dialogForm.submit()}
        okButtonProps={{ 'data-testid': 'complaint-dialog-ok' } as Record<`data-${string}`, string>}
        confirmLoading={assign.isPending || resolve.isPending || reopen.isPending}
        destroyOnHidden
      >
        <Form form={dialogForm} layout="vertical" onFinish={submitDialog} preserve={false}>
          {dialog === 'assign' && (
            <Form.Item
              name="handlerId"
              label={t('complaint.handler')}
              initialValue={c.handlerId ?? undefined}
              rules={required(t('complaint.handler'))}
            >
              <ActiveUserSelect data-testid="complaint-handler" />
            </Form.Item>
          )}
          {dialog === 'resolve' && (
            <>
              <Form.Item name="rootCause" label={t('complaint.rootCause')} rules={required(t('complaint.rootCause'))}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="complaint-root-cause" />
              </Form.Item>
              <Form.Item name="solution" label={t('complaint.solution')} rules={required(t('complaint.solution'))}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="complaint-solution" />
              </Form.Item>
            </>
          )}
          {dialog === 'reopen' && (
            <Form.Item name="reason" label={t('complaint.reopenReason')} rules={required(t('complaint.reopenReason'))}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="complaint-reopen-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

export default function ComplaintDetailPage() {
  const { id = '' } = useParams();
  return <QueryResult query={useComplaint(id)}>{(detail) => <ComplaintDetails detail={detail} />}</QueryResult>;
}
