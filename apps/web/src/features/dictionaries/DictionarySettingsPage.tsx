import { DICTIONARY_KINDS, type DictionaryKind } from '@guanxi/contract';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { DictionaryCard } from './DictionaryCard';

const isKind = (value: string | null): value is DictionaryKind =>
  (DICTIONARY_KINDS as readonly string[]).includes(value ?? '');

/** 数据字典: sources, industries and customer levels, one tab each; loss reasons are one click away. */
export default function DictionarySettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = isKind(params.get('kind')) ? (params.get('kind') as DictionaryKind) : 'source';
  const canManageLossReasons = useHasPermission('opportunities.manage');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('dictionary.hint')} />
      <Tabs
        activeKey={kind}
        onChange={(next) => setParams({ kind: next }, { replace: true })}
        items={DICTIONARY_KINDS.map((key) => ({
          key,
          label: <span data-testid={`dictionary-tab-${key}`}>{t(`dictionary.kinds.${key}`)}</span>,
          children: <DictionaryCard kind={key} />,
        }))}
      />
      {canManageLossReasons && (
        <Card size="small" title={t('dictionary.lossReasonsTitle')}>
          <Space wrap>
            <Typography.Text type="secondary">{t('dictionary.lossReasonsHint')}</Typography.Text>
            <Link to="/settings/loss-reasons">
              <Button>{t('dictionary.lossReasonsLink')}</Button>
            </Link>
          </Space>
        </Card>
      )}
    </Space>
  );
}
