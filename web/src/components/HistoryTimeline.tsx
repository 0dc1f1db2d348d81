import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { enumLabel, useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import type { HistoryResponse } from '../lib/types';
import { describeChanges } from './describe-changes';
import { ErrorAlert } from './ErrorAlert';

const actionColour: Record<string, string> = {
  create: 'green',
  update: 'blue',
  archive: 'red',
  bulk_load: 'gray',
};

/** The change history of one registry record (who, when, from which system, what changed). */
export function HistoryTimeline({ query }: { query: UseQueryResult<HistoryResponse> }) {
  const { t, tx } = useI18n();
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  let body: ReactNode;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (query.isError) body = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (items.length === 0) body = <Empty description={t('history.empty')} />;
  else
    body = (
      <Timeline
        data-testid="history-timeline"
        items={items.map((entry) => {
          const changes = describeChanges(entry.changes, {
            label: (field) => tx(`field.${field}`, field),
            value: (field, v) => (v === '(hidden)' ? t('history.hidden') : tx(`enum.${field}.${v}`, v)),
            onlyNew: entry.action === 'create',
          });
          return {
            key: entry.id,
            color: actionColour[entry.action] ?? 'blue',
            content: (
              <div>
                <div style={{ color: '#8c8c8c', fontSize: 12 }}>{formatDateTime(entry.at)}</div>
                <div>
                  <Tag color={actionColour[entry.action] ?? 'blue'}>
                    {enumLabel(tx, 'action', entry.action)}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('history.meta', { actor: entry.actor, source: entry.source })}
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
