import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { type NewAccount, useAccountOptions, useCreateAccount } from '../api/accounts';
import { AccountFields } from '../components/AccountFields';
import { TemporaryPasswordModal } from '../components/TemporaryPasswordModal';

/** A new account: username, name, role and its area or department; the temporary password is shown once. */
export function AccountNewRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewAccount>();
  const role = Form.useWatch('role', form);
  const options = useAccountOptions();
  const create = useCreateAccount();
  const [shown, setShown] = useState<{ id: number; password: string; name: string; username: string } | null>(
    null,
  );
  const fieldError = create.error instanceof ApiError && create.error.field;

  const submit = (values: NewAccount) =>
    create.mutate(values, {
      onSuccess: ({ account, temporaryPassword }) =>
        setShown({
          id: account.id,
          password: temporaryPassword,
          name: account.displayName,
          username: account.username,
        }),
      onError: (error) => {
        if (error instanceof ApiError && error.field)
          form.setFields([{ name: error.field as keyof NewAccount, errors: [error.message] }]);
      },
    });

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('accounts.create.title')}
        </Typography.Title>
      }
      extra={<Link to="/accounts">{t('accounts.back')}</Link>}
      style={{ maxWidth: 640 }}
      data-testid="account-new-page"
    >
      {options.isError && <ErrorAlert error={options.error} onRetry={() => options.refetch()} />}
      {!options.data ? (
        <Spin />
      ) : (
        <Form<NewAccount>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={(changed) => {
            if ('role' in changed) form.setFieldsValue({ areaCode: undefined, departmentId: undefined });
          }}
        >
          <Alert type="info" showIcon title={t('accounts.create.hint')} style={{ marginBottom: 16 }} />
          <Form.Item
            name="username"
            label={t('accounts.username')}
            extra={t('accounts.usernameRule')}
            rules={[
              { required: true, message: t('accounts.required', { field: t('accounts.username') }) },
              { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('accounts.usernameRule') },
            ]}
          >
            <Input autoComplete="off" data-testid="account-username" />
          </Form.Item>
          <AccountFields options={options.data} role={role} />
          {create.isError && !fieldError && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={create.error} />
            </div>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            data-testid="account-create-submit"
          >
            {t('accounts.create.submit')}
          </Button>
        </Form>
      )}
      <TemporaryPasswordModal shown={shown} onClose={() => shown && navigate(`/accounts/${shown.id}`)} />
    </Card>
  );
}
