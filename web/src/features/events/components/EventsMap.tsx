import { Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { enumLabel } from '../../../i18n';
import { useClientConfig } from '../../../lib/client-config';
import { useSelectedArea } from '../../../lib/use-area';
import { useGridBoundaries } from '../api/get-boundaries';
import type { EventSummary } from '../api/types';
import { useEventsI18n } from '../i18n';
import { STATE_COLOURS } from '../labels';

const PlaceMap = lazy(() => import('./PlaceMap'));

/** The page's events on the map (a page of up to 100, each with its point), coloured by state and clustered. */
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
  const markers = items.map((e) => ({
    id: e.id,
    lat: e.lat,
    lng: e.lng,
    colour: STATE_COLOURS[e.state] ?? '#595959',
    label: `${e.number} ${e.title} · ${enumLabel(tx, 'eventState', e.state)}`,
  }));
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
