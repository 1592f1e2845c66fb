import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FactsOf } from './ApprovalFactsCard';

/** A member points adjustment: the member, the signed points asked for, the reason and the balance now. */
export function PointsApprovalCard({ facts }: { facts: FactsOf<'points'> }) {
  const { t, i18n } = useTranslation();
  const level = i18n.language === 'en' ? facts.levelNameEn : facts.levelNameZh;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="approval-card-points"
      items={[
        {
          key: 'points',
          label: t('approvalCard.pointsChange'),
          children: (
            <Typography.Text strong type={facts.points < 0 ? 'danger' : 'success'}>
              {facts.points > 0 ? `+${facts.points.toLocaleString()}` : facts.points.toLocaleString()}
            </Typography.Text>
          ),
        },
        { key: 'reason', label: t('approvalCard.pointsReason'), children: facts.reason },
        {
          key: 'member',
          label: t('approvalCard.member'),
          children: `${facts.customerName} · ${facts.memberNo} · ${level}`,
        },
        { key: 'balance', label: t('approvalCard.pointsBalance'), children: facts.balance.toLocaleString() },
        { key: 'growth', label: t('approvalCard.growthPoints'), children: facts.growthPoints.toLocaleString() },
      ]}
    />
  );
}
