import { Drawer, type DrawerProps } from 'antd';

/**
 * A create-or-edit Drawer whose form mounts only while it is open (and is destroyed on close), so
 * every opening starts from the record's current values.
 */
export function FormDrawer({
  open,
  onClose,
  children,
  ...drawer
}: Omit<DrawerProps, 'open' | 'onClose' | 'destroyOnHidden'> & { open: boolean; onClose: () => void }) {
  return (
    <Drawer open={open} onClose={onClose} destroyOnHidden {...drawer}>
      {open && children}
    </Drawer>
  );
}
