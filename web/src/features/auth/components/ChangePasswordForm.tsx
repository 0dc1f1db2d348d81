import { Alert, Button, Form, Input } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { meetsPasswordRule, type PasswordChange, useChangePassword } from '../api/password';

type Values = PasswordChange & { repeat: string };

/**
 * Current and new password, with the server's rule shown above the fields. A refusal naming a field
 * (`currentPassword`, `newPassword`) appears beside it; anything else above the button.
 */
export function ChangePasswordForm({
  username,
  forced = false,
  onDone,
}: {
  username: string;
  forced?: boolean;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const fieldError = change.error instanceof ApiError && change.error.field ? change.error : null;

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onDone?.();
        },
        onError: (error) => {
          if (
            error instanceof ApiError &&
            (error.field === 'currentPassword' || error.field === 'newPassword')
          )
            form.setFields([{ name: error.field, errors: [error.message] }]);
        },
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="change-password"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('auth.password.rule')}
        data-testid="password-rule"
      />
      <Form.Item
        name="currentPassword"
        label={forced ? t('auth.password.currentForced') : t('auth.password.current')}
        rules={[{ required: true, message: t('auth.required', { field: t('auth.password.current') }) }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.password.new')}
        rules={[
          { required: true, message: t('auth.required', { field: t('auth.password.new') }) },
          {
            validator: (_r, value: string) =>
              !value || meetsPasswordRule(value, username)
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.weak'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('auth.password.repeat')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.required', { field: t('auth.password.repeat') }) },
          ({ getFieldValue }) => ({
            validator: (_r, value: string) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-repeat" />
      </Form.Item>
      {change.isError && !fieldError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={change.error} />
        </div>
      )}
      <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
        {t('auth.password.submit')}
      </Button>
    </Form>
  );
}
