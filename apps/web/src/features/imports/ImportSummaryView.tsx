import type { ImportSummary } from '@guanxi/contract';
import { Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const FIGURES = ['created', 'updated', 'unchanged', 'duplicates', 'similarNames', 'errors'] as const;

/** Figures that need the reader's attention when above zero: refused rows red, warned rows amber. */
const ATTENTION: Partial<Record<(typeof FIGURES)[number], string>> = { errors: '#cf1322', similarNames: '#d48806' };

/**
 * A check's or a run's row counts (new, updated, unchanged, duplicates, new with a name similar to
 * another customer's, with problems), then each problem in words with how many rows have it.
 */
export function ImportSummaryView({ summary, phase }: { summary: ImportSummary; phase: 'check' | 'result' }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={[16, 16]} data-testid={`import-${phase}-summary`}>
        {/* Similar names are the check's warning for review; the run does not look them up again. */}
        {FIGURES.filter((figure) => phase === 'check' || figure !== 'similarNames').map((figure) => (
          <Col key={figure} xs={12} sm={8} md={4} data-testid={`import-${phase}-${figure}`}>
            <Statistic
              title={
                phase === 'check'
                  ? t(`imports.check.${figure}`)
                  : t(`imports.result.${figure as Exclude<typeof figure, 'similarNames'>}`)
              }
              value={summary[figure]}
              styles={ATTENTION[figure] && summary[figure] > 0 ? { content: { color: ATTENTION[figure] } } : undefined}
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
