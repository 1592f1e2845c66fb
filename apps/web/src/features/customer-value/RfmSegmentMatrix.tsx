import type { RfmSegmentSummary } from '@guanxi/contract';
import { Card, Col, Grid, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoneyCompact } from '../../platform/money';
import { RFM_SEGMENT_COLORS } from '../../platform/ui/RfmSegmentTag';
import { customerListPath } from '../customers';
import { segmentMatrix } from './rfmLayout';
import { usePercent } from './valueDisplay';

/** One segment as a card: its name and meaning, customers, revenue and share; a link to its customers. */
function SegmentCard({ summary, currency }: { summary: RfmSegmentSummary; currency: string }) {
  const { t } = useTranslation();
  const money = useFormatMoneyCompact();
  const percent = usePercent();
  // Two cards a row on a phone, figures stacked and the one-line meaning left out (the tag's tooltip has it).
  const isPhone = Grid.useBreakpoint().md === false;
  const { segment } = summary;
  const figureStyle = { content: { fontSize: isPhone ? 16 : 20 } };
  const body = (
    <Card
      size="small"
      hoverable={summary.count > 0}
      style={{ borderTop: `3px solid ${RFM_SEGMENT_COLORS[segment]}`, height: '100%' }}
      data-testid={`rfm-segment-${segment}`}
    >
      <Typography.Text strong>{t(`rfm.segments.${segment}`)}</Typography.Text>
      {!isPhone && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
          {t(`rfm.segmentHints.${segment}`)}
        </Typography.Paragraph>
      )}
      <Row gutter={8}>
        <Col span={isPhone ? 24 : 10}>
          <Statistic title={t('rfm.count')} value={summary.count} styles={figureStyle} />
        </Col>
        <Col span={isPhone ? 24 : 14}>
          <Statistic title={t('rfm.revenue')} value={money(summary.revenueFen, currency)} styles={figureStyle} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('rfm.share')} {percent(summary.revenueSharePct)}
      </Typography.Text>
    </Card>
  );
  // An empty segment has no customers to open.
  return summary.count === 0 ? (
    body
  ) : (
    <Link to={customerListPath({ rfmSegment: segment })} aria-label={t('rfm.openList')}>
      {body}
    </Link>
  );
}

/** The eight segments as a 2 × 4 matrix: important (M above average) over general. */
export function RfmSegmentMatrix({ segments, currency }: { segments: RfmSegmentSummary[]; currency: string }) {
  const { t } = useTranslation();
  const matrix = segmentMatrix(segments);
  const row = (title: string, items: RfmSegmentSummary[]) => (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {items.map((summary) => (
          <Col key={summary.segment} xs={12} xl={6}>
            <SegmentCard summary={summary} currency={currency} />
          </Col>
        ))}
      </Row>
    </>
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="rfm-matrix">
      {row(t('rfm.important'), matrix.important)}
      {row(t('rfm.general'), matrix.general)}
    </div>
  );
}
