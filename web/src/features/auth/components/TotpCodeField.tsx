import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n';

const SIX_DIGITS = /^\d{6}$/;

interface Props {
  /** The form field the code is submitted as. */
  name: string;
  label: string;
  testId: string;
}

/** The authenticator app's current 6-digit code: numeric keypad on phones, one-time-code autofill. */
export function TotpCodeField({ name, label, testId }: Props) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, pattern: SIX_DIGITS, message: t('auth.totp.codeInvalid') }]}
    >
      <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus data-testid={testId} />
    </Form.Item>
  );
}
