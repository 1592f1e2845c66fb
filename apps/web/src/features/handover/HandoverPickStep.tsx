import { Alert, Collapse, Empty, Form, List, Select, Spin, Typography } from 'antd';
import type { HandoverSummary } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { heldGroups } from './handoverPlan';
import { useHandoverCandidates } from './handover.queries';

interface HandoverPickStepProps {
  userId: string | undefined;
  onPick: (userId: string | undefined) => void;
  summary: HandoverSummary | undefined;
  loading: boolean;
}

/** Step 1: the leaving user, and what they hold, group by group with the first records listed. */
export function HandoverPickStep({ userId, onPick, summary, loading }: HandoverPickStepProps) {
  const { t } = useTranslation();
  const users = useHandoverCandidates();
  const options = (users.data ?? []).map((user) => ({
    value: user.id,
    label: [user.displayName, user.departmentName, user.disabled ? t('user.disabled') : null]
      .filter(Boolean)
      .join(' · '),
  }));
  const held = heldGroups(summary);
  const total = held.reduce((sum, group) => sum + group.count, 0);
  return (
    <>
      <Form layout="vertical">
        <Form.Item label={t('handover.leavingUser')} required>
          <Select
            data-testid="handover-user"
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={t('handover.pickUser')}
            loading={users.isPending}
            options={options}
            value={userId}
            onChange={(value?: string) => onPick(value)}
            style={{ maxWidth: 420 }}
          />
        </Form.Item>
      </Form>
      {loading && <Spin />}
      {summary && (
        <>
          {summary.user.disabled && (
            <Alert type="info" showIcon title={t('handover.alreadyDisabled')} style={{ marginBottom: 12 }} />
          )}
          <Typography.Title level={5} data-testid="handover-holds">
            {total === 0
              ? t('handover.nothingHeld', { name: summary.user.displayName })
              : t('handover.holds', { name: summary.user.displayName, count: total })}
          </Typography.Title>
          {total > 0 ? (
            <div data-testid="handover-summary">
              <Collapse
                items={held.map((group) => ({
                  key: group.group,
                  label: `${t(`handover.groups.${group.group}`)} · ${t('handover.countItems', { count: group.count })}`,
                  children: (
                    <List
                      size="small"
                      dataSource={group.items}
                      rowKey="id"
                      renderItem={(item) => <List.Item>{item.label}</List.Item>}
                      footer={
                        group.count > group.items.length
                          ? t('handover.moreItems', { count: group.count - group.items.length })
                          : undefined
                      }
                    />
                  ),
                }))}
              />
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />
          )}
          {summary.submittedPending > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('handover.submittedPending', { count: summary.submittedPending })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </>
  );
}
