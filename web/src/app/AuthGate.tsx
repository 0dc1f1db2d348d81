import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMe } from '../features/auth/api/get-me';
import { LoginRoute } from '../features/auth/routes/LoginRoute';
import { useI18n } from '../i18n';
import { isUnauthenticated } from '../lib/api-client';
import { HomeAreaProvider } from '../lib/home-area';
import { PermissionsProvider } from '../lib/permissions';
import { DemoBanner } from './layout/DemoBanner';

/** The app for a signed-in account, the sign-in screen otherwise (also after a session expires); the demo line on both. */
export function AuthGate({ children }: { children: ReactNode }) {
  return (
    <>
      <DemoBanner />
      <SignedIn>{children}</SignedIn>
    </>
  );
}

function SignedIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  if (me.isPending) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" aria-label={t('auth.checking')} />
      </div>
    );
  }
  if (me.isError) {
    if (isUnauthenticated(me.error)) return <LoginRoute />;
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </div>
    );
  }
  return (
    <PermissionsProvider value={me.data}>
      <HomeAreaProvider code={me.data.areas[0]?.code ?? null}>{children}</HomeAreaProvider>
    </PermissionsProvider>
  );
}
