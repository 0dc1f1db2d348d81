import { Grid, Layout, Menu, Spin } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { UserMenu } from '../../features/auth/components/UserMenu';
import { useI18n } from '../../i18n';
import { allows, usePermissions } from '../../lib/permissions';
import { useAreaHref } from '../../lib/use-area';
import { AreaPicker } from './AreaPicker';
import { allowedNav, NAV } from './nav';

function currentSection(pathname: string): string {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return NAV.some((n) => n.path === first) ? first : '/';
}

export function AppLayout() {
  const { t } = useI18n();
  const href = useAreaHref();
  const { pathname } = useLocation();
  const permissions = usePermissions();
  const nav = allowedNav(permissions);
  // The area context means nothing to an account that may not see areas (an auditor).
  const hasAreas = allows(permissions, 'areas', 'read');
  // Below 768 px the header's parts do not fit on one line: let them wrap onto more rows.
  const narrow = Grid.useBreakpoint().md === false;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? '8px 16px' : 16,
          paddingInline: 20,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          ...(narrow && {
            height: 'auto',
            lineHeight: 1.5,
            paddingBlock: 8,
            paddingInline: 12,
            flexWrap: 'wrap',
          }),
        }}
      >
        <Link
          to={hasAreas ? href('/') : (nav[0]?.path ?? '/')}
          style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          {t(narrow ? 'app.shortTitle' : 'app.title')}
        </Link>
        <div style={{ flex: 1 }} />
        {hasAreas && <AreaPicker />}
        <LanguageSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} breakpoint="lg" collapsedWidth={56} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[currentSection(pathname)]}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            data-testid="side-menu"
            items={nav.map((n) => ({
              key: n.path,
              icon: <span aria-hidden>{n.icon}</span>,
              label: <Link to={n.inArea ? href(n.path) : n.path}>{t(n.label)}</Link>,
            }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', padding: 96 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
