import { Alert } from 'antd';
import { Link } from 'react-router';
import { useDuplicates } from '../api/get-duplicates';
import { useEventsI18n } from '../i18n';
import { StateTag } from './StateTag';

/** Before sending: the same problem may already be on record nearby; each is a link to its event. */
export function DuplicateOffer({
  category,
  point,
}: {
  category: string | undefined;
  point: { lat: number; lng: number } | null;
}) {
  const { t } = useEventsI18n();
  const found = useDuplicates(category, point);
  const items = found.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="duplicates"
      title={t('events.report.duplicates', { n: items.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map(({ event, distanceM, ageHours }) => (
            <li key={event.id} style={{ marginBottom: 4 }}>
              <Link to={`/events/${event.id}`} target="_blank" rel="noopener">
                {event.number} {event.title}
              </Link>{' '}
              <StateTag state={event.state} />{' '}
              {t('events.report.duplicateWhere', { m: Math.round(distanceM), h: Math.round(ageHours) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}

interface Merged {
  id: number;
  number: string;
  title: string;
  mergedAt: string;
  mergedBy: string | null;
  reporter: { accountName: string | null; name: string | null } | null;
}

/** On the event's timeline: the duplicates merged into it, each with its reporter, linking to its own history. */
export function MergedDuplicates({ items }: { items: readonly Merged[] }) {
  const { lang } = useEventsI18n();
  if (items.length === 0) return null;
  const en = lang === 'en';
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid="merged-duplicates"
      title={en ? `Merged into this event: ${items.length}` : `已合并到本事件的重复事件（${items.length}）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((m) => {
            const reporter = m.reporter?.name ?? m.reporter?.accountName ?? (en ? 'anonymous' : '匿名');
            return (
              <li key={m.id}>
                <Link to={`/events/${m.id}`}>{m.number}</Link> {m.title} ·{' '}
                {en ? `reported by ${reporter}` : `上报人：${reporter}`} ·{' '}
                {new Date(m.mergedAt).toLocaleString(lang)}
                {m.mergedBy ? `${en ? ' · merged by ' : ' · 合并人：'}${m.mergedBy}` : ''}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}
