import { Button, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useMe } from '../api/get-me';
import { useLogout } from '../api/logout';

/** Who is signed in (name and role) and a sign-out button, for the dark header. */
export function UserMenu() {
  const { t, lang } = useI18n();
  const me = useMe();
  const logout = useLogout();
  if (!me.data) return null;
  return (
    <Space size={8} data-testid="user-menu">
      <Typography.Text style={{ color: '#fff' }}>{me.data.displayName}</Typography.Text>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>
        {lang === 'en' ? me.data.roleLabel.en : me.data.roleLabel.zh}
      </Typography.Text>
      <Button
        size="small"
        ghost
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        data-testid="logout"
      >
        {t('auth.logout')}
      </Button>
    </Space>
  );
}
