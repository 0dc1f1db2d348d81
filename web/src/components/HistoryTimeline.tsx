import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { enumLabel, type I18n, useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import type { HistoryEntry, HistoryResponse } from '../lib/types';
import { describeChanges } from './describe-changes';
import { ErrorAlert } from './ErrorAlert';

const actionColour: Record<string, string> = {
  create: 'green',
  update: 'blue',
  archive: 'red',
  bulk_load: 'gray',
};

/** Who made a change, as people know them: "张婷（区三化办）", or the label itself for a system. */
function actorOf(entry: HistoryEntry, tx: I18n['tx'], t: I18n['t']): string {
  if (!entry.actorName) return entry.actor;
  if (!entry.actorRole) return entry.actorName;
  return t('records.history.by', {
    actor: entry.actorName,
    role: tx(`records.role.${entry.actorRole}`, entry.actorRole),
  });
}

/**
 * The change history of one registry record (who, when, from which system, what changed). A record with no
 * history at all was loaded in bulk (every change made through the API leaves a row), and says so.
 */
export function HistoryTimeline({ query }: { query: UseQueryResult<HistoryResponse> }) {
  const { t, tx } = useI18n();
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  // The records reference fields pointed at, by id: a move reads "…1栋101房 → …2栋302房", not "12 → 13".
  const names = query.data?.names ?? {};

  let body: ReactNode;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (query.isError) body = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (items.length === 0)
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('records.history.bulkLoaded')}
        data-testid="history-bulk-loaded"
      />
    );
  else
    body = (
      <Timeline
        data-testid="history-timeline"
        items={items.map((entry) => {
          const changes = describeChanges(entry.changes, {
            label: (field) => tx(`field.${field}`, field),
            value: (field, v) =>
              v === '(hidden)' ? t('history.hidden') : (names[field]?.[v] ?? tx(`enum.${field}.${v}`, v)),
            onlyNew: entry.action === 'create',
          });
          return {
            key: entry.id,
            color: actionColour[entry.action] ?? 'blue',
            content: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                </Typography.Text>
                <div>
                  <Tag color={actionColour[entry.action] ?? 'blue'}>
                    {enumLabel(tx, 'action', entry.action)}
                  </Tag>
                  <Typography.Text data-testid="history-actor">{actorOf(entry, tx, t)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' · '}
                    {t('records.history.source', {
                      source: tx(`records.source.${entry.source}`, entry.source),
                    })}
                  </Typography.Text>
                </div>
                {changes.length === 0 ? (
                  <Typography.Text type="secondary">{t('history.noChanges')}</Typography.Text>
                ) : (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {changes.map((c) => (
                      <li key={c.field}>
                        <Typography.Text strong>{c.label}</Typography.Text>：{c.text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ),
          };
        })}
      />
    );

  return (
    <Card title={t('history.title')} size="small">
      {body}
    </Card>
  );
}
