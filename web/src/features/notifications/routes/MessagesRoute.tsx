import { Button, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { CursorPager } from '../../../components/CursorPager';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllRead } from '../api/mark-all-read';
import { useMarkRead } from '../api/mark-read';
import { NotificationItem } from '../components/NotificationItem';

/** The message centre (消息中心): my messages, newest first, each linking to its record; mark read one or all. */
export function MessagesRoute() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const paging = useCursorPaging(String(unreadOnly));
  const list = useNotifications(unreadOnly, paging.cursor);
  const unread = useUnreadCount().data?.unread ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.items ?? [];

  return (
    <div style={{ maxWidth: 960 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly') },
            ]}
          />
          <Button
            onClick={() => markAll.mutate()}
            disabled={unread === 0}
            loading={markAll.isPending}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      </Space>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {(markRead.error || markAll.error) && <ErrorAlert error={markRead.error ?? markAll.error} />}
      <Spin spinning={list.isFetching && items.length === 0}>
        {items.length === 0 && !list.isFetching ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')}
          />
        ) : (
          <ul data-testid="notification-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <NotificationItem
                key={item.id}
                item={item}
                onRead={(id) => markRead.mutate(id)}
                busy={markRead.isPending}
              />
            ))}
          </ul>
        )}
      </Spin>
      <CursorPager
        paging={paging}
        nextCursor={list.data?.nextCursor}
        rows={items.length}
        busy={list.isFetching}
      />
    </div>
  );
}
