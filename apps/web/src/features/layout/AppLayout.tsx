import { MenuOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Layout, Spin, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { applyLocale } from '../../platform/i18n';
import { useMe } from '../../platform/session.queries';
import { ForbiddenResult } from '../../platform/ui/ForbiddenResult';
import { LanguageSwitch } from '../auth';
import { NotificationBell } from '../notifications';
import { QuickSearch } from '../search';
import { AppMenu } from './AppMenu';
import { mayOpen } from './navigation';
import { PageBreadcrumb } from './PageBreadcrumb';
import { UserDrawerMenu, UserMenu } from './UserMenu';

const SIDER_WIDTH = 220;

/** The phone header's search: an icon that opens the search box in a drawer from the top. */
function PhoneSearch() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('nav.openSearch')}
        data-testid="phone-search-open"
      />
      <Drawer
        placement="top"
        open={isOpen}
        onClose={() => setOpen(false)}
        title={t('nav.openSearch')}
        size={150}
        destroyOnHidden
      >
        <QuickSearch block onDone={() => setOpen(false)} />
      </Drawer>
    </>
  );
}

/**
 * The frame of every signed-in page: the grouped menu in a fixed sider (a drawer behind a hamburger
 * on phones), search, bell and user on top, and the page — or the 403 page when the user may not open it.
 */
export default function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const locale = me.data?.locale;
  const isPhone = Grid.useBreakpoint().md === false;
  const [isMenuOpen, setMenuOpen] = useState(false);

  // The profile's language wins over whatever this browser used last.
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);

  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) {
    return <Alert type="error" showIcon title={me.error.message} style={{ margin: 24 }} />;
  }

  const appName = (
    <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
      {t('common.appName')}
    </div>
  );

  return (
    <Layout hasSider style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={isMenuOpen}
          onClose={() => setMenuOpen(false)}
          size={280}
          closable={false}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          {appName}
          <Typography.Text type="secondary" style={{ display: 'block', padding: '0 24px 8px' }} ellipsis>
            {me.data.orgName}
          </Typography.Text>
          <UserDrawerMenu me={me.data} onDone={() => setMenuOpen(false)} />
          <div style={{ padding: '4px 12px' }}>
            <LanguageSwitch isSignedIn withLabel />
          </div>
          <AppMenu me={me.data} onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      ) : (
        // Fixed beside the page with its own scroll: a long menu never scrolls the page, nor the page the menu.
        <Layout.Sider
          theme="light"
          width={SIDER_WIDTH}
          style={{
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflowY: 'auto',
            borderInlineEnd: '1px solid #f0f0f0',
          }}
          data-testid="app-sider"
        >
          {appName}
          <AppMenu me={me.data} />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: isPhone ? 4 : 8,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setMenuOpen(true)}
              aria-label={t('nav.openMenu')}
              data-testid="menu-open"
            />
          )}
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis data-testid="org-name">
            {isPhone ? t('common.appName') : me.data.orgName}
          </Typography.Text>
          {isPhone ? <PhoneSearch /> : <QuickSearch />}
          <NotificationBell />
          {!isPhone && <LanguageSwitch isSignedIn />}
          {!isPhone && <UserMenu me={me.data} />}
        </Layout.Header>
        <Layout.Content style={{ margin: isPhone ? 8 : 16, minWidth: 0 }}>
          {mayOpen(pathname, me.data.permissions) ? (
            <>
              <PageBreadcrumb />
              <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                <Outlet />
              </Suspense>
            </>
          ) : (
            <ForbiddenResult />
          )}
        </Layout.Content>
      </Layout>
      {/* A page opened from the menu or a link starts at its top; back returns to where it was. */}
      <ScrollRestoration />
    </Layout>
  );
}
