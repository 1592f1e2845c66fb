import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../../platform/session.queries';
import { homePathFor } from './navigation';

/**
 * "/" is each role's own start: `children` (the workbench) for sales and service, the stock or the
 * orders to confirm for a warehouse keeper or finance.
 */
export function HomeRedirect({ children }: { children: ReactNode }) {
  const me = useMe().data;
  if (!me) return null;
  const home = homePathFor(me.permissions);
  return home === '/' ? children : <Navigate to={home} replace />;
}
