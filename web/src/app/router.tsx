// The styles of every other Ant Design component the screens use, made at build time (web/build/antd-styles.ts).
import 'virtual:antd/app.css';
import { Button, Result } from 'antd';
import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Link, RouterProvider, useRouteError } from 'react-router';
import type { Resource } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { REGISTRY_SCREENS } from '../features/registry';
import { useI18n } from '../i18n';
import { AppLayout } from './layout/AppLayout';
import { Home, RequireCapability } from './RequireCapability';

// Each screen is its own chunk; the overview's carries Leaflet, which the lists never load.
const named = <K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) => lazy(() => load().then((m) => ({ default: m[name] })));

const Overview = named(() => import('../features/overview/routes/OverviewRoute'), 'OverviewRoute');
const RegistryList = named(
  () => import('../features/registry/routes/RegistryListRoute'),
  'RegistryListRoute',
);
const RegistryDetail = named(
  () => import('../features/registry/routes/RegistryDetailRoute'),
  'RegistryDetailRoute',
);
const RegistryForm = named(
  () => import('../features/registry/routes/RegistryFormRoute'),
  'RegistryFormRoute',
);
const Audit = named(() => import('../features/audit/routes/AuditRoute'), 'AuditRoute');
const MyGrid = lazy(() => import('./MyGridScreen'));
const AccountsList = named(
  () => import('../features/accounts/routes/AccountsListRoute'),
  'AccountsListRoute',
);
const AccountNew = named(() => import('../features/accounts/routes/AccountNewRoute'), 'AccountNewRoute');
const AccountDetail = named(
  () => import('../features/accounts/routes/AccountDetailRoute'),
  'AccountDetailRoute',
);
const EventReport = named(() => import('../features/events/routes/ReportRoute'), 'ReportRoute');
const EventQueue = named(() => import('../features/events/routes/QueueRoute'), 'QueueRoute');
const EventsList = named(() => import('../features/events/routes/EventsListRoute'), 'EventsListRoute');
const EventPage = named(() => import('../features/events/routes/EventRoute'), 'EventRoute');
const RoutingRules = named(() => import('../features/routing/routes/RoutingRulesRoute'), 'RoutingRulesRoute');
const Help = named(() => import('../features/help/routes/HelpRoute'), 'HelpRoute');
const Messages = named(() => import('../features/notifications/routes/MessagesRoute'), 'MessagesRoute');
const SupervisionOrders = named(() => import('../features/supervision/routes/OrdersRoute'), 'OrdersRoute');
const SupervisionOrder = named(() => import('../features/supervision/routes/OrderRoute'), 'OrderRoute');
const IdentityConflicts = named(
  () => import('../features/identity-conflicts/routes/IdentityConflictsRoute'),
  'IdentityConflictsRoute',
);

/** A screen only for accounts that may read `resource`. */
const guarded = (resource: Resource, Screen: ComponentType) => (
  <RequireCapability resource={resource}>
    <Screen />
  </RequireCapability>
);

/** List, new, detail and edit screens of every registry entity (keyed: no state carries over between them). */
const registryRoutes = REGISTRY_SCREENS.flatMap(({ resource }) => [
  {
    path: resource,
    element: (
      <RequireCapability resource={resource}>
        <RegistryList key={resource} resource={resource} />
      </RequireCapability>
    ),
  },
  {
    path: `${resource}/new`,
    element: (
      <RequireCapability resource={resource} action="create">
        <RegistryForm key={resource} resource={resource} />
      </RequireCapability>
    ),
  },
  {
    path: `${resource}/:id`,
    element: (
      <RequireCapability resource={resource}>
        <RegistryDetail key={resource} resource={resource} />
      </RequireCapability>
    ),
  },
  {
    path: `${resource}/:id/edit`,
    element: (
      <RequireCapability resource={resource} action="update">
        <RegistryForm key={resource} resource={resource} />
      </RequireCapability>
    ),
  },
]);

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

function RouteError() {
  return (
    <div style={{ padding: 24 }}>
      <ErrorAlert error={useRouteError()} onRetry={() => window.location.reload()} />
    </div>
  );
}

const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home overview={<Overview />} myGrid={<MyGrid />} /> },
      { path: 'my-grid', element: guarded('areas', MyGrid) },
      { path: 'help', element: <Help /> },
      { path: 'messages', element: guarded('notifications', Messages) },
      { path: 'supervision', element: guarded('supervision_orders', SupervisionOrders) },
      { path: 'supervision/:id', element: guarded('supervision_orders', SupervisionOrder) },
      ...registryRoutes,
      { path: 'audit', element: guarded('audit', Audit) },
      { path: 'audit/reads', element: guarded('audit', Audit) },
      { path: 'identity-conflicts', element: guarded('residents', IdentityConflicts) },
      { path: 'accounts', element: guarded('accounts', AccountsList) },
      {
        path: 'accounts/new',
        element: (
          <RequireCapability resource="accounts" action="create">
            <AccountNew />
          </RequireCapability>
        ),
      },
      { path: 'accounts/:id', element: guarded('accounts', AccountDetail) },
      { path: 'events', element: guarded('events', EventsList) },
      { path: 'events/queue', element: guarded('events', EventQueue) },
      {
        path: 'events/new',
        element: (
          <RequireCapability resource="events" action="create">
            <EventReport />
          </RequireCapability>
        ),
      },
      { path: 'events/:id', element: guarded('events', EventPage) },
      { path: 'routing-rules', element: guarded('routing_rules', RoutingRules) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

/**
 * The signed-in app: main.tsx loads this module only once AuthGate has an account, so the sign-in screen needs
 * neither the router nor the layout and its menu.
 */
export function AppRouter() {
  return <RouterProvider router={router} />;
}
