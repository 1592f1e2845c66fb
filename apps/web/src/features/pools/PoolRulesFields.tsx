import { Checkbox, Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';

/** A days/count input; empty means the rule is off (null) where `nullable`. */
function NumberItem(props: { name: (string | number)[]; label: ReactNode; min: number; max: number; testId: string }) {
  return (
    <Form.Item name={props.name} label={props.label}>
      <InputNumber min={props.min} max={props.max} precision={0} style={{ width: '100%' }} data-testid={props.testId} />
    </Form.Item>
  );
}

/**
 * One "no follow-up" days input per customer level of the organization's dictionary, named in the
 * reader's language; a deactivated level shows only while the pool still has days for it.
 */
function TierDaysFields() {
  const { t } = useTranslation();
  const tiers = useDictionary('tier');
  const stored = Form.useWatch(['rules', 'tierNoFollowUpDays'], { preserve: true }) as
    Partial<Record<string, number | null>> | undefined;
  // A cleared input keeps its key (null), so a deactivated level does not vanish while being edited.
  const shown = tiers.entries.filter(
    (entry) => entry.active || (stored !== undefined && Object.hasOwn(stored, entry.code)),
  );
  const label = (entry: (typeof shown)[number]) =>
    entry.active ? tiers.label(entry.code) : t('pool.tierInactive', { name: tiers.label(entry.code) });
  return (
    <>
      <Typography.Text strong>{t('pool.tierNoFollowUpDays')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('pool.tierHint')}
      </Typography.Paragraph>
      <Row gutter={16} data-testid="pool-rule-tiers">
        {shown.map((entry) => (
          <Col xs={12} sm={8} key={entry.code}>
            <NumberItem
              name={['rules', 'tierNoFollowUpDays', entry.code]}
              label={label(entry)}
              min={1}
              max={3650}
              testId={`pool-rule-tier-${entry.code}`}
            />
          </Col>
        ))}
      </Row>
    </>
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
      <TierDaysFields />
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
