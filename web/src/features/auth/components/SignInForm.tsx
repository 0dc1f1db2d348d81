import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { type LoginInput, useLogin } from '../api/login';
import { TotpCodeField } from './TotpCodeField';

/**
 * Username and password; when the server answers `totp_required`, a second step asks for the
 * authenticator app's 6-digit code and signs in with all three.
 */
export function SignInForm() {
  const { t } = useI18n();
  const login = useLogin();
  const [credentials, setCredentials] = useState<LoginInput | null>(null);
  const required = (field: string) => [{ required: true, message: t('auth.required', { field }) }];
  const askedForCode = login.error instanceof ApiError && login.error.code === 'totp_required';

  const signIn = (values: LoginInput) =>
    login.mutate(values, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'totp_required') setCredentials(values);
      },
    });

  if (credentials) {
    return (
      <>
        {login.isError && !askedForCode && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={login.error} />
          </div>
        )}
        <Typography.Paragraph data-testid="totp-prompt">{t('auth.totp.prompt')}</Typography.Paragraph>
        <Form<{ totp: string }>
          layout="vertical"
          requiredMark={false}
          onFinish={({ totp }) => signIn({ ...credentials, totp })}
        >
          <TotpCodeField name="totp" label={t('auth.totp.code')} testId="login-totp" />
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.totp.verify')}
          </Button>
          <Button
            type="link"
            block
            onClick={() => {
              setCredentials(null);
              login.reset();
            }}
          >
            {t('auth.totp.back')}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <>
      {login.isError && !askedForCode && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={login.error} />
        </div>
      )}
      <Form<LoginInput> layout="vertical" requiredMark={false} onFinish={signIn}>
        <Form.Item name="username" label={t('auth.username')} rules={required(t('auth.username'))}>
          <Input autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={required(t('auth.password'))}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </>
  );
}
