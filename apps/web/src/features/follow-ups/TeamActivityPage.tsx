import { endpoints, type ActivityRow, type TeamActivityQuery } from '@guanxi/contract';
import { Card, DatePicker, Segmented, Space, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NeglectedCard } from './NeglectedCard';
import { TeamVisitsCard } from './TeamVisitsCard';
import { useTeamActivity } from './followUps.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { orgToday } from '../../platform/orgToday';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The manager's team view (team.view): follow-ups and visits per person per day or week, visits of a day, neglected customers. */
export default function TeamActivityPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<'day' | 'week'>('day');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query: TeamActivityQuery = {
    period,
    ...(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const activity = useTeamActivity(query);
  const periods = activity.data?.periods ?? [];

  const columns: TableColumnsType<ActivityRow> = [
    { key: 'person', title: t('team.person'), dataIndex: 'userName', fixed: 'left', width: 110 },
    ...periods.map((p, i) => ({
      key: p,
      title: period === 'day' ? dayjs(p).format('MM-DD ddd') : `${dayjs(p).format('MM-DD')}~`,
      align: 'center' as const,
      render: (_: unknown, row: ActivityRow) => (
        <span data-testid={`team-cell-${i}`}>
          {row.followUps[i]} / {row.visits[i]}
        </span>
      ),
    })),
    {
      key: 'total',
      title: t('team.total'),
      align: 'center',
      fixed: 'right',
      render: (_, row) => (
        <Typography.Text strong>
          {sum(row.followUps)} / {sum(row.visits)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('team.title')}
        extra={
          <Space wrap>
            <Segmented
              value={period}
              onChange={(value) => {
                setPeriod(value as 'day' | 'week');
                setRange(null);
              }}
              options={[
                { value: 'day', label: t('team.day') },
                { value: 'week', label: t('team.week') },
              ]}
            />
            <DatePicker.RangePicker
              value={range}
              onChange={(value) => setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
              disabledDate={(d) => d.isAfter(orgToday(), 'day')}
              allowClear
            />
            <ExportButton endpoint={endpoints.teamActivity.export} query={query} />
          </Space>
        }
      >
        <QueryError query={activity} />
        <Typography.Paragraph type="secondary">
          {t('team.followUps')} / {t('team.visits')}
        </Typography.Paragraph>
        <ListTable<ActivityRow>
          rowKey="userId"
          size="small"
          columns={columns}
          rows={activity.data?.rows ?? []}
          loading={activity.isPending}
          scroll={{ x: 'max-content' }}
          testId="team-activity-table"
          phoneCards={{ title: 'person', fields: [...periods, 'total'] }}
        />
      </Card>
      <TeamVisitsCard />
      <NeglectedCard />
    </Space>
  );
}
