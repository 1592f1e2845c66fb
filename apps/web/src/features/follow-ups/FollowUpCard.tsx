import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { FollowUp } from '@guanxi/contract';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../auth/auth.queries';
import { useDeleteFollowUp } from './followUps.queries';
import { useFollowUpTypeLabel } from './useFollowUpTypeLabel';

const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** One follow-up: type, who and when, content, contacts, next contact, attachment links. */
export function FollowUpCard({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const typeLabel = useFollowUpTypeLabel();
  const remove = useDeleteFollowUp();
  const canDelete = useHasPermission('followups.delete');
  return (
    <div data-testid="follow-up-entry">
      <Space wrap size={4}>
        <Tag color="cyan">{typeLabel(followUp.type)}</Tag>
        <Typography.Text type="secondary">
          {t('followUp.by', { name: followUp.authorName ?? '', time: time(followUp.occurredAt) })}
        </Typography.Text>
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
    </div>
  );
}
