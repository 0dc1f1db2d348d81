import 'leaflet/dist/leaflet.css';
import '../../../components/map/map.css';
import {
  circleMarker,
  geoJSON,
  type LatLngExpression,
  type LayerGroup,
  type Map as LeafletMap,
  layerGroup,
  map as leafletMap,
  tileLayer,
} from 'leaflet';
import { useEffect, useRef } from 'react';
import { gcj02ToWgs84, type LngLat, mapPolygon, wgs84ToGcj02 } from '../../../../../core/geo/gcj02';
import type { ClientConfig } from '../../../lib/client-config';
import type { GridFeature } from '../api/get-boundaries';

export interface MapMarker {
  id: number;
  lat: number;
  lng: number;
  colour: string;
  label: string;
}

export interface PlaceMapProps {
  grids: GridFeature[];
  /** The grid drawn with a strong outline (where the point falls). */
  selectedGrid?: string | null;
  /** The chosen point (WGS84). */
  point?: { lat: number; lng: number } | null;
  markers?: MapMarker[];
  onPoint?: (point: { lat: number; lng: number }) => void;
  onMarker?: (id: number) => void;
  basemap: NonNullable<ClientConfig['basemap']> | null;
  label: string;
  height?: number;
  testId?: string;
}

/** Markers closer than this many pixels are drawn as one numbered circle (a click zooms into them). */
const CLUSTER_PX = 36;

/**
 * Grids, a chosen point and event markers with Leaflet (SVG, no marker images). Data is WGS84; over GCJ-02 tiles
 * everything is shifted for drawing and clicks are shifted back, as the overview's map does.
 */
