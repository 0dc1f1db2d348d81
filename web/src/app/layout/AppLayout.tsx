import { Button, Drawer, Grid, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useMe } from '../../features/auth/api/get-me';
import { UserMenu } from '../../features/auth/components/UserMenu';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useI18n } from '../../i18n';
import { allows, usePermissions } from '../../lib/permissions';
import { useAreaHref } from '../../lib/use-area';
import { AreaPicker } from './AreaPicker';
import { HelpLink } from './HelpLink';
import { NavMenu } from './NavMenu';
import { allowedNav, type NavEntry } from './nav';

const HEADER_BG = '#0f3a75';
/** Roles bound to a few areas of their own get "my grid / my area" as their first menu entry. */
const AREA_WORKERS = new Set(['grid_worker', 'community_staff', 'street_staff']);

/**
 * Header (title, area, help, account), the menu and the screen. From 768 px the menu is a side bar; below, a
 * drawer opened by the "菜单" button, with the account, language and sign-out, so nothing leaves a phone's screen.
 */
export function AppLayout() {
  const { t } = useI18n();
  const href = useAreaHref();
  const me = useMe();
  const permissions = usePermissions();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The area context means nothing to an account that may not see areas (an auditor).
  const hasAreas = allows(permissions, 'areas', 'read');
  const phone = Grid.useBreakpoint().md === false;
  const role = me.data?.role ?? '';
  const myArea: NavEntry[] =
    hasAreas && AREA_WORKERS.has(role)
      ? [
          {
            path: '/my-grid',
            label: role === 'grid_worker' ? 'nav.myGrid' : 'nav.myArea',
            icon: '◈',
            resource: 'areas',
            inArea: false,
          },
        ]
      : [];
  const nav = [...myArea, ...allowedNav(permissions)];
  const title = (
    <Link
      to={hasAreas ? href('/') : (nav[0]?.path ?? '/')}
      style={{ color: '#fff', fontSize: phone ? 16 : 18, fontWeight: 600, whiteSpace: 'nowrap' }}
    >
      {t(phone ? 'app.shortTitle' : 'app.title')}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header
        data-testid="app-header"
        style={{
          display: 'flex',
          alignItems: 'center',
          flexWrap: 'wrap',
          gap: phone ? '6px 12px' : 16,
          paddingInline: phone ? 12 : 20,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: HEADER_BG,
          ...(phone && { height: 'auto', lineHeight: 1.5, paddingBlock: 8 }),
        }}
      >
        {phone && (
          <Button
            ghost
            onClick={() => setDrawerOpen(true)}
            aria-expanded={drawerOpen}
            aria-controls="app-drawer"
            data-testid="menu-button"
          >
            <span aria-hidden>☰</span> {t('shell.menu')}
          </Button>
        )}
        {title}
        <div style={{ flex: 1 }} />
        <NotificationBell />
        <HelpLink />
        {!phone && hasAreas && <AreaPicker />}
        {!phone && <LanguageSwitch />}
        {!phone && <UserMenu />}
        {phone && hasAreas && (
          <div style={{ flexBasis: '100%' }}>
            <AreaPicker block />
          </div>
        )}
      </Layout.Header>
      <Layout>
        {!phone && (
          <Layout.Sider width={184} theme="light">
            <NavMenu entries={nav} />
          </Layout.Sider>
        )}
        <Layout.Content
          id="main"
          tabIndex={-1}
          style={{ padding: phone ? 8 : 16, minWidth: 0, outline: 'none' }}
        >
          <Suspense fallback={<Spin size="large" style={{ display: 'block', padding: 96 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer
          id="app-drawer"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={300}
          title={t('shell.menu')}
          data-testid="app-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ background: HEADER_BG, padding: 12 }}>
            <UserMenu />
          </div>
          <NavMenu entries={nav} onNavigate={() => setDrawerOpen(false)} />
          <div style={{ display: 'flex', gap: 16, alignItems: 'center', padding: 16 }}>
            <LanguageSwitch />
            <span onClickCapture={() => setDrawerOpen(false)}>
              <NotificationBell dark={false} />
            </span>
            <span onClickCapture={() => setDrawerOpen(false)}>
              <HelpLink dark={false} />
            </span>
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
