import type { Permission } from '@guanxi/contract';
import type { ReactNode } from 'react';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { ForbiddenResult } from '../../platform/ui/ForbiddenResult';

/**
 * A page reached by its address without the permission its menu entry needs says so, instead of
 * an empty page under an error (the server refuses the data anyway).
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  const allowed = useHasPermission(permission);
  if (me.isPending) return null;
  if (allowed) return children;
  return <ForbiddenResult />;
}
