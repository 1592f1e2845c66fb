import type { Permission } from '@guanxi/contract';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHasPermission, useMe } from '../../platform/session.queries';

/**
 * A page reached by its address without the permission its menu entry needs says so, instead of
 * an empty page under an error (the server refuses the data anyway).
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const allowed = useHasPermission(permission);
  if (me.isPending) return null;
  if (allowed) return children;
  return (
    <Result
      status="403"
      title={t('common.noAccess')}
      subTitle={t('common.noAccessHint')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.home')}
        </Button>
      }
    />
  );
}
