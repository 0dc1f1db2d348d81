import { Alert, Button, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useClientConfig } from '../../../lib/client-config';
import { useSelectedArea } from '../../../lib/use-area';
import { useGridBoundaries } from '../api/get-boundaries';
import { useLocate } from '../api/locate';
import { useEventsI18n } from '../i18n';
import { type PickedRecord, RecordPicker } from './RecordPicker';

const PlaceMap = lazy(() => import('./PlaceMap'));

export interface Point {
  lat: number;
  lng: number;
}

interface Props {
  point: Point | null;
  onPoint: (point: Point) => void;
  addressId: number | undefined;
  onAddress: (id: number | undefined, record?: PickedRecord) => void;
  /** The server's or the form's complaint about the place. */
  error?: string | null;
}

/** Where the event is: a click on the map, an address from the registry, or the phone's location; the grid it is in. */
export function PlaceField({ point, onPoint, addressId, onAddress, error }: Props) {
  const { t } = useEventsI18n();
  const area = useSelectedArea();
  const config = useClientConfig();
  // A grid worker's or a community's grids; a street's or the district's communities (hundreds of grids otherwise).
  const fine = area.node?.level === 'grid' || area.node?.level === 'community';
  const grids = useGridBoundaries(area.code, fine ? 'grid' : 'community');
  const located = useLocate(point);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);

  const locateMe = () => {
    setGeoError(null);
    if (!('geolocation' in navigator)) {
      setGeoError(t('events.report.locationFailed', { reason: 'geolocation' }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onPoint({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      (err) => {
        setLocating(false);
        setGeoError(
          err.code === err.PERMISSION_DENIED
            ? t('events.report.locationRefused')
            : t('events.report.locationFailed', { reason: err.message || String(err.code) }),
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const outside = located.error instanceof ApiError && located.error.status < 500;
  const where = located.data
    ? [located.data.street.name, located.data.community.name, located.data.grid.name].join(' / ')
    : null;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Suspense fallback={<Spin style={{ display: 'block', padding: 48 }} />}>
        <PlaceMap
          grids={grids.data?.features ?? []}
          selectedGrid={located.data?.grid.code ?? null}
          point={point}
          onPoint={onPoint}
          basemap={config.data?.basemap ?? null}
          label={t('events.report.placeHint')}
          height={360}
        />
      </Suspense>
      <Space wrap>
        <Button onClick={locateMe} loading={locating} data-testid="use-location">
          {t('events.report.useLocation')}
        </Button>
        <Typography.Text type="secondary">{t('events.report.placeHint')}</Typography.Text>
      </Space>
      <div>
        <label htmlFor="event-address" style={{ display: 'block', marginBottom: 4 }}>
          {t('events.report.address')}
        </label>
        <RecordPicker
          id="event-address"
          resource="addresses"
          area={area.code}
          value={addressId}
          onChange={(id, record) => {
            onAddress(id, record);
            if (record?.lat !== undefined && record.lng !== undefined)
              onPoint({ lat: record.lat, lng: record.lng });
          }}
          testId="input-addressId"
        />
      </div>
      {geoError && <Alert type="warning" showIcon title={geoError} data-testid="location-error" />}
      {point && (
        <Typography.Text data-testid="chosen-point">
          {t('events.report.pointAt', { lat: point.lat.toFixed(6), lng: point.lng.toFixed(6) })}
          {' · '}
          {located.isFetching
            ? t('events.report.locating')
            : where
              ? t('events.report.inGrid', { path: where })
              : outside
                ? t('events.report.outside')
                : ''}
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" role="alert" data-testid="place-error">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}
