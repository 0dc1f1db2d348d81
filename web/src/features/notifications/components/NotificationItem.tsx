import { Button, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { Notification } from '../api/types';
import { describeNotification } from './describe';

const KIND_COLOURS: Record<Notification['kind'], string> = {
  assignment: 'blue',
  send_back: 'orange',
  refusal: 'volcano',
  rating: 'green',
  deadline_warning: 'gold',
  supervision: 'red',
};

interface Props {
  item: Notification;
  onRead: (id: number) => void;
  busy: boolean;
}

/** One message: its kind, what happened, the record (a link that also marks it read), the reason and when. */
export function NotificationItem({ item, onRead, busy }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const unread = item.readAt === null;
  const number = typeof item.details.number === 'string' ? item.details.number : '';
  return (
    <li
      data-testid="notification"
      data-unread={unread}
      style={{
        padding: '10px 8px',
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#f0f7ff' : undefined,
        display: 'flex',
        flexWrap: 'wrap',
        gap: '4px 12px',
        alignItems: 'baseline',
      }}
    >
      <div style={{ flex: '1 1 240px', minWidth: 0 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
          <Tag color={KIND_COLOURS[item.kind]}>{t(`notifications.kind.${item.kind}`)}</Tag>
          {unread && <Tag>{t('notifications.unread')}</Tag>}
          <Link
            to={item.link}
            onClick={() => unread && onRead(item.id)}
            aria-label={`${t('notifications.open', { number })}：${item.title}`}
            style={{ fontWeight: unread ? 600 : 400, overflowWrap: 'anywhere' }}
          >
            {number && <span style={{ marginRight: 6 }}>{number}</span>}
            {item.title}
          </Link>
        </div>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {describeNotification(item, i18n)}
        </Typography.Text>
        {item.body && (
          <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>
            “{item.body}”
          </Typography.Text>
        )}
      </div>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(item.createdAt)}
      </Typography.Text>
      {unread && (
        <Button size="small" onClick={() => onRead(item.id)} disabled={busy}>
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
