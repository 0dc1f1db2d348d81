import { Breadcrumb, Card, Col, Empty, Row, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useClientConfig } from '../../../lib/client-config';
import { useSelectedArea } from '../../../lib/use-area';
import { useBoundaries } from '../api/get-boundaries';
import { useRegistrySummary } from '../api/get-summary';
import { AreaNavigator } from '../components/AreaNavigator';
import type { ColourBy } from '../components/map-option';
import { SummaryCards } from '../components/SummaryCards';

// Leaflet arrives in its own chunk while the summary and the navigator are already on screen.
const AreaMap = lazy(() => import('../components/AreaMap').then((m) => ({ default: m.AreaMap })));

const MAP_HEIGHT = 520;
const mapPlaceholder = (
  <div style={{ height: MAP_HEIGHT, display: 'grid', placeItems: 'center' }}>
    <Spin size="large" />
  </div>
);

const COLOUR_BY: Record<string, ColourBy> = {
  district: 'street',
  street: 'community',
  community: 'grid',
  grid: 'grid',
};

export function OverviewRoute() {
  const { t } = useI18n();
  const area = useSelectedArea();
  const node = area.node;
  // A grid is shown among its community's grids, highlighted.
  const isGrid = node?.level === 'grid';
  const mapCode = isGrid
    ? (area.path[area.path.length - 2]?.code ?? node?.code ?? null)
    : (node?.code ?? null);
  const boundaries = useBoundaries(mapCode);
  const summary = useRegistrySummary(area.code);
  const clientConfig = useClientConfig();

  if (area.error) return <ErrorAlert error={area.error} />;

  const heading = (key: 'overview.navigator' | 'overview.summary') => (
    <h2 style={{ margin: 0, fontSize: 14 }}>{t(key)}</h2>
  );

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, margin: '0 0 12px' }}>
        {t('overview.title')}
        {node && ` · ${node.name}`}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6} xxl={5}>
          <Card title={heading('overview.navigator')} size="small" styles={{ body: { padding: 12 } }}>
            {area.isPending ? (
              <Spin style={{ display: 'block', padding: 48 }} />
            ) : (
              <AreaNavigator
                roots={area.roots}
                index={area.index}
                selected={area.code}
                onSelect={area.setArea}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18} xxl={19}>
          <Card
            size="small"
            title={
              <Breadcrumb
                items={area.path.map((n, i) => ({
                  key: n.code,
                  title:
                    i < area.path.length - 1 ? (
                      <Typography.Link onClick={() => area.setArea(n.code)}>{n.name}</Typography.Link>
                    ) : (
                      <span data-testid="selected-area-name">
                        {n.name} <Tag style={{ marginInlineStart: 4 }}>{t(`level.${n.level}`)}</Tag>
                      </span>
                    ),
                }))}
              />
            }
            extra={<Typography.Text type="secondary">{t('overview.mapHint')}</Typography.Text>}
          >
            {boundaries.isError && (
              <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />
            )}
            {(boundaries.isPending || area.isPending || clientConfig.isPending) &&
              !boundaries.isError &&
              mapPlaceholder}
            {boundaries.data && mapCode && node && !clientConfig.isPending && (
              <Suspense fallback={mapPlaceholder}>
                <AreaMap
                  collection={boundaries.data}
                  index={area.index}
                  colourBy={COLOUR_BY[node.level] ?? 'grid'}
                  highlight={isGrid ? node.code : null}
                  onSelect={area.setArea}
                  basemap={clientConfig.data?.basemap ?? null}
                  areaName={area.path[area.path.length - (isGrid ? 2 : 1)]?.name ?? ''}
                  height={MAP_HEIGHT}
                />
              </Suspense>
            )}
            {!area.isPending && !node && <Empty />}
          </Card>
          <Card title={heading('overview.summary')} size="small" style={{ marginTop: 16 }}>
            {summary.isError ? (
              <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />
            ) : (
              <SummaryCards summary={summary.data} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
