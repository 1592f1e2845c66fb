import { DownOutlined, ImportOutlined } from '@ant-design/icons';
import type { ImportKindName } from '@guanxi/contract';
import { Button, Dropdown, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../platform/session.queries';
import { importableKinds } from './importPermissions';

/**
 * A list's "Import" action: opens the wizard with the kind chosen; with several kinds the user may
 * import (customers and contacts, orders and sales lines) a menu names them. Nothing without the
 * permission.
 */
export function ImportButton({ kinds }: { kinds: readonly ImportKindName[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const allowed = importableKinds(kinds, me?.permissions);
  // On a phone the list's title shares its row with other actions: the icon says it.
  const isNarrow = !Grid.useBreakpoint().md;
  const label = isNarrow ? undefined : t('imports.action');
  const open = (kind: ImportKindName) => void navigate(`/imports/new?kind=${kind}`);
  if (allowed.length === 0) return null;
  if (allowed.length === 1)
    return (
      <Button
        icon={<ImportOutlined />}
        onClick={() => open(allowed[0]!)}
        aria-label={t('imports.action')}
        data-testid="import-open"
      >
        {label}
      </Button>
    );
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: allowed.map((kind) => ({
          key: kind,
          label: t('imports.actionOf', { kind: t(`imports.kind.${kind}`) }),
        })),
        onClick: ({ key }) => open(key as ImportKindName),
      }}
    >
      <Button icon={<ImportOutlined />} aria-label={t('imports.action')} data-testid="import-open">
        {label} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
