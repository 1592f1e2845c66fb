import { DownOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportKindName } from '@guanxi/contract';
import { Button, Dropdown } from 'antd';
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
  const open = (kind: ImportKindName) => void navigate(`/imports/new?kind=${kind}`);
  if (allowed.length === 0) return null;
  if (allowed.length === 1)
    return (
      <Button icon={<UploadOutlined />} onClick={() => open(allowed[0]!)} data-testid="import-open">
        {t('imports.action')}
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
      <Button icon={<UploadOutlined />} data-testid="import-open">
        {t('imports.action')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
