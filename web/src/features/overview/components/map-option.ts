import type { AreaIndex } from '../../../lib/areas/area-index';
import { ancestorAt } from '../../../lib/areas/area-index';
import type { BoundaryFeature } from '../types';

export type ColourBy = 'street' | 'community' | 'grid';

export interface LegendEntry {
  code: string;
  name: string;
  colour: string;
}

const PALETTE = [
  '#5b8ff9',
  '#5ad8a6',
  '#f6bd16',
  '#e86452',
  '#6dc8ec',
  '#945fb9',
  '#ff9845',
  '#1e9493',
  '#ff99c3',
  '#7d8fb3',
  '#a0d911',
  '#d3adf7',
];

/** Mix a #rrggbb colour with white; used to fade the grids around a highlighted one. */
export function fade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix) as [number, number, number];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The group a grid is coloured by (its street, its community, or itself), in first-seen order. */
export function groupFeatures(features: BoundaryFeature[], index: AreaIndex | null, colourBy: ColourBy) {
  const legend: LegendEntry[] = [];
  const colourOf = new Map<string, string>();
  const byFeature = new Map<string, string>();
  for (const f of features) {
    const p = f.properties;
    let group: { code: string; name: string };
    if (colourBy === 'grid') group = p;
    else {
      const anc = index ? ancestorAt(index, p.code, colourBy) : null;
      group = anc ?? { code: p.parentCode ?? p.code, name: p.parentCode ?? p.name };
    }
    if (!colourOf.has(group.code)) {
      const colour = PALETTE[colourOf.size % PALETTE.length]!;
      colourOf.set(group.code, colour);
      legend.push({ code: group.code, name: group.name, colour });
    }
    byFeature.set(p.code, colourOf.get(group.code)!);
  }
  return { legend, byFeature };
}

interface MapOptionInput {
  mapName: string;
  features: BoundaryFeature[];
  index: AreaIndex | null;
  colourBy: ColourBy;
  highlight: string | null;
  /** Mean latitude, to keep the map's proportions right (1° of longitude is cos(lat) of 1° latitude). */
  latitude: number;
}

export function buildMapOption({ mapName, features, index, colourBy, highlight, latitude }: MapOptionInput) {
  const { legend, byFeature } = groupFeatures(features, index, colourBy);
  const names = new Map(features.map((f) => [f.properties.code, f.properties.name]));
  const showLabels = features.length <= 40;

  const data = features.map((f) => {
    const code = f.properties.code;
    const base = byFeature.get(code) ?? PALETTE[0]!;
    const isHighlight = code === highlight;
    return {
      name: code,
      itemStyle: {
        areaColor: highlight && !isHighlight ? fade(base, 0.6) : base,
        borderColor: isHighlight ? '#cf1322' : '#ffffff',
        borderWidth: isHighlight ? 3 : 1,
      },
      label: isHighlight ? { show: true, fontWeight: 'bold' as const } : undefined,
    };
  });

  const option = {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        const path =
          index
            ?.get(p.name)
            ?.path.slice(1, -1)
            .map((n) => n.name) ?? [];
        const title = `<b>${escapeHtml(names.get(p.name) ?? p.name)}</b>`;
        return [title, ...path.map(escapeHtml), `<span style="color:#8c8c8c">${p.name}</span>`].join('<br/>');
      },
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'code',
        roam: true,
        selectedMode: false,
        aspectScale: Math.cos((latitude * Math.PI) / 180),
        // Fill the box but keep the map's proportions, centred along the spare side.
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        preserveAspect: 'contain',
        label: {
          show: showLabels,
          fontSize: 11,
          color: '#262626',
          formatter: (p: { name: string }) => names.get(p.name) ?? p.name,
        },
        emphasis: {
          label: { show: true, fontWeight: 'bold' },
          itemStyle: { areaColor: '#ffd666', borderColor: '#fa8c16', borderWidth: 2 },
        },
        data,
      },
    ],
  };
  return { option, legend };
}

/** Middle latitude of the features' bounding box (23.1 for Huangpu when nothing is known). */
export function middleLatitude(features: BoundaryFeature[]): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[1] === 'number') {
      min = Math.min(min, c[1]);
      max = Math.max(max, c[1]);
    } else for (const inner of c) walk(inner);
  };
  for (const f of features) walk(f.geometry.coordinates);
  return Number.isFinite(min) ? (min + max) / 2 : 23.1;
}
