import { Modal, Typography } from 'antd';
import { useI18n } from '../../../i18n';

/** The temporary password, shown once: closing the dialog forgets it (the server keeps only its hash). */
export function TemporaryPasswordModal({
  shown,
  onClose,
}: {
  shown: { password: string; name: string; username: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={t('accounts.tempPassword.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('accounts.tempPassword.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {shown && (
        <>
          <Typography.Paragraph>
            {t('accounts.tempPassword.body', { name: shown.name, username: shown.username })}
          </Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: shown.password }}
            code
            style={{ fontSize: 20 }}
            data-testid="temporary-password"
          >
            {shown.password}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
