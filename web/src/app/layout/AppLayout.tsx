import { Layout, Menu, Spin } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useMe } from '../../features/auth/api/get-me';
import { UserMenu } from '../../features/auth/components/UserMenu';
import { type MessageKey, useI18n } from '../../i18n';
import { useAreaHref } from '../../lib/use-area';
import { AreaPicker } from './AreaPicker';

/** `resource` is what the account must be allowed to read (its capabilities from /auth/me) to see the entry. */
const NAV: { path: string; label: MessageKey; icon: string; resource: string }[] = [
  { path: '/', label: 'nav.overview', icon: '◎', resource: 'areas' },
  { path: '/addresses', label: 'nav.addresses', icon: '⌂', resource: 'addresses' },
  { path: '/houses', label: 'nav.houses', icon: '▦', resource: 'houses' },
  { path: '/residents', label: 'nav.residents', icon: '☺', resource: 'residents' },
  { path: '/enterprises', label: 'nav.enterprises', icon: '▣', resource: 'enterprises' },
];

function currentSection(pathname: string): string {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return NAV.some((n) => n.path === first) ? first : '/';
}

export function AppLayout() {
  const { t } = useI18n();
  const href = useAreaHref();
  const { pathname } = useLocation();
  const capabilities = useMe().data?.capabilities ?? {};
  const nav = NAV.filter((n) => capabilities[n.resource]?.includes('read'));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to={href('/')} style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Link>
        <div style={{ flex: 1 }} />
        <AreaPicker />
        <LanguageSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} breakpoint="lg" collapsedWidth={56} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[currentSection(pathname)]}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={nav.map((n) => ({
              key: n.path,
              icon: <span aria-hidden>{n.icon}</span>,
              label: <Link to={href(n.path)}>{t(n.label)}</Link>,
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
