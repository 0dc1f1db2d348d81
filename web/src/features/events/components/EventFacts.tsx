import { Descriptions, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { enumLabel } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { EventView } from '../api/types';
import { useEventsI18n } from '../i18n';
import { categoryLabel } from '../labels';
import { DueBadge } from './DueBadge';
import { StateTag } from './StateTag';

const LINKS = [
  ['addressId', 'addresses', 'field.address'],
  ['houseId', 'houses', 'events.report.house'],
  ['residentId', 'residents', 'events.report.resident'],
  ['enterpriseId', 'enterprises', 'events.report.enterprise'],
] as const;

/** The event's facts: what, where, who reported it, its state, level and deadline, linked records. */
export function EventFacts({ event }: { event: EventView }) {
  const { t, tx, lang } = useEventsI18n();
  const links = LINKS.filter(([key]) => event.links[key] !== null);
  const reporter = event.reporter;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="event-facts"
      items={[
        { key: 'state', label: t('events.list.state'), children: <StateTag state={event.state} /> },
        { key: 'level', label: t('events.list.level'), children: enumLabel(tx, 'eventLevel', event.level) },
        { key: 'kind', label: t('events.list.kind'), children: enumLabel(tx, 'eventKind', event.kind) },
        {
          key: 'category',
          label: t('events.list.category'),
          children: categoryLabel(event.categoryCode, lang),
        },
        {
          key: 'urgency',
          label: t('events.list.urgency'),
          children: enumLabel(tx, 'eventUrgency', event.urgency),
        },
        {
          key: 'source',
          label: t('events.report.source'),
          children: enumLabel(tx, 'eventSource', event.source),
        },
        {
          key: 'due',
          label: t('events.list.due'),
          children: <DueBadge dueAt={event.dueAt} warnAt={event.warnAt} overdue={event.overdue} />,
        },
        { key: 'reported', label: t('events.list.reported'), children: formatDateTime(event.createdAt) },
        {
          key: 'reporter',
          label: t('events.page.reporter'),
          children: reporter
            ? [reporter.accountName, reporter.name, reporter.phoneMasked].filter(Boolean).join(' · ') || '—'
            : t('events.page.anonymous'),
        },
        { key: 'address', label: t('events.report.addressText'), children: event.addressText ?? '—' },
        ...(event.extensionUntil
          ? [
              {
                key: 'extension',
                label: t('events.page.extensionUntil'),
                children: formatDateTime(event.extensionUntil),
              },
            ]
          : []),
        ...(event.rating !== null
          ? [{ key: 'rating', label: t('events.page.rating'), children: `${event.rating} / 5` }]
          : []),
        ...(links.length > 0
          ? [
              {
                key: 'links',
                label: t('events.page.links'),
                span: 'filled' as const,
                children: links.map(([key, resource, label]) => (
                  <Link key={key} to={`/${resource}/${event.links[key]}`} style={{ marginInlineEnd: 12 }}>
                    {t(label)} #{event.links[key]}
                  </Link>
                )),
              },
            ]
          : []),
        {
          key: 'description',
          label: t('events.report.description'),
          span: 'filled' as const,
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {event.description || '—'}
              {event.closedByFinder && (
                <Tag style={{ marginInlineStart: 8 }}>{t('events.page.closedByFinder')}</Tag>
              )}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}
