import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES } from '@guanxi/contract';
import { App, Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, attachmentErrorText } from '../../platform/attachmentErrors';
import { useHasPermission } from '../../platform/session.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import {
  customerAttachmentUrl,
  useCustomerAttachments,
  useDeleteCustomerAttachment,
  useUploadCustomerAttachment,
} from './customer360.queries';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Files of the customer itself (contracts, licences …): download for readers, upload and remove for editors. */
export function CustomerAttachmentsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const files = useCustomerAttachments(customerId);
  const upload = useUploadCustomerAttachment(customerId);
  const remove = useDeleteCustomerAttachment(customerId);
  const canEdit = useHasPermission('customers.edit');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="customer-attachments">
      {canEdit && (
        <Space wrap>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              // Checked here first to spare a 5 MB round trip; the server checks again.
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
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="customer-attachment-upload">
              {t('customer360.attachments.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {t('customer360.attachments.hint', { size: ATTACHMENT_MAX_MB })}
          </Typography.Text>
        </Space>
      )}
      <QueryError query={files} />
      <List
        loading={files.isPending}
        dataSource={files.data ?? []}
        locale={{ emptyText: t('customer360.attachments.empty') }}
        renderItem={(file) => (
          <List.Item
            data-testid="customer-attachment"
            actions={
              canEdit
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('customer360.attachments.deleteConfirm')}
                      onConfirm={() =>
                        remove.mutate(file.id, {
                          onSuccess: () => void message.success(t('common.deleted')),
                          onError: (error) => void message.error(error.message),
                        })
                      }
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                      />
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={
                <a
                  href={customerAttachmentUrl(customerId, file.id)}
                  download={file.fileName}
                  style={{ wordBreak: 'break-all' }}
                >
                  {file.fileName}
                </a>
              }
              description={`${sizeText(file.sizeBytes)} · ${t('customer360.attachments.uploadedBy', {
                name: file.createdByName ?? t('customer360.bySystem'),
                time: dayjs(file.createdAt).format('YYYY-MM-DD HH:mm'),
              })}`}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
