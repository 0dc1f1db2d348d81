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
