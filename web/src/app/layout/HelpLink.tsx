import { Link, useLocation } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { useI18n } from '../../i18n';

/** "帮助": the guide opened at the section for the account's role and the screen it is on. */
export function HelpLink({ dark = true }: { dark?: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const { pathname } = useLocation();
  const params = new URLSearchParams();
  if (me.data) params.set('role', me.data.role);
  const screen = pathname.split('/')[1] ?? '';
  if (screen !== 'help') params.set('screen', screen);
  return (
    <Link
      to={`/help?${params}`}
      data-testid="help-link"
      style={{ color: dark ? '#fff' : undefined, whiteSpace: 'nowrap', textDecoration: 'underline' }}
    >
      {t('shell.help')}
    </Link>
  );
}
