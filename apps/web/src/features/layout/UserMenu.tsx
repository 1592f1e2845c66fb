import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@guanxi/contract';
import { Button, Dropdown, Grid, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../platform/session.queries';
import { ChangePasswordModal } from '../auth';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
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
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {/* On a phone the icon alone, so the header fits 390 px. */}
          {screens.sm !== false && me.displayName} <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={isPasswordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
