import { RELATIONSHIP_PHASES } from '@guanxi/contract';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../platform/ui/QueryResult';
import { PHASE_COLORS, customerListPath } from '../customers';
import { useRelationshipSummary } from './relationship.queries';

/** antd's preset colours as a bar segment's fill. */
const FILL: Record<string, string> = { blue: '#1677ff', cyan: '#13c2c2', green: '#52c41a', volcano: '#fa541c' };

/**
 * Customers per relationship phase as one bar (each part opens the customer list of that phase),
 * and what became of the declining ones: awaiting a decision, win back and won back, let go.
 */
export function RelationshipSummaryCard() {
  const { t } = useTranslation();
  const summary = useRelationshipSummary();
  const data = summary.data;
  const total = data ? data.phases.reduce((n, p) => n + p.count, 0) : 0;
  return (
    <Card
      size="small"
      title={t('relationship.summaryTitle')}
      extra={<Typography.Text type="secondary">{t('relationship.summaryHint')}</Typography.Text>}
      data-testid="relationship-summary"
      loading={summary.isPending}
    >
      <QueryError query={summary} />
      {data && (
        <>
          {total > 0 && (
            <div style={{ display: 'flex', height: 12, borderRadius: 6, overflow: 'hidden', marginBottom: 16 }}>
              {data.phases
                .filter((p) => p.count > 0)
                .map((p) => (
                  <Link
                    key={p.phase}
                    to={customerListPath({ relationshipPhase: p.phase })}
                    style={{ flex: p.count, background: FILL[PHASE_COLORS[p.phase]] }}
                    aria-label={`${t(`relationship.phases.${p.phase}`)} ${p.count}`}
                  />
                ))}
            </div>
          )}
          <Row gutter={[16, 16]}>
            {RELATIONSHIP_PHASES.map((phase) => (
              <Col key={phase} xs={12} md={6}>
                <Link to={customerListPath({ relationshipPhase: phase })} data-testid={`phase-count-${phase}`}>
                  <Statistic
                    title={t(`relationship.phases.${phase}`)}
                    value={data.phases.find((p) => p.phase === phase)?.count ?? 0}
                    styles={{ content: { color: FILL[PHASE_COLORS[phase]] } }}
                  />
                </Link>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ margin: '16px 0 8px' }}>
            {t('relationship.lastYear')}
            {data.notComputed > 0 && ` · ${t('relationship.notComputed')}: ${data.notComputed}`}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Link to={customerListPath({ relationshipPhase: 'decline' })}>
                <Statistic title={t('relationship.pendingDecision')} value={data.pendingDecision} />
              </Link>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('relationship.winBackCount')} value={data.winBack} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('relationship.wonBack')} value={data.wonBack} data-testid="won-back-count" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('relationship.letGoCount')} value={data.letGo} />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
