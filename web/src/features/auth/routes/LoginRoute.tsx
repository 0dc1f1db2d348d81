import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useI18n } from '../../../i18n';
import { isSessionExpired } from '../../../lib/api-client';
import { useEnrolmentRequired, usePasswordChangeRequired } from '../api/get-me';
import { useLogout } from '../api/logout';
import { SignInForm } from '../components/SignInForm';

// Enrolment (QR code) and the forced password change are rare steps: the sign-in page does not load them.
const TotpEnrolment = lazy(() =>
  import('../components/TotpEnrolment').then((m) => ({ default: m.TotpEnrolment })),
);
const ChangePasswordForm = lazy(() =>
  import('../components/ChangePasswordForm').then((m) => ({ default: m.ChangePasswordForm })),
);

/**
 * Shown instead of the app while there is no full session; the URL is kept, so a link opens after
 * sign-in. A session limited to two-factor enrolment shows the enrolment step instead of the form.
 */
export function LoginRoute() {
  const { t } = useI18n();
  const enrolling = useEnrolmentRequired();
  const mustChange = usePasswordChangeRequired();
  const logout = useLogout();
  const expired = isSessionExpired();

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'linear-gradient(165deg, #0f3a75 0%, #1f5fbf 55%, #f5f7fa 55%)',
      }}
    >
      <Card
        // In the centring grid a percentage would follow the card's own width: bound it by the viewport.
        style={{ width: `min(${enrolling || mustChange ? 440 : 400}px, calc(100vw - 32px))` }}
        data-testid="login-card"
      >
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('auth.title')}</Typography.Text>
          <LanguageSwitch />
        </Space>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 20 }}>
          {t('app.title')}
        </Typography.Title>
        {expired && !enrolling && !mustChange && (
          <Alert
            type="warning"
            showIcon
            role="status"
            style={{ marginBottom: 16 }}
            title={t('shell.sessionExpired')}
            description={t('shell.sessionExpiredHint')}
            data-testid="session-expired"
          />
        )}
        <Suspense fallback={<Skeleton active />}>
          {enrolling ? (
            <TotpEnrolment />
          ) : mustChange ? (
            <div data-testid="forced-password-change">
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
                {t('auth.password.forcedTitle')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('auth.password.forcedIntro')}</Typography.Paragraph>
              <ChangePasswordForm username={mustChange.username} forced />
              <Button type="link" block onClick={() => logout.mutate()}>
                {t('auth.logout')}
              </Button>
            </div>
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
              <SignInForm />
            </>
          )}
        </Suspense>
      </Card>
    </main>
  );
}
