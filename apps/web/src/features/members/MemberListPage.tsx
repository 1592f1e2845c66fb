import type { Member } from '@guanxi/contract';
import { Card, DatePicker, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { NewButton } from '../../platform/ui/NewButton';
import { PagedTable } from '../../platform/ui/PagedTable';
import { SearchFilter } from '../../platform/ui/SearchFilter';
import { useDepartments } from '../departments';
import { EnrolMemberDrawer } from './EnrolMemberDrawer';
import { MemberAnalyticsCards } from './MemberAnalyticsCards';
import { MemberDetailDrawer } from './MemberDetailDrawer';
import { LevelTag, useLevelName } from './memberDisplay';
import { useMemberLevels, useMembers, type MemberFilters } from './members.queries';

/** 会员: analytics cards over the member list (filters: level, store, join date, search). */
export default function MemberListPage() {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const canManage = useHasPermission('members.manage');
  const canSeeDepartments = useHasPermission('departments.view');
  const departments = useDepartments({ enabled: canSeeDepartments });
  const levels = useMemberLevels();
  const [filters, setFilters] = useState<MemberFilters>({});
  const pages = useMembers(filters);
  const [enrolling, setEnrolling] = useState(false);
  // `/members?open=<id>` opens one member (links from a customer page).
  const [params, setParams] = useSearchParams();
  const openId = params.get('open') ?? undefined;
  const open = (id: string | undefined) => setParams(id ? { open: id } : {}, { replace: true });
  const rank = (levelId: string) => levels.data?.findIndex((l) => l.id === levelId) ?? 0;

  const columns: ColumnsType<Member> = [
    {
      key: 'name',
      title: t('member.customer'),
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{m.customerName}</Typography.Text>
          <Typography.Text type="secondary">{m.memberNo}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'level',
      title: t('member.level'),
      render: (_, m) => <LevelTag name={levelName(m)} rank={rank(m.levelId)} />,
    },
    {
      key: 'points',
      title: t('member.pointsBalance'),
      align: 'right',
      render: (_, m) => m.pointsBalance.toLocaleString(),
    },
    {
      key: 'growth',
      title: t('member.growthPoints'),
      align: 'right',
      render: (_, m) => m.growthPoints.toLocaleString(),
    },
    { key: 'joinedOn', dataIndex: 'joinedOn', title: t('member.joinedOn') },
    { key: 'store', title: t('member.store'), render: (_, m) => m.storeName ?? '—' },
    { key: 'cardNo', title: t('member.cardNo'), render: (_, m) => m.cardNo ?? '—' },
    { key: 'owner', title: t('member.owner'), render: (_, m) => m.ownerName ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <MemberAnalyticsCards />
      <Card
        title={t('member.title')}
        extra={
          canManage && (
            <NewButton type="primary" onClick={() => setEnrolling(true)} data-testid="member-enrol">
              {t('member.enrol')}
            </NewButton>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <SearchFilter
            placeholder={t('member.searchPlaceholder')}
            onSearch={(q) => setFilters((f) => ({ ...f, q }))}
            width={240}
            testId="member-search"
          />
          <Select
            allowClear
            placeholder={t('member.allLevels')}
            style={{ width: 140 }}
            options={(levels.data ?? []).map((l) => ({ value: l.id, label: levelName(l) }))}
            onChange={(levelId?: string) => setFilters((f) => ({ ...f, levelId }))}
            data-testid="member-level-filter"
          />
          {canSeeDepartments && (
            <Select
              allowClear
              placeholder={t('member.allStores')}
              style={{ width: 160 }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(storeId?: string) => setFilters((f) => ({ ...f, storeId }))}
            />
          )}
          <DatePicker.RangePicker
            placeholder={[t('member.joinedRange'), t('member.joinedRange')]}
            style={{ maxWidth: 260 }}
            onChange={(range) =>
              setFilters((f) => ({
                ...f,
                joinedFrom: range?.[0]?.format('YYYY-MM-DD'),
                joinedTo: range?.[1]?.format('YYYY-MM-DD'),
              }))
            }
          />
        </Space>
        <PagedTable<Member>
          pages={pages}
          columns={columns}
          testId="member-table"
          empty={t('member.empty')}
          phoneCards={{ title: 'name', fields: ['level', 'points', 'growth', 'joinedOn', 'store'] }}
          onRow={(m) => ({ onClick: () => open(m.id), style: { cursor: 'pointer' } })}
        />
      </Card>
      <EnrolMemberDrawer
        open={enrolling}
        onClose={(id) => {
          setEnrolling(false);
          if (id) open(id);
        }}
      />
      <MemberDetailDrawer memberId={openId} onClose={() => open(undefined)} />
    </Space>
  );
}
