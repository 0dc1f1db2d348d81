import 'leaflet/dist/leaflet.css';
import './map.css';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  type GeoJSON,
  geoJSON,
  type Map as LeafletMap,
  type LeafletMouseEvent,
  map as leafletMap,
  type Path,
  tileLayer,
} from 'leaflet';
import { useEffect, useRef } from 'react';
import { gcj02ToWgs84, type LngLat, mapPolygon, wgs84ToGcj02 } from '../../../../core/geo/gcj02';
import type { ClientConfig } from '../../lib/client-config';

export type Basemap = NonNullable<ClientConfig['basemap']>;
export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

export interface AreaStyle {
  fill: string;
  /** The selected area: drawn on top with a strong outline. */
  selected?: boolean;
}

export interface BoundaryMapProps {
  /** Polygons in WGS84, as the boundaries API gives them. */
  features: AreaFeature[];
  styleOf: (code: string) => AreaStyle;
  /** HTML shown on hover (escape names!), or, short, permanently on each area when there is room. */
  labelOf: (code: string, permanent: boolean) => string;
  onSelectArea?: (code: string) => void;
  /** Any click on the map, in WGS84 [lng, lat] whatever the tiles' datum (e.g. to place a point). */
  onPoint?: (point: [number, number]) => void;
  /** A tile service under the polygons; without one no tile is requested at all. */
  basemap: Basemap | null;
  /** Names the map for screen readers; the area list beside it is the text alternative. */
  label: string;
  height?: number;
}

/** Few enough areas to name each on the map (fewer on a phone's narrow map); more would overlap. */
const labelsFit = (areas: number, width: number) => areas <= (width >= 600 ? 40 : 8);

/**
 * Areas drawn with Leaflet (SVG paths), over an optional basemap. Our data is WGS84; GCJ-02 tiles (高德, 腾讯) are
 * shifted by a few hundred metres, so polygons are converted to GCJ-02 for drawing and clicks back to WGS84.
 */
export function BoundaryMap(props: BoundaryMapProps) {
  const { features, basemap, height = 520, label } = props;
  const element = useRef<HTMLElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const layerRef = useRef<GeoJSON | null>(null);
  // Handlers change every render; the map keeps calling the latest.
  const latest = useRef(props);
  latest.current = props;
  const gcj = basemap?.coordinates === 'gcj02';

  useEffect(() => {
    if (!element.current) return;
    const map = leafletMap(element.current, {
      zoomSnap: 0.25,
      attributionControl: basemap !== null,
      maxZoom: basemap?.maxZoom ?? 18,
    });
    // The library's name without its link and flag; the tile service's own attribution follows it.
    map.attributionControl?.setPrefix('Leaflet');
    if (basemap)
      tileLayer(basemap.url, {
        attribution: basemap.attribution,
        maxZoom: basemap.maxZoom,
        subdomains: basemap.subdomains || 'abc',
      }).addTo(map);
    map.on('click', (e: LeafletMouseEvent) => {
      const shown: LngLat = [e.latlng.lng, e.latlng.lat];
      const point = gcj ? gcj02ToWgs84(shown) : [shown[0], shown[1]];
      element.current?.setAttribute('data-point', point.map((n) => n.toFixed(7)).join(','));
      latest.current.onPoint?.(point as [number, number]);
    });
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, [basemap, gcj]);

  // Polygons: redrawn when the areas change, fitted to them.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    layerRef.current?.remove();
    const shown = gcj
      ? features.map((f) => ({
          ...f,
          geometry: { ...f.geometry, coordinates: mapPolygon(f.geometry.coordinates as never, wgs84ToGcj02) },
        }))
      : features;
    const permanent = labelsFit(features.length, map.getSize().x);
    const layer = geoJSON(shown as AreaFeature[], {
      onEachFeature: (feature: AreaFeature, path) => {
        const code = feature.properties.code;
        path.bindTooltip(latest.current.labelOf(code, permanent), {
          permanent,
          sticky: !permanent,
          direction: permanent ? 'center' : 'auto',
          className: permanent ? 'area-map-label' : undefined,
        });
        path.on('click', () => latest.current.onSelectArea?.(code));
        (path as Path).on('add', () => {
          const el = (path as Path).getElement();
          el?.setAttribute('data-code', code);
        });
      },
    }).addTo(map);
    layerRef.current = layer;
    if (features.length) map.fitBounds(layer.getBounds(), { padding: [8, 8] });
  }, [features, gcj]);

  // Styles: the selected area outlined in red on top, the others faded around it.
  useEffect(() => {
    layerRef.current?.eachLayer((layer) => {
      const path = layer as Path & { feature?: AreaFeature };
      const code = path.feature?.properties.code;
      if (!code) return;
      const { fill, selected } = latest.current.styleOf(code);
      path.setStyle({
        fillColor: fill,
        fillOpacity: basemap ? 0.45 : 0.85,
        color: selected ? '#cf1322' : '#ffffff',
        weight: selected ? 3 : 1,
      });
      path.getElement()?.setAttribute('data-selected', selected ? 'true' : 'false');
      if (selected) path.bringToFront();
    });
  });

  return (
    <section
      ref={element}
      aria-label={label}
      data-testid="area-map"
      data-datum={basemap?.coordinates ?? 'none'}
      // Square-ish on a phone (the areas fill its width), `height` on wider screens.
      style={{
        width: '100%',
        height: `clamp(260px, 90vw, ${height}px)`,
        background: basemap ? '#f2efe9' : '#fafcff',
        borderRadius: 6,
      }}
    />
  );
}
