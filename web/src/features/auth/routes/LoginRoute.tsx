import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useI18n } from '../../../i18n';
import { type LoginInput, useLogin } from '../api/login';

/** Shown instead of the app while there is no session; the URL is kept, so a link opens after sign-in. */
export function LoginRoute() {
  const { t } = useI18n();
  const login = useLogin();
  const required = (field: string) => [{ required: true, message: t('auth.required', { field }) }];

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'linear-gradient(165deg, #0f3a75 0%, #1f5fbf 55%, #f5f7fa 55%)',
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }} data-testid="login-card">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('auth.title')}</Typography.Text>
          <LanguageSwitch />
        </Space>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {login.isError && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={login.error} />
          </div>
        )}
        <Form<LoginInput> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)}>
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
      </Card>
    </div>
  );
}
