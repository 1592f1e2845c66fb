import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@guanxi/contract';
import { Button, Dropdown, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../platform/session.queries';
import { ChangePasswordModal } from '../auth';

/** The signed-in user's own actions: change password, API tokens, sign out. */
function useUserActions(onDone?: () => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [isPasswordOpen, setPasswordOpen] = useState(false);

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
    { key: 'tokens', icon: <ApiOutlined />, label: t('auth.apiTokens') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'tokens') void navigate('/account/tokens');
    if (key === 'logout') {
      logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
    }
    if (key !== 'password') onDone?.();
  };
  const modal = <ChangePasswordModal open={isPasswordOpen} onClose={() => setPasswordOpen(false)} />;
  return { items, onClick, modal };
}

/** The header's user button (desktop): name and a dropdown of the user's actions. */
export function UserMenu({ me }: { me: Me }) {
  const { items, onClick, modal } = useUserActions();
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {me.displayName} <DownOutlined />
        </Button>
      </Dropdown>
      {modal}
    </>
  );
}

/** On a phone the same actions sit in the menu drawer under the user's name (the header has no room). */
export function UserDrawerMenu({ me, onDone }: { me: Me; onDone: () => void }) {
  const { items, onClick, modal } = useUserActions(onDone);
  return (
    <>
      <Menu
        mode="inline"
        selectable={false}
        items={[{ key: 'me', icon: <UserOutlined />, label: me.displayName, children: items }]}
        onClick={onClick}
        data-testid="user-menu"
      />
      {modal}
    </>
  );
}
