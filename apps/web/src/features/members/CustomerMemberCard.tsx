import type { Customer } from '@guanxi/contract';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { EnrolMemberDrawer } from './EnrolMemberDrawer';
import { LevelTag, useDiscountText, useLevelName } from './memberDisplay';
import { useCustomerMember } from './members.queries';

/** 会员 on a person customer's page: the membership at a glance, or the button to enrol. */
export function CustomerMemberCard({ customer }: { customer: Pick<Customer, 'id' | 'kind'> }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const discount = useDiscountText();
  const canManage = useHasPermission('members.manage');
  const membership = useCustomerMember(customer.id);
  const [enrolling, setEnrolling] = useState(false);
  if (customer.kind !== 'person' || !membership.data) return null;
  const member = membership.data.member;
  if (!member && !canManage) return null;
  return (
    <Card size="small" title={t('member.memberCard')} data-testid="customer-member">
      {member ? (
        <Space wrap size={[16, 4]}>
          <Typography.Text strong>{member.memberNo}</Typography.Text>
          <LevelTag name={levelName(member)} />
          <Typography.Text>
            {t('member.pointsBalance')}: {member.pointsBalance.toLocaleString()}
          </Typography.Text>
          <Typography.Text type="secondary">{discount(member.discountBp)}</Typography.Text>
          <Link to={`/members?open=${member.id}`}>{t('member.openMember')}</Link>
        </Space>
      ) : (
        <Space wrap>
          <Typography.Text type="secondary">{t('member.notMember')}</Typography.Text>
          <Button size="small" type="primary" onClick={() => setEnrolling(true)} data-testid="customer-member-enrol">
            {t('member.enrol')}
          </Button>
        </Space>
      )}
      <EnrolMemberDrawer open={enrolling} customerId={customer.id} onClose={() => setEnrolling(false)} />
    </Card>
  );
}
