import { useQueries } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { enumLabel } from '../../../i18n';
import { apiGet } from '../../../lib/api-client';
import { useClientConfig } from '../../../lib/client-config';
import { useSelectedArea } from '../../../lib/use-area';
import { useGridBoundaries } from '../api/get-boundaries';
import { type EventSummary, type EventView, eventKeys } from '../api/types';
import { useEventsI18n } from '../i18n';
import { STATE_COLOURS } from '../labels';

const PlaceMap = lazy(() => import('./PlaceMap'));

/**
 * The page's events on the map, coloured by state and clustered. The list API gives no points, so each event
 * of the page is read (a page is at most 50; the answers are cached for the event page).
 */
export function EventsMap({ items }: { items: EventSummary[] }) {
  const { t, tx } = useEventsI18n();
  const navigate = useNavigate();
  const config = useClientConfig();
  const area = useSelectedArea();
  // Communities for orientation when there are no tiles (a grid worker's area shows its grids).
  const boundaries = useGridBoundaries(
    area.code,
    area.node?.level === 'community' || area.node?.level === 'grid' ? 'grid' : 'community',
  );
  const details = useQueries({
    queries: items.map((e) => ({
      queryKey: eventKeys.one(e.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<EventView>(`/events/${e.id}`, undefined, signal),
      staleTime: 60_000,
    })),
  });
  const markers = details.flatMap((d) =>
    d.data
      ? [
          {
            id: d.data.id,
            lat: d.data.lat,
            lng: d.data.lng,
            colour: STATE_COLOURS[d.data.state] ?? '#595959',
            label: `${d.data.number} ${d.data.title} · ${enumLabel(tx, 'eventState', d.data.state)}`,
          },
        ]
      : [],
  );
  const states = [...new Set(items.map((e) => e.state))];
  return (
    <div data-testid="events-map">
      <Typography.Paragraph type="secondary">{t('events.list.mapNote')}</Typography.Paragraph>
      <Suspense fallback={<Spin style={{ display: 'block', padding: 48 }} />}>
        <PlaceMap
          grids={boundaries.data?.features ?? []}
          markers={markers}
          onMarker={(id) => navigate(`/events/${id}`)}
          basemap={config.data?.basemap ?? null}
          label={t('events.list.title')}
          height={480}
          testId="events-map-canvas"
        />
      </Suspense>
      <ul
        aria-label={t('events.list.state')}
        style={{ listStyle: 'none', padding: 0, display: 'flex', gap: 12, flexWrap: 'wrap' }}
      >
        {states.map((s) => (
          <li key={s}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 5,
                background: STATE_COLOURS[s],
                marginInlineEnd: 4,
              }}
            />
            {enumLabel(tx, 'eventState', s)}
          </li>
        ))}
      </ul>
    </div>
  );
}
