import type { ReportCounts as Counts } from '@guanxi/contract';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const KEYS = ['newCustomers', 'followUps', 'visits', 'stageMoves', 'orders', 'payments'] as const;

/** The automatic counts of a report's period, two or three to a row on a phone. */
export function ReportCounts({ counts, loading = false }: { counts: Counts | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('report.counts')} data-testid="report-counts">
      <Row gutter={[8, 8]}>
        {KEYS.map((key) => (
          <Col key={key} xs={8} md={4}>
            <Statistic
              title={t(`report.count.${key}`)}
              value={counts?.[key] ?? 0}
              loading={loading}
              data-testid={`report-count-${key}`}
            />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('report.ordersLater')}
      </Typography.Text>
    </Card>
  );
}
