import { Alert, App, Button, Card, Descriptions, Form, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/permissions';
import {
  type Account,
  type AccountChange,
  useAccount,
  useAccountOptions,
  useUpdateAccount,
} from '../api/accounts';
import { AccountActions } from '../components/AccountActions';
import { AccountFields } from '../components/AccountFields';
import { placeOf, roleOf, StatusTags, when } from '../components/account-labels';

const formValues = (a: Account): AccountChange => ({
  displayName: a.displayName,
  role: a.role as AccountChange['role'],
  areaCode: a.areas[0]?.code,
  departmentId: a.department?.id,
});

/** One account: what it is, its actions, and the form to rename it, move it to another area or change its role. */
export function AccountDetailRoute() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const account = useAccount(id);
  const options = useAccountOptions();
  const update = useUpdateAccount(id);
  const mayUpdate = useCan('accounts', 'update');
  const [form] = Form.useForm<AccountChange>();
  const role = Form.useWatch('role', form);
  const a = account.data;

  useEffect(() => {
    if (a) form.setFieldsValue(formValues(a));
  }, [a, form]);

  const save = (values: AccountChange) =>
    update.mutate(values, {
      onSuccess: () => message.success(t('accounts.saved')),
      onError: (error) => {
        if (error instanceof ApiError && error.field)
          form.setFields([{ name: error.field as keyof AccountChange, errors: [error.message] }]);
      },
    });

  if (account.isError) return <ErrorAlert error={account.error} onRetry={() => account.refetch()} />;
  if (!a) return <Spin />;
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 900 }} data-testid="account-detail">
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
            {a.displayName} · {a.username}
            {a.self ? ` ${t('accounts.self')}` : ''}
          </Typography.Title>
        }
        extra={<Link to="/accounts">{t('accounts.back')}</Link>}
        styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('accounts.role')}>{roleOf(a, lang)}</Descriptions.Item>
          <Descriptions.Item label={`${t('accounts.area')} / ${t('accounts.department')}`}>
            <span data-testid="account-place">{placeOf(a)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('accounts.lastLogin')}>
            {when(a.lastLoginAt) ?? t('accounts.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounts.created')}>{when(a.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('accounts.totp')}>
            {a.totpEnrolled ? t('accounts.totp.on') : t('accounts.totp.off')}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounts.status')}>
            <span data-testid="account-status">
              <StatusTags account={a} t={t} />
            </span>
          </Descriptions.Item>
        </Descriptions>
        {mayUpdate && <AccountActions account={a} />}
      </Card>
      {mayUpdate && options.data && (
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('accounts.edit.title')}
            </Typography.Title>
          }
        >
          <Form<AccountChange>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={save}
            style={{ maxWidth: 560 }}
            onValuesChange={(changed) => {
              if ('role' in changed) form.setFieldsValue({ areaCode: undefined, departmentId: undefined });
            }}
          >
            <AccountFields options={options.data} role={role} />
            {role && role !== a.role && (
              <Alert
                type="warning"
                showIcon
                title={t('accounts.roleChangeHint')}
                style={{ marginBottom: 16 }}
              />
            )}
            {update.isError && !(update.error instanceof ApiError && update.error.field) && (
              <div style={{ marginBottom: 16 }}>
                <ErrorAlert error={update.error} />
              </div>
            )}
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="account-save">
              {t('accounts.edit.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
