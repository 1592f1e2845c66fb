import { Alert, Descriptions } from 'antd';
import type { HandoverSummary } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { useColleagues } from '../users';
import { heldGroups, type Choices } from './handoverPlan';

/** Step 3: each group with where it goes, and what happens to the account. */
export function HandoverConfirmStep({ summary, choices }: { summary: HandoverSummary; choices: Choices }) {
  const { t } = useTranslation();
  const names = new Map((useColleagues().data ?? []).map((user) => [user.id, user.displayName]));
  const goesTo = (group: keyof Choices) => {
    const choice = choices[group];
    if (!choice) return t('common.empty');
    if (choice.toPool) return t(group === 'leads' ? 'handover.toLeadPool' : 'handover.toPool');
    return choice.userIds.map((id) => names.get(id) ?? '').join(t('handover.listSeparator'));
  };
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t('handover.confirmNotice', { name: summary.user.displayName })}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        bordered
        column={1}
        size="small"
        data-testid="handover-confirm"
        items={[
          { key: 'user', label: t('handover.leavingUser'), children: summary.user.displayName },
          ...heldGroups(summary).map(({ group, count }) => ({
            key: group,
            label: `${t(`handover.groups.${group}`)} · ${t('handover.countItems', { count })}`,
            children: `${t('handover.goesTo')} ${goesTo(group)}`,
          })),
        ]}
      />
    </>
  );
}
