import type { Celebration } from '@guanxi/contract';
import { Card, Segmented, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../platform/ui/ListTable';
import { LevelTag, useLevelName } from './memberDisplay';
import { useCelebrations } from './members.queries';

const DAY_CHOICES = [7, 30, 60, 90];

/** 会员生日与纪念日: members whose birthday or membership anniversary falls in the next days. */
export default function MemberCelebrationsPage() {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const [kind, setKind] = useState<'birthday' | 'anniversary'>('birthday');
  const [days, setDays] = useState(30);
  const list = useCelebrations({ kind, days });
  const today = new Date().toLocaleDateString('sv-SE');
  const columns: ColumnsType<Celebration> = [
    {
      key: 'date',
      title: t('member.celebrations.date'),
      render: (_, c) => (c.date === today ? <Tag color="red">{t('member.celebrations.today')}</Tag> : c.date),
    },
    {
      key: 'name',
      title: t('member.customer'),
      render: (_, c) => <Link to={`/members?open=${c.memberId}`}>{c.customerName}</Link>,
    },
    { key: 'memberNo', dataIndex: 'memberNo', title: t('member.memberNo') },
    { key: 'level', title: t('member.level'), render: (_, c) => <LevelTag name={levelName(c)} /> },
    {
      key: 'years',
      title: kind === 'birthday' ? t('member.celebrations.ageTitle') : t('member.celebrations.yearsTitle'),
      render: (_, c) =>
        c.years === null
          ? '—'
          : kind === 'birthday'
            ? t('member.celebrations.age', { years: c.years })
            : t('member.celebrations.years', { years: c.years }),
    },
    ...(kind === 'birthday'
      ? [
          {
            key: 'gift',
            title: t('member.celebrations.gift'),
            render: (_: unknown, c: Celebration) => c.birthdayGift ?? '—',
          },
        ]
      : []),
  ];
  return (
    <Card title={t('member.celebrations.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(value) => setKind(value as 'birthday' | 'anniversary')}
          options={[
            { value: 'birthday', label: t('member.celebrations.birthday') },
            { value: 'anniversary', label: t('member.celebrations.anniversary') },
          ]}
        />
        <Select
          value={days}
          onChange={setDays}
          style={{ width: 120 }}
          options={DAY_CHOICES.map((d) => ({ value: d, label: t('member.celebrations.daysValue', { days: d }) }))}
        />
      </Space>
      <ListTable<Celebration>
        rows={list.data?.items ?? []}
        loading={list.isPending}
        rowKey="memberId"
        columns={columns}
        empty={t('member.celebrations.empty')}
        testId="member-celebrations"
        phoneCards={{ title: 'name', fields: ['date', 'level', 'years', 'gift'] }}
      />
    </Card>
  );
}
