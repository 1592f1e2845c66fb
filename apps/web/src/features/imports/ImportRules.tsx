import {
  DUPLICATE_POLICIES,
  IMPORT_DATE_ORDERS,
  type ImportField,
  type ImportMapping,
  type ImportOwnerRule,
} from '@guanxi/contract';
import { Alert, Card, Form, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActiveUserSelect } from '../users';
import { readsDates } from './importMapping';

/** An owner rule being edited: the people picked so far, possibly none yet. */
export type OwnerDraft =
  { mode: 'column' } | { mode: 'fixed'; userId?: string } | { mode: 'round_robin'; userIds: string[] };

/** The owner rule the API takes, or null while the chosen mode still lacks its people. */
export function ownerRule(draft: OwnerDraft): ImportOwnerRule | null {
  if (draft.mode === 'column') return draft;
  if (draft.mode === 'fixed') return draft.userId ? { mode: 'fixed', userId: draft.userId } : null;
  return draft.userIds.length > 0 ? draft : null;
}

/** How dates read, what happens to records that exist already, and who owns the new ones. */
export function ImportRules({
  fields,
  mapping,
  onChange,
  owner,
  onOwnerChange,
}: {
  fields: readonly ImportField[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  owner: OwnerDraft;
  onOwnerChange: (owner: OwnerDraft) => void;
}) {
  const { t } = useTranslation();
  const ownerField = fields.find((field) => field.type === 'user');
  const hasMoney = fields.some((field) => field.type === 'money' && field.key in mapping.columns);

  return (
    <Card size="small">
      <Form layout="vertical">
        {readsDates(fields, mapping) && (
          <Form.Item label={t('imports.map.dates')} extra={t('imports.map.dateHelp')}>
            <Radio.Group
              value={mapping.dateOrder}
              onChange={(event) => onChange({ ...mapping, dateOrder: event.target.value })}
              data-testid="import-date-order"
            >
              <Space orientation="vertical">
                {IMPORT_DATE_ORDERS.map((order) => (
                  <Radio key={order} value={order}>
                    {t(`imports.map.dateOrder.${order}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {hasMoney && <Typography.Paragraph type="secondary">{t('imports.map.amountHint')}</Typography.Paragraph>}
        <Form.Item label={t('imports.map.duplicates')}>
          <Radio.Group
            value={mapping.duplicatePolicy}
            onChange={(event) => onChange({ ...mapping, duplicatePolicy: event.target.value })}
            data-testid="import-duplicate-policy"
          >
            <Space orientation="vertical">
              {DUPLICATE_POLICIES.map((policy) => (
                <Radio key={policy} value={policy}>
                  {t(`imports.map.duplicatePolicy.${policy}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {ownerField && (
          <Form.Item label={t('imports.map.owner')} style={{ marginBottom: 0 }}>
            <Radio.Group
              value={owner.mode}
              onChange={(event) => {
                const mode = event.target.value as OwnerDraft['mode'];
                onOwnerChange(mode === 'round_robin' ? { mode, userIds: [] } : { mode });
              }}
              data-testid="import-owner-mode"
            >
              <Space orientation="vertical">
                {(['column', 'fixed', 'round_robin'] as const).map((mode) => (
                  <Radio key={mode} value={mode}>
                    {t(`imports.map.ownerMode.${mode}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            <div style={{ marginTop: 8, maxWidth: 480 }}>
              {owner.mode === 'column' &&
                (ownerField.key in mapping.columns ? (
                  <Typography.Text type="secondary">
                    {t('imports.map.ownerColumnHint', { field: ownerField.label })}
                  </Typography.Text>
                ) : (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('imports.map.ownerColumnMissing', { field: ownerField.label })}
                  />
                ))}
              {owner.mode === 'fixed' && (
                <ActiveUserSelect
                  value={owner.userId}
                  onChange={(userId) => onOwnerChange({ mode: 'fixed', userId: userId as string })}
                  placeholder={t('imports.map.ownerPick')}
                  style={{ width: '100%' }}
                  data-testid="import-owner-user"
                />
              )}
              {owner.mode === 'round_robin' && (
                <ActiveUserSelect
                  mode="multiple"
                  value={owner.userIds}
                  onChange={(userIds) => onOwnerChange({ mode: 'round_robin', userIds: userIds as string[] })}
                  placeholder={t('imports.map.ownerPickMany')}
                  style={{ width: '100%' }}
                  data-testid="import-owner-users"
                />
              )}
            </div>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
