import type { AbcClass, PyramidMember, PyramidTier } from '@guanxi/contract';
import { Drawer, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMoreFooter } from '../../platform/LoadMore';
import { useFormatMoney } from '../../platform/money';
import { ListTable } from '../../platform/ui/ListTable';
import { usePyramidMembers } from './customerValue.queries';
import { AbcTag, rightColumn, TierTag } from './valueDisplay';

/** Which bar or class was clicked: one of the two. */
export type PyramidGroup = { pyramidTier: PyramidTier } | { abcClass: AbcClass };

/**
 * The customers behind one pyramid tier or ABC class of the latest snapshot, most profitable first,
 * each opening its customer page.
 */
export function PyramidMembersDrawer({
  group,
  count,
  currency,
  onClose,
}: {
  group: PyramidGroup | null;
  count: number;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const isNarrow = !Grid.useBreakpoint().md;
  const members = usePyramidMembers(group ?? {}, group !== null);
  const rows = members.data?.pages.flatMap((page) => page.items) ?? [];
  // A tier's customers show their ABC class, a class's customers their tier.
  const byTier = group !== null && 'pyramidTier' in group;
  const title =
    group === null
      ? ''
      : 'pyramidTier' in group
        ? t('customerValue.tierMembers', { tier: t(`customerValue.tiers.${group.pyramidTier}`), count })
        : t('customerValue.classMembers', { abcClass: t(`customerValue.abc.${group.abcClass}`), count });
  return (
    <Drawer open={group !== null} onClose={onClose} title={title} size={isNarrow ? '100%' : 760} destroyOnHidden>
      <ListTable<PyramidMember>
        rowKey="customerId"
        size="small"
        pages={members}
        testId="pyramid-members"
        columns={[
          { key: 'rank', title: t('customerValue.rank'), dataIndex: 'profitRank', align: 'right', width: 64 },
          {
            key: 'customer',
            title: t('customerValue.customer'),
            render: (_, row) => <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link>,
          },
          { key: 'owner', title: t('customerValue.owner'), render: (_, row) => row.ownerName ?? t('board.pool') },
          rightColumn('profit', t('customerValue.profit'), (row: PyramidMember) => money(row.profitFen, currency)),
          rightColumn('revenue', t('customerValue.revenue'), (row: PyramidMember) => money(row.revenueFen, currency)),
          {
            key: 'class',
            title: byTier ? t('customerValue.abcClass') : t('customerValue.tier'),
            render: (_, row) => (byTier ? <AbcTag abcClass={row.abcClass} /> : <TierTag tier={row.tier} />),
          },
        ]}
      />
      <LoadMoreFooter pages={members} rowCount={rows.length} testId="pyramid-members-more" />
    </Drawer>
  );
}
