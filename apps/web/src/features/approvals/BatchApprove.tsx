import type { ApprovalRequestListItem, BatchApproveResult } from '@guanxi/contract';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { FormModal } from '../../platform/ui/FormModal';
import { useBatchApprove } from './approvals.queries';

/** Each selected request with its outcome: approved, or the server's reason in the reader's language. */
function ResultList({ rows, results }: { rows: ApprovalRequestListItem[]; results: BatchApproveResult['results'] }) {
  const { t } = useTranslation();
  const titleOf = new Map(rows.map((r) => [r.id, r.title]));
  return (
    <List
      size="small"
      dataSource={results}
      rowKey="id"
      data-testid="approval-batch-results"
      renderItem={(r) => (
        <List.Item data-testid={`approval-batch-${r.outcome}`}>
          <Space align="start">
            {r.outcome === 'approved' ? (
              <CheckCircleTwoTone twoToneColor="#52c41a" />
            ) : (
              <CloseCircleTwoTone twoToneColor="#ff4d4f" />
            )}
            <Space direction="vertical" size={0}>
              <Typography.Text>{titleOf.get(r.id) ?? ''}</Typography.Text>
              <Typography.Text type={r.outcome === 'approved' ? 'success' : 'danger'}>
                {r.outcome === 'approved' ? t('approvalCard.batchOk') : r.error?.message}
              </Typography.Text>
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * Approves the selected pending rows with one optional comment (simple cases), then lists every
 * row's outcome; `onDone` clears the selection.
 */
export function BatchApproveButton({ rows, onDone }: { rows: ApprovalRequestListItem[]; onDone: () => void }) {
  const { t, form, showServerErrors } = useEditForm<{ comment?: string }>();
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<{ rows: ApprovalRequestListItem[]; results: BatchApproveResult['results'] }>();
  const batch = useBatchApprove();

  const submit = ({ comment }: { comment?: string }) => {
    const trimmed = comment?.trim();
    const chosen = rows;
    batch.mutate(
      { requestIds: chosen.map((r) => r.id), ...(trimmed ? { comment: trimmed } : {}) },
      {
        onSuccess: (answer) => {
          setOpen(false);
          setResults({ rows: chosen, results: answer.results });
          onDone();
        },
        onError: showServerErrors,
      },
    );
  };
  const failed = results?.results.filter((r) => r.outcome === 'failed').length ?? 0;

  return (
    <>
      <Button
        type="primary"
        disabled={rows.length === 0}
        onClick={() => setOpen(true)}
        data-testid="approval-batch-approve"
      >
        {t('approvalCard.batchApprove', { count: rows.length })}
      </Button>
      <FormModal
        form={form}
        open={open}
        title={t('approvalCard.batchTitle', { count: rows.length })}
        onClose={() => setOpen(false)}
        okTestId="approval-batch-submit"
        saving={batch.isPending}
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Alert type="info" showIcon title={t('approvalCard.batchHint')} style={{ marginBottom: 16 }} />
          <Form.Item name="comment" label={t('approvalInbox.comment')}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </FormModal>
      <Modal
        open={results !== undefined}
        title={t('approvalCard.batchResults')}
        onCancel={() => setResults(undefined)}
        footer={<Button onClick={() => setResults(undefined)}>{t('common.close')}</Button>}
      >
        {results && (
          <>
            <Typography.Paragraph data-testid="approval-batch-summary">
              {t('approvalCard.batchDone', { ok: results.results.length - failed, failed })}
            </Typography.Paragraph>
            <ResultList rows={results.rows} results={results.results} />
          </>
        )}
      </Modal>
    </>
  );
}
