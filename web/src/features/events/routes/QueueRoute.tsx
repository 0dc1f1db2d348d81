import { Badge, Card, Grid, Segmented, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CardList } from '../../../components/CardList';
import { CursorPager } from '../../../components/CursorPager';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { enumLabel } from '../../../i18n';
import { useCursorPaging } from '../../../lib/use-cursor-paging';
import { useQueue } from '../api/get-queue';
import type { QueueItem, QueueName } from '../api/types';
import { eventCard, eventColumns } from '../components/EventColumns';
import { useEventsI18n } from '../i18n';

const QUEUES: readonly QueueName[] = [
  'triage',
  'in_hand',
  'extension_requests',
  'verification',
  'closing',
  'rating',
];

/** 我的待办: what is the caller's to do, per queue with counts and overdue marks; cards on a phone. */
export function QueueRoute() {
  const i18n = useEventsI18n();
  const { t, tx } = i18n;
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const chosen = QUEUES.find((q) => q === params.get('queue'));
  const paging = useCursorPaging(chosen ?? 'all');
  const queue = useQueue(chosen, paging.cursor);
  const counts = queue.data?.counts ?? {};
  const total = QUEUES.reduce((n, q) => n + (counts[q]?.total ?? 0), 0);
  const shown = QUEUES.filter((q) => (counts[q]?.total ?? 0) > 0 || q === chosen);

  const label = (name: string, n: number, overdue: number) => (
    <span data-testid={`queue-tab-${name}`}>
      {name === 'all' ? t('events.queue.all') : enumLabel(tx, 'eventQueue', name)}{' '}
      <Badge count={n} showZero color="#1f5fbf" />
      {overdue > 0 && (
        <Badge
          count={overdue}
          style={{ marginInlineStart: 4 }}
          title={t('events.queue.overdueCount', { n: overdue })}
        />
      )}
    </span>
  );

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('events.queue.title')}
        </Typography.Title>
      }
      styles={phone ? { body: { padding: 12 } } : undefined}
      data-testid="event-queue"
    >
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} />}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={chosen ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { queue: String(v) })}
          options={[
            {
              value: 'all',
              label: label(
                'all',
                total,
                QUEUES.reduce((n, q) => n + (counts[q]?.overdue ?? 0), 0),
              ),
            },
            ...shown.map((q) => ({
              value: q,
              label: label(q, counts[q]?.total ?? 0, counts[q]?.overdue ?? 0),
            })),
          ]}
        />
      </div>
      {phone ? (
        <CardList<QueueItem>
          items={queue.data?.items ?? []}
          busy={queue.isFetching}
          card={(e) => {
            const card = eventCard(i18n, e);
            return { ...card, lines: [enumLabel(tx, 'eventQueue', e.queue), ...card.lines] };
          }}
        />
      ) : (
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          loading={queue.isFetching}
          dataSource={queue.data?.items ?? []}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('events.queue.empty') }}
          columns={[
            { key: 'queue', title: '', width: 100, render: (_, e) => enumLabel(tx, 'eventQueue', e.queue) },
            ...(eventColumns(i18n) as never[]),
          ]}
          onRow={(e) => ({ onClick: () => navigate(`/events/${e.id}`), style: { cursor: 'pointer' } })}
        />
      )}
      <CursorPager
        paging={paging}
        nextCursor={queue.data?.nextCursor}
        rows={queue.data?.items.length ?? 0}
        busy={queue.isFetching}
      />
    </Card>
  );
}
