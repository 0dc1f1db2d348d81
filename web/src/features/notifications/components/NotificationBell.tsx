import { Badge } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { useUnreadCount } from '../api/get-unread-count';

/** The header's bell: a link to the message centre with the unread count (read out to screen readers too). */
export function NotificationBell({ dark = true }: { dark?: boolean }) {
  const { t } = useI18n();
  const count = useUnreadCount().data?.unread ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Link
      to="/messages"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-unread={count}
      style={{ color: dark ? '#fff' : undefined, display: 'inline-flex', alignItems: 'center', padding: 4 }}
    >
      <Badge count={count} size="small" overflowCount={99} offset={[4, -2]}>
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          width={20}
          height={20}
          fill="none"
          stroke={dark ? '#fff' : 'currentColor'}
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
          style={{ display: 'block' }}
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </Badge>
    </Link>
  );
}
