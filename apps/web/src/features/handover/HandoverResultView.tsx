import { Button, List, Result, Space } from 'antd';
import type { HandoverResult } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';

interface HandoverResultViewProps {
  result: HandoverResult;
  userName: string;
  onAnother: () => void;
  onBack: () => void;
}

/** The result page: per group, how many records moved and to whom. */
export function HandoverResultView({ result, userName, onAnother, onBack }: HandoverResultViewProps) {
  const { t } = useTranslation();
  const groups = result.groups.filter((group) => group.moved > 0);
  return (
    <Result
      status="success"
      title={t('handover.doneTitle')}
      subTitle={t(result.deactivated ? 'handover.doneDeactivated' : 'handover.doneAlreadyDisabled', { name: userName })}
      extra={
        <Space wrap>
          <Button type="primary" onClick={onBack}>
            {t('handover.backToUsers')}
          </Button>
          <Button onClick={onAnother}>{t('handover.another')}</Button>
        </Space>
      }
    >
      {groups.length > 0 && (
        <List
          data-testid="handover-result"
          dataSource={groups}
          rowKey="group"
          renderItem={(group) => (
            <List.Item>
              <List.Item.Meta
                title={t('handover.movedCount', { group: t(`handover.groups.${group.group}`), count: group.moved })}
                description={t('handover.recipients', {
                  list: group.recipients
                    .map((recipient) =>
                      t('handover.recipientCount', {
                        name: recipient.userId === null ? t('handover.poolRecipient') : (recipient.displayName ?? ''),
                        count: recipient.count,
                      }),
                    )
                    .join(t('handover.listSeparator')),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Result>
  );
}