export default function PlaceMap(props: PlaceMapProps) {
  const { basemap, height = 360, label, testId = 'place-map' } = props;
  const element = useRef<HTMLElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const layers = useRef<{ grids: LayerGroup; points: LayerGroup } | null>(null);
  // The grids last fitted to: a new selection restyles them without moving the map.
  const fitted = useRef<GridFeature[] | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const gcj = basemap?.coordinates === 'gcj02';
  const shown = (lat: number, lng: number): LatLngExpression => {
    const [x, y] = gcj ? wgs84ToGcj02([lng, lat]) : [lng, lat];
    return [y, x];
  };

  useEffect(() => {
    if (!element.current) return;
    const map = leafletMap(element.current, {
      zoomSnap: 0.25,
      attributionControl: basemap !== null,
      maxZoom: 19,
    });
    map.attributionControl?.setPrefix('Leaflet');
    if (basemap)
      tileLayer(basemap.url, {
        attribution: basemap.attribution,
        maxZoom: basemap.maxZoom,
        subdomains: basemap.subdomains || 'abc',
      }).addTo(map);
    map.on('click', (e) => {
      const at: LngLat = [e.latlng.lng, e.latlng.lat];
      const [lng, lat] = gcj ? gcj02ToWgs84(at) : at;
      latest.current.onPoint?.({ lat, lng });
    });
    layers.current = { grids: layerGroup().addTo(map), points: layerGroup().addTo(map) };
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      layers.current = null;
      fitted.current = null;
    };
  }, [basemap, gcj]);

  // Grid boundaries, fitted to when they change (restyled when the selected grid changes).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the data to redraw on; the rest is read from `latest`
  useEffect(() => {
    const map = mapRef.current;
    const group = layers.current?.grids;
    if (!map || !group) return;
    group.clearLayers();
    if (props.grids.length === 0) return;
    const features = gcj
      ? props.grids.map((f) => ({
          ...f,
          geometry: { ...f.geometry, coordinates: mapPolygon(f.geometry.coordinates as never, wgs84ToGcj02) },
        }))
      : props.grids;
    const layer = geoJSON(features as GridFeature[], {
      style: (f) => {
        const selected = f?.properties.code === latest.current.selectedGrid;
        return {
          color: selected ? '#cf1322' : '#1f5fbf',
          weight: selected ? 3 : 1,
          fillColor: '#1f5fbf',
          fillOpacity: basemap ? 0.08 : 0.12,
        };
      },
      onEachFeature: (f: GridFeature, path) => {
        path.bindTooltip(f.properties.name, { sticky: true });
      },
    }).addTo(group);
    // Boundaries that arrive after the markers stay under them (one SVG: later paths are drawn on top).
    layer.bringToBack();
    if (fitted.current !== props.grids && !latest.current.markers?.length) {
      fitted.current = props.grids;
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    }
  }, [props.grids, props.selectedGrid, gcj, basemap]);

  // The chosen point and the event markers, clustered at the current zoom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the data to redraw on; `shown` follows gcj
  useEffect(() => {
    const map = mapRef.current;
    const group = layers.current?.points;
    if (!map || !group) return;
    const draw = () => {
      group.clearLayers();
      const { point, markers = [] } = latest.current;
      if (point) {
        circleMarker(shown(point.lat, point.lng), {
          radius: 9,
          color: '#fff',
          weight: 3,
          fillColor: '#cf1322',
          fillOpacity: 1,
          className: 'chosen-point',
        }).addTo(group);
      }
      for (const cluster of clusters(map, markers, shown)) {
        const [first] = cluster;
        if (!first) continue;
        const at = shown(first.lat, first.lng);
        const one = cluster.length === 1;
        const marker = circleMarker(at, {
          radius: one ? 8 : 12 + Math.min(8, cluster.length),
          color: '#fff',
          weight: 2,
          fillColor: one ? first.colour : '#1f5fbf',
          fillOpacity: 0.9,
          className: one ? 'event-marker' : 'event-cluster',
        }).addTo(group);
        marker.bindTooltip(one ? first.label : String(cluster.length), {
          permanent: !one,
          direction: 'center',
          className: one ? undefined : 'area-map-label',
        });
        marker.on('click', () => {
          if (one) latest.current.onMarker?.(first.id);
          else map.setView(at, Math.min(map.getZoom() + 2, map.getMaxZoom()));
        });
      }
    };
    const { point, markers = [] } = latest.current;
    if (point) {
      const at = shown(point.lat, point.lng);
      if (!hasView(map)) map.setView(at, 16);
      else if (!map.getBounds().contains(at)) map.setView(at, Math.max(map.getZoom(), 16));
    } else if (markers.length > 0) {
      map.fitBounds(markers.map((m) => shown(m.lat, m.lng)) as [number, number][], {
        padding: [24, 24],
        maxZoom: 17,
      });
    }
    if (hasView(map)) draw();
    map.on('zoomend', draw);
    return () => {
      map.off('zoomend', draw);
    };
  }, [props.point, props.markers, gcj]);

  return (
    <section
      ref={element}
      aria-label={label}
      data-testid={testId}
      style={{
        width: '100%',
        height: `clamp(240px, 80vw, ${height}px)`,
        background: basemap ? '#f2efe9' : '#fafcff',
        borderRadius: 6,
        cursor: props.onPoint ? 'crosshair' : undefined,
      }}
    />
  );
}

/** Whether the map has a centre and zoom yet (Leaflet throws on any position question before that). */
function hasView(map: LeafletMap): boolean {
  try {
    map.getCenter();
    return true;
  } catch {
    return false;
  }
}

/** Greedy clustering in screen pixels: each marker joins the first cluster within CLUSTER_PX of its seed. */
function clusters(
  map: LeafletMap,
  markers: MapMarker[],
  shown: (lat: number, lng: number) => LatLngExpression,
): MapMarker[][] {
  const out: { x: number; y: number; items: MapMarker[] }[] = [];
  for (const m of markers) {
    const p = map.latLngToLayerPoint(shown(m.lat, m.lng));
    const near = out.find((c) => Math.abs(c.x - p.x) < CLUSTER_PX && Math.abs(c.y - p.y) < CLUSTER_PX);
    if (near) near.items.push(m);
    else out.push({ x: p.x, y: p.y, items: [m] });
  }
  return out.map((c) => c.items);
}
