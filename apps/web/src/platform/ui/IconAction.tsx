import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** A small icon-only button whose label is its tooltip and its accessible name. */
export function IconAction({ label, icon, onClick }: { label: string; icon: ReactNode; onClick: () => void }) {
  return (
    <Tooltip title={label}>
      <Button size="small" type="text" icon={icon} aria-label={label} onClick={onClick} />
    </Tooltip>
  );
}
