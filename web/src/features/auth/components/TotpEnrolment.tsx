import { Button, Form, QRCode, Space, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useLogout } from '../api/logout';
import { useTotpConfirm, useTotpSetup } from '../api/totp';
import { TotpCodeField } from './TotpCodeField';

/** The secret in groups of four, as authenticator apps show it when typed in by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * For a session that must set up two-factor sign-in first: a fresh secret (QR code, text and otpauth://
 * URI for an authenticator app), then one current code to confirm it; the app opens after that.
 */
export function TotpEnrolment() {
  const { t } = useI18n();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const logout = useLogout();
  const { mutate: startSetup } = setup;
  // Once per screen: each set-up replaces the pending secret, so a second one would void the QR shown.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startSetup();
  }, [startSetup]);

  if (setup.isError) return <ErrorAlert error={setup.error} onRetry={() => startSetup()} />;
  if (!setup.data) return <Spin aria-label={t('common.loading')} />;
  const { secret, uri } = setup.data;
  return (
    <div data-testid="totp-enrolment">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('auth.enrol.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.enrol.intro')}</Typography.Paragraph>
      <Space align="start" size="middle" wrap style={{ marginBottom: 12 }}>
        <QRCode value={uri} size={148} bordered={false} />
        <div style={{ maxWidth: 190 }}>
          <Typography.Text type="secondary">{t('auth.enrol.secret')}</Typography.Text>
          <Typography.Paragraph copyable={{ text: secret }} code data-testid="totp-secret">
            {grouped(secret)}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('auth.enrol.uri')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: uri }}
            ellipsis={{ rows: 2 }}
            style={{ fontSize: 12 }}
            data-testid="totp-uri"
          >
            {uri}
          </Typography.Paragraph>
        </div>
      </Space>
      {confirm.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={confirm.error} />
        </div>
      )}
      <Form<{ code: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={({ code }) => confirm.mutate(code)}
      >
        <TotpCodeField name="code" label={t('auth.enrol.code')} testId="totp-confirm-code" />
        <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="totp-confirm">
          {t('auth.enrol.confirm')}
        </Button>
        <Button type="link" block onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Button>
      </Form>
    </div>
  );
}
