import { Button, Result } from 'antd';
import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, Link, RouterProvider, useRouteError } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n';
import { AuthGate } from './AuthGate';
import { AppLayout } from './layout/AppLayout';
import { Home, RequireCapability } from './RequireCapability';

// Each screen is its own chunk; the overview's chunk carries ECharts, which the lists never load.
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const Overview = named(() => import('../features/overview/routes/OverviewRoute'), 'OverviewRoute');
const AddressList = named(() => import('../features/addresses/routes/AddressListRoute'), 'AddressListRoute');
const AddressDetail = named(
  () => import('../features/addresses/routes/AddressDetailRoute'),
  'AddressDetailRoute',
);
const HouseList = named(() => import('../features/houses/routes/HouseListRoute'), 'HouseListRoute');
const HouseDetail = named(() => import('../features/houses/routes/HouseDetailRoute'), 'HouseDetailRoute');
const ResidentList = named(
  () => import('../features/residents/routes/ResidentListRoute'),
  'ResidentListRoute',
);
const ResidentDetail = named(
  () => import('../features/residents/routes/ResidentDetailRoute'),
  'ResidentDetailRoute',
);
const EnterpriseList = named(
  () => import('../features/enterprises/routes/EnterpriseListRoute'),
  'EnterpriseListRoute',
);
const EnterpriseDetail = named(
  () => import('../features/enterprises/routes/EnterpriseDetailRoute'),
  'EnterpriseDetailRoute',
);
const Audit = named(() => import('../features/audit/routes/AuditRoute'), 'AuditRoute');
const IdentityConflicts = named(
  () => import('../features/identity-conflicts/routes/IdentityConflictsRoute'),
  'IdentityConflictsRoute',
);

/** A screen only for accounts that may read `resource`. */
const guarded = (resource: string, Screen: ComponentType) => (
  <RequireCapability resource={resource}>
    <Screen />
  </RequireCapability>
);

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
      { index: true, element: <Home overview={<Overview />} /> },
      { path: 'addresses', element: guarded('addresses', AddressList) },
      { path: 'addresses/:id', element: guarded('addresses', AddressDetail) },
      { path: 'houses', element: guarded('houses', HouseList) },
      { path: 'houses/:id', element: guarded('houses', HouseDetail) },
      { path: 'residents', element: guarded('residents', ResidentList) },
      { path: 'residents/:id', element: guarded('residents', ResidentDetail) },
      { path: 'enterprises', element: guarded('enterprises', EnterpriseList) },
      { path: 'enterprises/:id', element: guarded('enterprises', EnterpriseDetail) },
      { path: 'audit', element: guarded('audit', Audit) },
      { path: 'audit/reads', element: guarded('audit', Audit) },
      { path: 'identity-conflicts', element: guarded('residents', IdentityConflicts) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function AppRouter() {
  return (
    <AuthGate>
      <RouterProvider router={router} />
    </AuthGate>
  );
}
