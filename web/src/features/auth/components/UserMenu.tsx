import { Button, Space, Tooltip } from 'antd';
import { useI18n } from '../../../i18n';
import { useMe } from '../api/get-me';
import { useLogout } from '../api/logout';
import type { Me } from '../types';
import { AccountSecurity } from './AccountSecurity';

/** Where the account works: its department, else the names of its areas. */
function unitOf(me: Me): string {
  if (me.department) return me.department.name;
  return me.areas.map((a) => a.name).join('、');
}

/**
 * Who is signed in (name; role and department or area underneath), the account's security menu (change
 * password, sign out everywhere) and a sign-out button, for the dark header.
 */
export function UserMenu() {
  const { t, lang } = useI18n();
  const me = useMe();
  const logout = useLogout();
  if (!me.data) return null;
  const role = lang === 'en' ? me.data.roleLabel.en : me.data.roleLabel.zh;
  const unit = unitOf(me.data);
  return (
    <Space size={12} data-testid="user-menu">
      <Tooltip title={`${t('header.user')}: ${me.data.username}`} placement="bottomRight">
        <div style={{ lineHeight: 1.3, textAlign: 'right', maxWidth: 280 }}>
          <div style={{ color: '#fff', fontWeight: 500 }} data-testid="user-name">
            {me.data.displayName}
          </div>
          <div
            style={{
              color: 'rgba(255,255,255,0.7)',
              fontSize: 12,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
            data-testid="user-role"
          >
            {unit ? `${role} · ${unit}` : role}
          </div>
        </div>
      </Tooltip>
      <AccountSecurity username={me.data.username} />
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
