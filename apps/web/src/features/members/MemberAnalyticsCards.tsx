import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoneyCompact } from '../../platform/money';
import { useLevelName } from './memberDisplay';
import { useMemberAnalytics } from './members.queries';

/** 会员分析: how many members are active, silent or churned, their points and 12-month value. */
export function MemberAnalyticsCards() {
  const { t } = useTranslation();
  const money = useFormatMoneyCompact();
  const levelName = useLevelName();
  const analytics = useMemberAnalytics();
  const data = analytics.data;
  const cards = data
    ? [
        { key: 'total', value: data.total.toLocaleString() },
        { key: 'active', value: data.active.toLocaleString() },
        { key: 'silent90', value: data.silent90.toLocaleString() },
        { key: 'silent180', value: data.silent180.toLocaleString() },
        { key: 'churned', value: data.churned.toLocaleString() },
        { key: 'points', value: data.pointsOutstanding.toLocaleString() },
        { key: 'revenue', value: money(data.revenue12mFen) },
        { key: 'profit', value: money(data.profit12mFen) },
      ]
    : [];
  return (
    <div data-testid="member-analytics">
      <Row gutter={[12, 12]}>
        {cards.map((card) => (
          <Col key={card.key} xs={12} sm={8} lg={6} xl={3}>
            <Card size="small" loading={analytics.isPending}>
              <Statistic title={t(`member.analytics.${card.key as 'total'}`)} value={card.value} />
            </Card>
          </Col>
        ))}
      </Row>
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('member.analytics.byLevel')}:{' '}
          {data.byLevel.map((level) => `${levelName(level)} ${level.count.toLocaleString()}`).join(' · ')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
