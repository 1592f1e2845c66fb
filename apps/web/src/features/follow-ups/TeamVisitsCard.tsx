import { endpoints, type Visit } from '@guanxi/contract';
import { Card, DatePicker, Space, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVisits } from './followUps.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';
import { orgToday } from '../../platform/orgToday';

/** A map-free list of the team's visits on one day (scope: the people the manager sees). */
export function TeamVisitsCard() {
  const { t } = useTranslation();
  // Until a day is picked the server's "today" (organization time zone) applies, whatever the browser's zone.
  const [day, setDay] = useState<Dayjs | null>(null);
  const filters = day ? { date: day.format('YYYY-MM-DD') } : {};
  const visits = useVisits(filters);
  const columns: TableColumnsType<Visit> = [
    { key: 'time', title: t('team.time'), render: (_, v) => dayjs(v.checkedInAt).format('HH:mm'), width: 70 },
    { key: 'person', title: t('team.person'), dataIndex: 'userName', width: 100 },
    {
      key: 'customer',
      title: t('team.customer'),
      render: (_, v) => <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link>,
    },
    {
      key: 'place',
      title: t('team.place'),
      render: (_, v) =>
        v.address ?? (v.latitude !== null ? `${v.latitude}, ${v.longitude} (±${v.accuracyM ?? '?'} m)` : ''),
    },
    { key: 'note', title: t('checkIn.note'), dataIndex: 'note' },
  ];
  return (
    <Card
      title={t('team.visitsOfDay')}
      extra={
        <Space wrap>
          <DatePicker
            value={day}
            onChange={setDay}
            placeholder={t('team.today')}
            disabledDate={(d) => d.isAfter(orgToday(), 'day')}
          />
          <ExportButton endpoint={endpoints.visits.export} query={filters} />
        </Space>
      }
    >
      <ListTable<Visit>
        size="small"
        columns={columns}
        rows={visits.data?.items ?? []}
        loading={visits.isPending}
        scroll={{ x: 'max-content' }}
        empty={t('team.noVisits')}
        testId="team-visits-table"
      />
    </Card>
  );
}
