import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, type ExpenseDetail } from '@guanxi/contract';
import { App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB, attachmentErrorText } from '../../platform/attachmentErrors';
import { receiptUrl, useDeleteReceipt, useUploadReceipt } from './expenses.queries';

/** Receipts of an expense: download links for whoever sees it; upload and remove while editable. */
export function ExpenseReceipts({ expense, editable }: { expense: ExpenseDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadReceipt();
  const remove = useDeleteReceipt();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="expense-receipts">
      <Typography.Text strong>{t('expense.receipts')}</Typography.Text>
      {expense.attachments.length === 0 && (
        <Typography.Text type="secondary">{t('expense.noReceipts')}</Typography.Text>
      )}
      {expense.attachments.map((file) => (
        <Space key={file.id}>
          <PaperClipOutlined />
          <a href={receiptUrl(expense.id, file.id)} download={file.fileName}>
            {file.fileName}
          </a>
          {editable && (
            <Popconfirm
              title={t('expense.deleteReceiptConfirm')}
              onConfirm={() =>
                remove.mutate(
                  { expenseId: expense.id, attachmentId: file.id },
                  { onError: (error) => void message.error(error instanceof Error ? error.message : String(error)) },
                )
              }
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ))}
      {editable && (
        <Upload
          accept={ATTACHMENT_ACCEPT}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            // Checked here first to spare a 5 MB round trip; the server checks again.
            if (file.size > ATTACHMENT_MAX_BYTES)
              void message.error(t('followUp.tooLarge', { name: file.name, size: ATTACHMENT_MAX_MB }));
            else
              upload.mutate(
                { expenseId: expense.id, file },
                {
                  onSuccess: () => void message.success(t('followUp.uploaded', { name: file.name })),
                  onError: (error) => void message.error(attachmentErrorText(t, file.name, error)),
                },
              );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="expense-upload">
            {t('expense.addReceipt')}
          </Button>
        </Upload>
      )}
      {editable && (
        <Typography.Text type="secondary">{t('expense.receiptHint', { size: ATTACHMENT_MAX_MB })}</Typography.Text>
      )}
    </Space>
  );
}
