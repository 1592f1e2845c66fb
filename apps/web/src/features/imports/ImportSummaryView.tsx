import type { ImportSummary } from '@guanxi/contract';
import { Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const FIGURES = ['created', 'updated', 'unchanged', 'duplicates', 'errors'] as const;

/**
 * A check's or a run's row counts (new, updated, unchanged, duplicates, with problems), then each
 * problem in words with how many rows have it.
 */
export function ImportSummaryView({ summary, phase }: { summary: ImportSummary; phase: 'check' | 'result' }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={[16, 16]} data-testid={`import-${phase}-summary`}>
        {FIGURES.map((figure) => (
          <Col key={figure} xs={12} sm={8} md={4} data-testid={`import-${phase}-${figure}`}>
            <Statistic
              title={t(`imports.${phase}.${figure}`)}
              value={summary[figure]}
              styles={figure === 'errors' && summary.errors > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Col>
        ))}
      </Row>
      {summary.reasons.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('imports.check.reasons')}</Typography.Text>}
          dataSource={summary.reasons}
          rowKey="code"
          style={{ marginTop: 16 }}
          data-testid="import-reasons"
          renderItem={(reason) => (
            <List.Item
              extra={
                <Typography.Text type="danger">
                  {t('imports.check.reasonCount', { count: reason.count })}
                </Typography.Text>
              }
            >
              {reason.message}
            </List.Item>
          )}
        />
      )}
    </>
  );
}
