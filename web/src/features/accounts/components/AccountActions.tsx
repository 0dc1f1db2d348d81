import { App, Button, type ButtonProps, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { type Account, useResetPassword, useResetTwoFactor, useSetDisabled } from '../api/accounts';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';

/** Disable / enable, reset password (temporary password shown once), reset two-factor — each confirmed first. */
export function AccountActions({ account }: { account: Account }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const setDisabled = useSetDisabled(account.id);
  const resetPassword = useResetPassword(account.id);
  const resetTotp = useResetTwoFactor(account.id);
  const [password, setPassword] = useState<string | null>(null);
  const confirm = (title: string, content: string, run: () => Promise<unknown>, danger = false) =>
    modal.confirm({
      title,
      content,
      okText: t('accounts.ok'),
      cancelText: t('accounts.cancel'),
      okButtonProps: { danger, 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: () => run().catch((e: Error) => message.error(e.message)),
    });
  if (account.self) return null;
  return (
    <>
      <Space wrap>
        {account.disabledAt ? (
          <Button
            onClick={() =>
              setDisabled.mutate(false, { onSuccess: () => message.success(t('accounts.saved')) })
            }
            data-testid="account-enable"
          >
            {t('accounts.enable')}
          </Button>
        ) : (
          <Button
            danger
            data-testid="account-disable"
            onClick={() =>
              confirm(
                t('accounts.disable'),
                t('accounts.disable.confirm'),
                () => setDisabled.mutateAsync(true),
                true,
              )
            }
          >
            {t('accounts.disable')}
          </Button>
        )}
        <Button
          data-testid="account-reset-password"
          onClick={() =>
            confirm(t('accounts.resetPassword'), t('accounts.resetPassword.confirm'), async () =>
              setPassword((await resetPassword.mutateAsync()).temporaryPassword),
            )
          }
        >
          {t('accounts.resetPassword')}
        </Button>
        {account.totpEnrolled && (
          <Button
            data-testid="account-reset-totp"
            onClick={() =>
              confirm(t('accounts.resetTotp'), t('accounts.resetTotp.confirm'), () => resetTotp.mutateAsync())
            }
          >
            {t('accounts.resetTotp')}
          </Button>
        )}
      </Space>
      <TemporaryPasswordModal
        shown={password ? { password, name: account.displayName, username: account.username } : null}
        onClose={() => setPassword(null)}
      />
    </>
  );
}
