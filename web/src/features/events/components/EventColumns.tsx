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

/** The columns an events table shows (list and queues); `sortable` marks those the list sorts by. */
export function eventColumns(i18n: EventsI18n, sortable: boolean): TableColumnsType<EventSummary> {
  const { t, tx, lang } = i18n;
  const sorter = <K extends keyof EventSummary>(key: K) =>
    sortable
      ? (a: EventSummary, b: EventSummary) => String(a[key] ?? '').localeCompare(String(b[key] ?? ''))
      : undefined;
  return [
    {
      key: 'number',
      title: t('events.list.number'),
      width: 140,
      sorter: sorter('number'),
      render: (_, e) => <Link to={`/events/${e.id}`}>{e.number}</Link>,
    },
    { key: 'title', title: t('events.list.titleCol'), dataIndex: 'title', width: 200, ellipsis: true },
    {
      key: 'state',
      title: t('events.list.state'),
      width: 90,
      sorter: sorter('state'),
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
      sorter: sorter('categoryCode'),
      render: (_, e) => categoryLabel(e.categoryCode, lang),
    },
    {
      key: 'urgency',
      title: t('events.list.urgency'),
      width: 90,
      sorter: sorter('urgency'),
      render: (_, e) => enumLabel(tx, 'eventUrgency', e.urgency),
    },
    {
      key: 'createdAt',
      title: t('events.list.reported'),
      width: 140,
      sorter: sorter('createdAt'),
      render: (_, e) => formatDateTime(e.createdAt),
    },
    {
      key: 'dueAt',
      title: t('events.list.due'),
      width: 230,
      sorter: sorter('dueAt'),
      render: (_, e) => <DueBadge dueAt={e.dueAt} startedAt={e.updatedAt} overdue={e.overdue} />,
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
      <DueBadge key="d" dueAt={e.dueAt} startedAt={e.updatedAt} overdue={e.overdue} />,
    ],
  };
}
