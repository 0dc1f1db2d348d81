import { Empty } from 'antd';
import { useCallback, useMemo } from 'react';
import { type Basemap, BoundaryMap } from '../../../components/map/BoundaryMap';
import { useI18n } from '../../../i18n';
import type { AreaIndex } from '../../../lib/areas/area-index';
import type { BoundaryCollection } from '../types';
import { type ColourBy, escapeHtml, fade, groupFeatures } from './map-option';

interface Props {
  collection: BoundaryCollection;
  index: AreaIndex | null;
  colourBy: ColourBy;
  highlight: string | null;
  onSelect: (code: string) => void;
  basemap: Basemap | null;
  /** The area shown, for the map's accessible name. */
  areaName: string;
  height?: number;
}

/** The grid map of the overview, coloured by street, community or grid, with the list of areas as its text. */
export function AreaMap({
  collection,
  index,
  colourBy,
  highlight,
  onSelect,
  basemap,
  areaName,
  height,
}: Props) {
  const { t } = useI18n();
  const { legend, byFeature } = useMemo(
    () => groupFeatures(collection.features, index, colourBy),
    [collection, index, colourBy],
  );
  const names = useMemo(
    () => new Map(collection.features.map((f) => [f.properties.code, f.properties.name])),
    [collection],
  );
  const styleOf = useCallback(
    (code: string) => {
      const base = byFeature.get(code) ?? '#5b8ff9';
      const selected = code === highlight;
      return { fill: highlight && !selected ? fade(base, 0.6) : base, selected };
    },
    [byFeature, highlight],
  );
  const labelOf = useCallback(
    (code: string, permanent: boolean) => {
      const name = escapeHtml(names.get(code) ?? code);
      if (permanent) return name;
      const parents = (index?.get(code)?.path.slice(1, -1) ?? []).map((n) => escapeHtml(n.name)).join(' · ');
      return `<b>${name}</b>${parents ? `<br/><small>${parents}</small>` : ''}`;
    },
    [index, names],
  );

  if (collection.features.length === 0)
    return <Empty description={t('overview.noBoundaries')} style={{ padding: 48 }} />;

  return (
    <div>
      <BoundaryMap
        features={collection.features}
        styleOf={styleOf}
        labelOf={labelOf}
        onSelectArea={onSelect}
        basemap={basemap}
        label={t('map.label', { area: areaName })}
        height={height}
      />
      <nav aria-label={t('map.areaList')} style={{ marginTop: 8 }}>
        <span style={{ color: '#595959', marginInlineEnd: 4 }}>{t(`overview.colouredBy.${colourBy}`)}</span>
        <ul style={{ display: 'inline', padding: 0, margin: 0 }}>
          {legend.slice(0, 60).map((g) => (
            <li key={g.code} style={{ display: 'inline-block', margin: '0 4px 4px 0' }}>
              <button type="button" className="area-map-legend" onClick={() => onSelect(g.code)}>
                <span aria-hidden="true" className="area-map-swatch" style={{ background: g.colour }} />
                {g.name}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
