import type { BulkCustomerResult } from '@guanxi/contract';
import { Alert, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Per-record outcome of a bulk action: counts, then each failure with the server's message. */
export function StaleResultSummary({
  result,
  names,
  onClose,
  title,
  testId = 'stale-result',
}: {
  result: BulkCustomerResult;
  names: Record<string, string>;
  onClose: () => void;
  /** The alert's heading (default: "result"). */
  title?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const hasProblems = result.failed.length > 0 || result.notFound.length > 0;
  const counts = (
    <Space wrap size={4}>
      <Tag color="success">{t('stale.done', { count: result.done.length })}</Tag>
      {result.pendingApproval.length > 0 && (
        <Tag color="processing">{t('stale.pendingApproval', { count: result.pendingApproval.length })}</Tag>
      )}
      {result.notFound.length > 0 && (
        <Tag color="warning">{t('stale.notFound', { count: result.notFound.length })}</Tag>
      )}
      {result.failed.length > 0 && <Tag color="error">{t('stale.failed', { count: result.failed.length })}</Tag>}
    </Space>
  );
  const failures = result.failed.length > 0 && (
    <List
      size="small"
      style={{ marginTop: 8 }}
      dataSource={result.failed}
      renderItem={(row) => (
        <List.Item key={row.id}>
          <Typography.Text strong>{names[row.id] ?? row.id}</Typography.Text>
          <Typography.Text type="secondary">{row.message}</Typography.Text>
        </List.Item>
      )}
    />
  );
  return (
    <div data-testid={testId} style={{ marginBottom: 16 }}>
      <Alert
        type={hasProblems ? 'warning' : 'success'}
        showIcon
        closable={{ onClose }}
        title={title ?? t('stale.resultTitle')}
        description={
          <>
            {counts}
            {failures}
          </>
        }
      />
    </div>
  );
}
