import { Card, Col, DatePicker, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgToday } from '../../platform/orgToday';
import { useComplaintStats } from './complaints.queries';

/** Minutes as a reader says them: under an hour in minutes, under two days in hours, else days. */
function useDuration() {
  const { t } = useTranslation();
  return (minutes: number | null) => {
    if (minutes === null) return t('complaintStats.none');
    if (minutes < 60) return t('complaintStats.minutes', { n: minutes });
    if (minutes < 48 * 60) return t('complaintStats.hours', { n: Math.round((minutes / 60) * 10) / 10 });
    return t('complaintStats.days', { n: Math.round((minutes / 1440) * 10) / 10 });
  };
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The service figures a manager watches (issue 15 item 7): of the complaints opened in the period
 * (the last 30 days unless chosen), how many are handled, how many were answered and resolved
 * within their SLA, the mean times, what is overdue now and the top categories — all within the
 * reader's scope.
 */
export function ComplaintStatsCard() {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [orgToday().subtract(29, 'day'), orgToday()]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useComplaintStats(period);
  const data = stats.data;
  const rateOf = (title: string, rate: number | null, testId: string) => (
    <Statistic
      title={title}
      value={percent(rate) ?? t('complaintStats.none')}
      suffix={rate === null ? undefined : '%'}
      data-testid={testId}
    />
  );
  return (
    <Card
      title={t('complaintStats.title')}
      loading={stats.isPending}
      extra={
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          style={{ maxWidth: 260 }}
        />
      }
      data-testid="complaint-stats"
    >
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('complaintStats.opened')} value={data.opened} data-testid="complaint-stats-opened" />
            </Col>
            <Col xs={12} md={6} xl={3}>
              {rateOf(t('complaintStats.handlingRate'), data.handlingRate, 'complaint-stats-handling')}
            </Col>
            <Col xs={12} md={6} xl={3}>
              {rateOf(t('complaintStats.onTimeResponse'), data.onTimeResponseRate, 'complaint-stats-response')}
            </Col>
            <Col xs={12} md={6} xl={3}>
              {rateOf(t('complaintStats.onTimeResolution'), data.onTimeResolutionRate, 'complaint-stats-resolution')}
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('complaintStats.meanFirstResponse')}
                value={duration(data.meanFirstResponseMinutes)}
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('complaintStats.meanResolution')} value={duration(data.meanResolutionMinutes)} />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('complaintStats.overdueOpen')}
                value={data.overdueOpen}
                styles={{ content: data.overdueOpen > 0 ? { color: '#cf1322' } : {} }}
              />
            </Col>
          </Row>
          {data.byCategory.length > 0 && (
            <Space wrap size={4}>
              <Typography.Text type="secondary">{t('complaintStats.topCategories')}</Typography.Text>
              {data.byCategory.map((c) => (
                <Tag key={c.categoryId ?? 'none'}>
                  {(i18n.language === 'en' ? c.nameEn : c.nameZh) ?? t('complaintStats.uncategorized')} × {c.count}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}
