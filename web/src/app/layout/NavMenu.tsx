import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n';
import { useAreaHref } from '../../lib/use-area';
import type { NavEntry } from './nav';

function currentSection(pathname: string, entries: NavEntry[]): string {
  // An entry deeper than one segment (/events/queue) is its own section.
  if (entries.some((n) => n.path === pathname && pathname.split('/').length > 2)) return pathname;
  const first = `/${pathname.split('/')[1] ?? ''}`;
  // A screen outside the menu (help, 404) highlights nothing.
  return entries.some((n) => n.path === first) ? first : '';
}

/** The screens the account may open, each with its name (the symbol beside it is decoration). */
export function NavMenu({ entries, onNavigate }: { entries: NavEntry[]; onNavigate?: () => void }) {
  const { t } = useI18n();
  const href = useAreaHref();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('shell.mainNav')}>
      <Menu
        mode="inline"
        selectedKeys={[currentSection(pathname, entries)]}
        style={{ borderInlineEnd: 0, paddingTop: 8 }}
        data-testid="side-menu"
        onClick={onNavigate}
        items={entries.map((n) => ({
          key: n.path,
          icon: <span aria-hidden>{n.icon}</span>,
          label: <Link to={n.inArea ? href(n.path) : n.path}>{t(n.label)}</Link>,
        }))}
      />
    </nav>
  );
}
