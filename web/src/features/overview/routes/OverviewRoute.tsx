import { Breadcrumb, Card, Col, Empty, Row, Spin, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { useSelectedArea } from '../../../lib/use-area';
import { useBoundaries } from '../api/get-boundaries';
import { useRegistrySummary } from '../api/get-summary';
import { AreaMap } from '../components/AreaMap';
import { AreaNavigator } from '../components/AreaNavigator';
import type { ColourBy } from '../components/map-option';
import { SummaryCards } from '../components/SummaryCards';

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

  if (area.error) return <ErrorAlert error={area.error} />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xl={6} xxl={5}>
        <Card title={t('overview.navigator')} size="small" styles={{ body: { padding: 12 } }}>
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
          {boundaries.isError && <ErrorAlert error={boundaries.error} onRetry={() => boundaries.refetch()} />}
          {(boundaries.isPending || area.isPending) && !boundaries.isError && (
            <div style={{ height: 520, display: 'grid', placeItems: 'center' }}>
              <Spin size="large" />
            </div>
          )}
          {boundaries.data && mapCode && node && (
            <AreaMap
              code={mapCode}
              collection={boundaries.data}
              index={area.index}
              colourBy={COLOUR_BY[node.level] ?? 'grid'}
              highlight={isGrid ? node.code : null}
              onSelect={area.setArea}
            />
          )}
          {!area.isPending && !node && <Empty />}
        </Card>
        <Card title={t('overview.summary')} size="small" style={{ marginTop: 16 }}>
          {summary.isError ? (
            <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />
          ) : (
            <SummaryCards summary={summary.data} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
