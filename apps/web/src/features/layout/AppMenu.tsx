import type { Me } from '@guanxi/contract';
import { Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { entryFor, groupFor, homePathFor, isEntryAllowed, NAV_GROUPS } from './navigation';

type MenuItem = NonNullable<MenuProps['items']>[number];

/**
 * The grouped menu: only the entries the user may open, groups without any left out, and the group of
 * the open page unfolded (others stay folded so ~35 pages fit a screen).
 */
export function AppMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const currentGroup = groupFor(pathname)?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : ['workspace']);
  // Arriving at a page by a link or search unfolds its group; what the user folded stays folded.
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  // The workbench is the home of those who start there; the others start on their own page.
  const startsOnWorkbench = homePathFor(me.permissions) === '/';
  const items: MenuItem[] = NAV_GROUPS.flatMap((group) => {
    const entries = group.entries.filter(
      (entry) => isEntryAllowed(entry, me.permissions) && (entry.path !== '/' || startsOnWorkbench),
    );
    if (entries.length === 0) return [];
    const toItem = (entry: (typeof entries)[number]) => ({ key: entry.path, icon: entry.icon, label: entry.label(t) });
    // A group of one page is that page: "库存 › 库存" would be a click for nothing.
    if (entries.length === 1) return [toItem(entries[0]!)];
    return [
      {
        key: group.key,
        icon: group.icon,
        label: group.label(t),
        children: entries.map(toItem),
      },
    ];
  });

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[entryFor(pathname)?.path ?? pathname]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="app-menu"
    />
  );
}
