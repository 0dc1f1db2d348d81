import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { enumLabel } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { EventSummary } from '../api/types';
import type { EventsI18n } from '../i18n';
import { categoryLabel } from '../labels';
import { DueBadge } from './DueBadge';
import { StateTag } from './StateTag';

/** The list's server-side sort: the API's sort and order (unset: newest first). */
export interface EventsSort {
  sort?: 'created' | 'due' | 'urgency';
  order?: 'asc' | 'desc';
}
/** The columns the API sorts by, keyed by column key. */
export const SORT_OF_COLUMN = { createdAt: 'created', dueAt: 'due', urgency: 'urgency' } as const;

/** The columns an events table shows (list and queues); with `sort`, the API's sortable columns get sorters. */
export function eventColumns(i18n: EventsI18n, sort?: EventsSort): TableColumnsType<EventSummary> {
  const { t, tx, lang } = i18n;
  const sorter = (key: keyof typeof SORT_OF_COLUMN) =>
    sort
      ? {
          sorter: true,
          sortOrder:
            sort.sort === SORT_OF_COLUMN[key]
              ? sort.order === 'asc'
                ? ('ascend' as const)
                : ('descend' as const)
              : null,
        }
      : {};
  return [
    {
      key: 'number',
      title: t('events.list.number'),
      width: 140,
      render: (_, e) => <Link to={`/events/${e.id}`}>{e.number}</Link>,
    },
    { key: 'title', title: t('events.list.titleCol'), dataIndex: 'title', width: 200, ellipsis: true },
    {
      key: 'state',
      title: t('events.list.state'),
      width: 90,
      render: (_, e) => <StateTag state={e.state} />,
    },
    {
      key: 'level',
      title: t('events.list.level'),
      width: 100,
      render: (_, e) => enumLabel(tx, 'eventLevel', e.level),
    },
    {
      key: 'category',
      title: t('events.list.category'),
      width: 170,
      ellipsis: true,
      render: (_, e) => categoryLabel(e.categoryCode, lang),
    },
    {
      key: 'urgency',
      title: t('events.list.urgency'),
      width: 90,
      ...sorter('urgency'),
      render: (_, e) => enumLabel(tx, 'eventUrgency', e.urgency),
    },
    {
      key: 'createdAt',
      title: t('events.list.reported'),
      width: 140,
      ...sorter('createdAt'),
      render: (_, e) => formatDateTime(e.createdAt),
    },
    {
      key: 'dueAt',
      title: t('events.list.due'),
      width: 230,
      ...sorter('dueAt'),
      render: (_, e) => <DueBadge dueAt={e.dueAt} warnAt={e.warnAt} overdue={e.overdue} />,
    },
  ];
}

/** A phone's card of an event: its number and title as the link, then state, category and deadline. */
export function eventCard(i18n: EventsI18n, e: EventSummary): { heading: ReactNode; lines: ReactNode[] } {
  const { tx, lang } = i18n;
  return {
    heading: (
      <Link to={`/events/${e.id}`} style={{ display: 'block', minHeight: 24 }}>
        {e.title}
      </Link>
    ),
    lines: [
      <span key="s">
        <StateTag state={e.state} /> {e.number} · {enumLabel(tx, 'eventLevel', e.level)}
      </span>,
      categoryLabel(e.categoryCode, lang),
      <DueBadge key="d" dueAt={e.dueAt} warnAt={e.warnAt} overdue={e.overdue} />,
    ],
  };
}
