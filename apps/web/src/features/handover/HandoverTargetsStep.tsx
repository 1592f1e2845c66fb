import { Alert, Form, Radio, Space, Typography } from 'antd';
import type { HandoverGroup, HandoverSummary } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { ActiveUserSelect } from '../users';
import { heldGroups, isChosen, mayGoToPool, type Choices, type GroupChoice } from './handoverPlan';

interface HandoverTargetsStepProps {
  summary: HandoverSummary;
  choices: Choices;
  onChange: (choices: Choices) => void;
  /** Groups the user tried to pass without a target. */
  missing: readonly HandoverGroup[];
}

/** Step 2: for each group held, colleagues (several are dealt the records in turn) or the pool. */
export function HandoverTargetsStep({ summary, choices, onChange, missing: tried }: HandoverTargetsStepProps) {
  const { t } = useTranslation();
  // A group stops being marked as soon as it has a target.
  const missing = tried.filter((group) => !isChosen(choices[group]));
  const leavingId = summary.user.id;
  const groups = heldGroups(summary);
  const set = (group: HandoverGroup, choice: GroupChoice) => onChange({ ...choices, [group]: choice });
  const applyAll = (userId?: string) => {
    if (!userId) return;
    onChange(Object.fromEntries(groups.map(({ group }) => [group, { toPool: false, userIds: [userId] }])));
  };
  return (
    <Form layout="vertical" data-testid="handover-targets">
      <Form.Item label={t('handover.applyAll')}>
        <ActiveUserSelect
          data-testid="handover-apply-all"
          placeholder={t('handover.applyAllPlaceholder')}
          allowClear
          style={{ maxWidth: 420 }}
          excludeIds={[leavingId]}
          onChange={(value) => applyAll(typeof value === 'string' ? value : undefined)}
        />
      </Form.Item>
      {groups.map(({ group, count }) => {
        const choice = choices[group] ?? { toPool: false, userIds: [] };
        const label = `${t(`handover.groups.${group}`)} · ${t('handover.countItems', { count })}`;
        return (
          <Form.Item
            key={group}
            label={label}
            required
            validateStatus={missing.includes(group) ? 'error' : undefined}
            help={
              missing.includes(group)
                ? t('handover.targetRequired', { group: t(`handover.groups.${group}`) })
                : undefined
            }
            extra={!choice.toPool && choice.userIds.length > 1 ? t('handover.severalHint') : undefined}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              {mayGoToPool(group) && (
                <Radio.Group
                  value={choice.toPool ? 'pool' : 'users'}
                  onChange={(event) => set(group, { ...choice, toPool: event.target.value === 'pool' })}
                  options={[
                    { value: 'users', label: t('handover.toColleagues') },
                    { value: 'pool', label: t(group === 'leads' ? 'handover.toLeadPool' : 'handover.toPool') },
                  ]}
                />
              )}
              {!choice.toPool && (
                <ActiveUserSelect
                  data-testid={`handover-target-${group}`}
                  mode={mayGoToPool(group) ? 'multiple' : undefined}
                  placeholder={t('handover.chooseUsers')}
                  style={{ width: '100%', maxWidth: 420 }}
                  value={mayGoToPool(group) ? choice.userIds : choice.userIds[0]}
                  excludeIds={[leavingId]}
                  onChange={(value) =>
                    set(group, { toPool: false, userIds: Array.isArray(value) ? value : value ? [value] : [] })
                  }
                />
              )}
            </Space>
          </Form.Item>
        );
      })}
      {groups.length === 0 && (
        <Typography.Text>{t('handover.nothingHeld', { name: summary.user.displayName })}</Typography.Text>
      )}
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('handover.targetRequired', {
            group: missing.map((g) => t(`handover.groups.${g}`)).join(t('handover.listSeparator')),
          })}
        />
      )}
    </Form>
  );
}
