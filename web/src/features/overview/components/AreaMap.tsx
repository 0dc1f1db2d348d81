import { Empty, Space, Tag } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../../i18n';
import type { AreaIndex } from '../../../lib/areas/area-index';
import type { BoundaryCollection } from '../types';
import { echarts, type GeoJsonInput } from './echarts';
import { buildMapOption, type ColourBy, middleLatitude } from './map-option';

interface Props {
  /** Code of the area whose grids are drawn (names the registered map). */
  code: string;
  collection: BoundaryCollection;
  index: AreaIndex | null;
  colourBy: ColourBy;
  highlight: string | null;
  onSelect: (code: string) => void;
  height?: number;
}

/** Offline grid map: the API's GeoJSON registered as an ECharts map, no tiles or network. */
export function AreaMap({ code, collection, index, colourBy, highlight, onSelect, height = 520 }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const mapName = `grids-${code}`;

  const built = useMemo(
    () =>
      buildMapOption({
        mapName,
        features: collection.features,
        index,
        colourBy,
        highlight,
        latitude: middleLatitude(collection.features),
      }),
    [mapName, collection, index, colourBy, highlight],
  );
  const empty = collection.features.length === 0;

  useEffect(() => {
    if (empty || !ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      if (typeof p.name === 'string' && p.name) onSelectRef.current(p.name);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [empty]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || empty) return;
    echarts.registerMap(mapName, collection as unknown as GeoJsonInput);
    chart.setOption(built.option, { notMerge: true });
  }, [empty, mapName, collection, built]);

  if (empty) return <Empty description={t('overview.noBoundaries')} style={{ padding: 48 }} />;

  return (
    <div>
      <div ref={ref} style={{ width: '100%', height }} data-testid="area-map" />
      <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
        <span style={{ color: '#8c8c8c', marginRight: 4 }}>{t(`overview.colouredBy.${colourBy}`)}</span>
        {built.legend.slice(0, 40).map((g) => (
          <Tag key={g.code} style={{ cursor: 'pointer' }} onClick={() => onSelect(g.code)}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                marginInlineEnd: 6,
                borderRadius: 2,
                background: g.colour,
              }}
            />
            {g.name}
          </Tag>
        ))}
      </Space>
    </div>
  );
}
