import { App, Button, Dropdown, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useSignOutEverywhere } from '../api/password';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The header's account menu: change password (a dialog) and sign out everywhere (after a confirmation). */
export function AccountSecurity({ username }: { username: string }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [changing, setChanging] = useState(false);
  const everywhere = useSignOutEverywhere();
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              label: <span data-testid="menu-change-password">{t('auth.password.change')}</span>,
            },
            {
              key: 'everywhere',
              label: <span data-testid="menu-sign-out-everywhere">{t('auth.everywhere')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            else
              modal.confirm({
                title: t('auth.everywhere'),
                content: t('auth.everywhere.confirm'),
                okText: t('accounts.ok'),
                cancelText: t('accounts.cancel'),
                onOk: () => everywhere.mutateAsync(),
              });
          },
        }}
      >
        <Button size="small" ghost data-testid="account-security">
          {t('auth.account')}
        </Button>
      </Dropdown>
      <Modal
        open={changing}
        title={t('auth.password.change')}
        footer={null}
        destroyOnHidden
        onCancel={() => setChanging(false)}
      >
        <ChangePasswordForm
          username={username}
          onDone={() => {
            setChanging(false);
            message.success(t('auth.password.done'));
          }}
        />
      </Modal>
    </>
  );
}
