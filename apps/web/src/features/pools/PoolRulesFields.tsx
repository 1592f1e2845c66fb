import { Checkbox, Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const TIERS = ['A', 'B', 'C'] as const;

/** A days/count input; empty means the rule is off (null) where `nullable`. */
function NumberItem(props: { name: (string | number)[]; label: ReactNode; min: number; max: number; testId: string }) {
  return (
    <Form.Item name={props.name} label={props.label}>
      <InputNumber min={props.min} max={props.max} precision={0} style={{ width: '100%' }} data-testid={props.testId} />
    </Form.Item>
  );
}

/** The reclaim and claim rules of a pool (domain §3). */
export function PoolRulesFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('pool.off')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <NumberItem
            name={['rules', 'noFollowUpDays']}
            label={t('pool.noFollowUpDays')}
            min={1}
            max={3650}
            testId="pool-rule-nofollowup"
          />
        </Col>
        <Col span={12}>
          <NumberItem
            name={['rules', 'notWonDays']}
            label={t('pool.notWonDays')}
            min={1}
            max={3650}
            testId="pool-rule-notwon"
          />
        </Col>
      </Row>
      <Typography.Text strong>{t('pool.tierNoFollowUpDays')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {TIERS.map((tier) => (
          <Col span={8} key={tier}>
            <NumberItem
              name={['rules', 'tierNoFollowUpDays', tier]}
              label={t('pool.tierDays', { tier })}
              min={1}
              max={3650}
              testId={`pool-rule-tier-${tier}`}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name={['rules', 'reminderDaysBefore']}
            label={t('pool.reminderDaysBefore')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} data-testid="pool-rule-reminder" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <NumberItem
            name={['rules', 'dailyClaimLimit']}
            label={t('pool.dailyClaimLimit')}
            min={1}
            max={10000}
            testId="pool-rule-daily-limit"
          />
        </Col>
        <Col span={12}>
          <Form.Item
            name={['rules', 'previousOwnerCooldownDays']}
            label={t('pool.previousOwnerCooldownDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="pool-rule-cooldown" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <NumberItem
            name={['rules', 'ownershipCap']}
            label={t('pool.ownershipCap')}
            min={1}
            max={1000000}
            testId="pool-rule-cap"
          />
        </Col>
      </Row>
      <Form.Item name={['rules', 'excludeWon']} valuePropName="checked">
        <Checkbox data-testid="pool-rule-exclude-won">{t('pool.excludeWon')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** Whether every user is a member (then the member lists do not matter). */
export function OpenToAllField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="openToAll" label={t('pool.openToAll')} valuePropName="checked">
      <Switch data-testid="pool-open-to-all" />
    </Form.Item>
  );
}
