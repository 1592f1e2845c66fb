import { DeleteOutlined, EditOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, type FollowUp } from '@guanxi/contract';
import { App, Button, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, attachmentErrorText } from '../../platform/attachmentErrors';
import { FollowUpFormModal } from './FollowUpFormModal';
import { useAddAttachment, useDeleteFollowUp } from './followUps.queries';
import { useFollowUpTypeLabel } from './useFollowUpTypeLabel';

const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** Adds one file to an existing follow-up; size is checked here first to spare a 5 MB round trip. */
function AddAttachment({ followUpId }: { followUpId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddAttachment();
  return (
    <Upload
      accept={ATTACHMENT_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > ATTACHMENT_MAX_BYTES)
          void message.error(t('followUp.tooLarge', { name: file.name, size: ATTACHMENT_MAX_MB }));
        else
          add.mutate(
            { followUpId, file },
            {
              onSuccess: () => void message.success(t('followUp.uploaded', { name: file.name })),
              onError: (error) => void message.error(attachmentErrorText(t, file.name, error)),
            },
          );
        return false;
      }}
    >
      <Button
        type="text"
        size="small"
        icon={<UploadOutlined />}
        loading={add.isPending}
        aria-label={t('followUp.addAttachment')}
        title={t('followUp.addAttachment')}
        data-testid="follow-up-attach"
      />
    </Upload>
  );
}

/** One follow-up: type, who and when, content, contacts, next contact, attachment links. */
export function FollowUpCard({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const typeLabel = useFollowUpTypeLabel();
  const remove = useDeleteFollowUp();
  const canDelete = useHasPermission('followups.delete');
  const me = useMe().data;
  // The server's rule for PATCH and uploads: followups.create, and the author or followups.edit.
  const canEdit =
    !!me &&
    me.permissions.includes('followups.create') &&
    (followUp.authorId === me.id || me.permissions.includes('followups.edit'));
  const [isEditing, setEditing] = useState(false);
  return (
    <div data-testid="follow-up-entry">
      <Space wrap size={4}>
        <Tag color="cyan">{typeLabel(followUp.type)}</Tag>
        <Typography.Text type="secondary">
          {t('followUp.by', { name: followUp.authorName ?? '', time: time(followUp.occurredAt) })}
        </Typography.Text>
        {canEdit && (
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('followUp.edit')}
            title={t('followUp.edit')}
            onClick={() => setEditing(true)}
            data-testid="follow-up-edit"
          />
        )}
        {canEdit && <AddAttachment followUpId={followUp.id} />}
        {canDelete && (
          <Popconfirm
            title={t('followUp.deleteConfirm')}
            onConfirm={() => remove.mutate(followUp.id, { onError: (error) => void message.error(error.message) })}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        )}
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{followUp.content}</div>
      {followUp.contacts.length > 0 && (
        <Typography.Text type="secondary">
          {t('followUp.contacts')}：{followUp.contacts.map((c) => c.name).join('、')}
        </Typography.Text>
      )}
      {followUp.nextContactAt && (
        <div>
          <Tag color="gold">{t('followUp.next', { time: time(followUp.nextContactAt) })}</Tag>
        </div>
      )}
      {followUp.attachments.length > 0 && (
        <Space wrap size={8} style={{ marginTop: 4 }}>
          {followUp.attachments.map((file) => (
            <a key={file.id} href={`/api/v1/attachments/${file.id}`} download={file.fileName}>
              <PaperClipOutlined /> {file.fileName}
            </a>
          ))}
        </Space>
      )}
      {isEditing && (
        // Mounted only while open, so each edit starts from the row (and version) as last loaded.
        <FollowUpFormModal
          parent={followUp.customerId ? { customerId: followUp.customerId } : { leadId: followUp.leadId ?? '' }}
          followUp={followUp}
          open
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}
