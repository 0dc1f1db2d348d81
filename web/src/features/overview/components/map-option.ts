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
