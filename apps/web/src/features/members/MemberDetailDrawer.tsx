import type { PointsEntry } from '@guanxi/contract';
import { Col, Descriptions, Drawer, Row, Space, Statistic, Tabs, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { useHasPermission } from '../../platform/session.queries';
import { PagedTable } from '../../platform/ui/PagedTable';
import { QueryResult } from '../../platform/ui/QueryResult';
import { PointsActions } from './PointsActions';
import { PointsChange, useDiscountText, useKindLabel, useLevelName } from './memberDisplay';
import { useMember, useMemberLedger, useMemberLevelHistory, useMemberValue } from './members.queries';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** One member: card facts, 12-month value, points actions, the points ledger and the level changes. */
export function MemberDetailDrawer({ memberId, onClose }: { memberId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const member = useMember(memberId);
  return (
    <Drawer
      open={memberId !== undefined}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={member.data ? t('member.detailTitle', { name: member.data.customerName }) : t('member.title')}
    >
      {memberId && <QueryResult query={member}>{(m) => <MemberDetail memberId={m.id} />}</QueryResult>}
    </Drawer>
  );
}

function MemberDetail({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const discount = useDiscountText();
  const canManage = useHasPermission('members.manage');
  const member = useMember(memberId).data!;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="member-detail">
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={8}>
          <Statistic title={t('member.pointsBalance')} value={member.pointsBalance} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('member.growthPoints')} value={member.growthPoints} />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t('member.level')} value={levelName(member)} />
        </Col>
      </Row>
      {canManage && <PointsActions member={member} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('member.customer')}>
          <Link to={`/customers/${member.customerId}`}>{member.customerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.memberNo')}>{member.memberNo}</Descriptions.Item>
        <Descriptions.Item label={t('member.cardNo')}>{member.cardNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.joinedOn')}>{member.joinedOn}</Descriptions.Item>
        <Descriptions.Item label={t('member.store')}>{member.storeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.discount')}>{discount(member.discountBp)}</Descriptions.Item>
        <Descriptions.Item label={t('member.birthday')}>{member.birthday ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.lastPurchase')}>
          {member.lastPurchaseAt ? when(member.lastPurchaseAt) : t('member.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.owner')}>{member.ownerName ?? '—'}</Descriptions.Item>
      </Descriptions>
      <MemberValueRow memberId={member.id} />
      <Tabs
        items={[
          { key: 'ledger', label: t('member.ledger'), children: <LedgerTable memberId={member.id} /> },
          { key: 'levels', label: t('member.levelHistory'), children: <LevelHistory memberId={member.id} /> },
        ]}
      />
    </Space>
  );
}

function MemberValueRow({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const value = useMemberValue(memberId);
  if (!value.data) return null;
  return (
    <div>
      <Typography.Text type="secondary">
        {t('member.value')} ({value.data.from} ~ {value.data.to})
      </Typography.Text>
      <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
        <Col xs={12} sm={8}>
          <Statistic title={t('member.revenue')} value={money(value.data.revenueFen)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('member.profit')} value={money(value.data.profitFen)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('member.ordersCount')} value={value.data.ordersCount} />
        </Col>
      </Row>
    </div>
  );
}

function LedgerTable({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const pages = useMemberLedger(memberId);
  const columns: ColumnsType<PointsEntry> = [
    { key: 'at', title: t('member.entryAt'), render: (_, e) => when(e.createdAt) },
    { key: 'kind', title: t('member.kind'), render: (_, e) => kindLabel(e.kind) },
    { key: 'points', title: t('member.points'), align: 'right', render: (_, e) => <PointsChange points={e.points} /> },
    {
      key: 'balance',
      title: t('member.balanceAfter'),
      align: 'right',
      render: (_, e) => e.balanceAfter.toLocaleString(),
    },
    {
      key: 'reason',
      title: t('member.reason'),
      render: (_, e) =>
        e.orderId ? (
          <Link to={`/orders/${e.orderId}`}>{e.orderNo ?? t('member.order')}</Link>
        ) : e.kind === 'expire' ? (
          '—'
        ) : (
          (e.reason ?? '—')
        ),
    },
    { key: 'by', title: t('member.by'), render: (_, e) => e.createdByName ?? t('member.system') },
  ];
  return (
    <PagedTable<PointsEntry>
      pages={pages}
      columns={columns}
      size="small"
      testId="member-ledger"
      phoneCards={{ title: 'kind', fields: ['points', 'balance', 'at', 'reason', 'by'] }}
    />
  );
}

function LevelHistory({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const history = useMemberLevelHistory(memberId);
  return (
    <Timeline
      items={(history.data?.items ?? []).map((h) => ({
        key: h.id,
        content: (
          <Space orientation="vertical" size={0}>
            <Typography.Text>
              {h.fromLevelNameZh
                ? t('member.levelChange', {
                    from: levelName({ nameZh: h.fromLevelNameZh, nameEn: h.fromLevelNameEn ?? '' }),
                    to: levelName({ nameZh: h.toLevelNameZh, nameEn: h.toLevelNameEn }),
                  })
                : t('member.joinedLevel', { to: levelName({ nameZh: h.toLevelNameZh, nameEn: h.toLevelNameEn }) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {when(h.createdAt)} · {t('member.atGrowth', { points: h.growthPoints.toLocaleString() })}
            </Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}
