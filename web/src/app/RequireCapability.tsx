import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { Action, Resource } from '../api/types';
import { useMe } from '../features/auth/api/get-me';
import { useI18n } from '../i18n';
import { allows, usePermissions } from '../lib/permissions';
import { AREA_PARAM } from '../lib/use-area';
import { allowedNav } from './layout/nav';

interface Props {
  resource: Resource;
  /** What the screen does; read when absent. */
  action?: Action;
  children: ReactNode;
}

/** A screen for accounts that may do `action` on `resource`; others get a "not for your role" page, not a 403. */
export function RequireCapability({ resource, action = 'read', children }: Props) {
  const { t } = useI18n();
  const permissions = usePermissions();
  if (allows(permissions, resource, action)) return children;
  const first = allowedNav(permissions)[0];
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbidden')}
      data-testid="forbidden"
      extra={
        first && (
          <Link to={first.path}>
            <Button type="primary">{t(first.label)}</Button>
          </Link>
        )
      }
    />
  );
}

/**
 * `/`: "my grid" for a grid worker without a chosen area, the to-do (`/events/queue`) for department staff
 * without one, the overview for other accounts that see areas (and for those who picked an area), else the first screen the role has (an auditor's audit log).
 */
export function Home({ overview, myGrid }: { overview: ReactNode; myGrid: ReactNode }) {
  const permissions = usePermissions();
  const me = useMe();
  const [params] = useSearchParams();
  // Department staff work from their to-do; the overview stays one menu entry (or an area link) away.
  if (
    me.data?.role === 'department_staff' &&
    allows(permissions, 'events', 'read') &&
    !params.has(AREA_PARAM)
  )
    return <Navigate to="/events/queue" replace />;
  if (allows(permissions, 'areas', 'read')) {
    return me.data?.role === 'grid_worker' && !params.has(AREA_PARAM) ? myGrid : overview;
  }
  const first = allowedNav(permissions)[0];
  if (first) return <Navigate to={first.path} replace />;
  return <RequireCapability resource="areas">{overview}</RequireCapability>;
}
