import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, mapPolygon, outOfChina, wgs84ToGcj02 } from './gcj02';

/** Published reference points of the algorithm (eviltransform's tests): WGS84 → GCJ-02, [lng, lat]. */
const REFERENCE: [string, [number, number], [number, number]][] = [
  ['Shanghai', [121.5272106, 31.1774276], [121.531541859215, 31.17530398364597]],
  ['Shenzhen', [113.912316, 22.543847], [113.9171764808363, 22.540796131694766]],
  ['Beijing', [116.377817, 39.911954], [116.38404722455657, 39.91334545536069]],
];

/** Metres between two nearby positions (equirectangular; exact enough below a few km). */
const metres = (a: readonly number[], b: readonly number[]) => {
  const k = (Math.PI / 180) * 6_371_000;
  const dx = (a[0]! - b[0]!) * k * Math.cos((a[1]! * Math.PI) / 180);
  return Math.hypot(dx, (a[1]! - b[1]!) * k);
};

describe('WGS84 ↔ GCJ-02', () => {
  it.each(REFERENCE)('matches the reference point in %s', (_city, wgs, gcj) => {
    const [lng, lat] = wgs84ToGcj02(wgs);
    expect(lng).toBeCloseTo(gcj[0], 9);
    expect(lat).toBeCloseTo(gcj[1], 9);
  });

  it.each(REFERENCE)('goes back from GCJ-02 to within a millimetre in %s', (_city, wgs, gcj) => {
    expect(metres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.001);
  });

  it('shifts Huangpu (Guangzhou) by a few hundred metres, mostly east and south', () => {
    const wgs = [113.459, 23.106] as const;
    const gcj = wgs84ToGcj02(wgs);
    expect(metres(wgs, gcj)).toBeGreaterThan(300);
    expect(metres(wgs, gcj)).toBeLessThan(700);
    expect(gcj[0]).toBeGreaterThan(wgs[0]);
    expect(gcj[1]).toBeLessThan(wgs[1]);
  });

  it('leaves positions outside China alone, both ways', () => {
    for (const p of [
      [-0.1276, 51.5072],
      [151.2093, -33.8688],
      [139.6917, 35.6895 + 30],
    ] as const) {
      expect(outOfChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual([p[0], p[1]]);
      expect(gcj02ToWgs84(p)).toEqual([p[0], p[1]]);
    }
  });

  it('converts every position of a polygon and a multipolygon, keeping their shape', () => {
    const ring = [
      [113.45, 23.1],
      [113.46, 23.1],
      [113.46, 23.11],
      [113.45, 23.1],
    ] as [number, number][];
    const polygon = mapPolygon([ring], wgs84ToGcj02);
    expect(polygon[0]).toHaveLength(4);
    expect(polygon[0]![1]).toEqual(wgs84ToGcj02([113.46, 23.1]));
    const multi = mapPolygon([[ring], [ring]], wgs84ToGcj02);
    expect(multi[1]![0]![2]).toEqual(wgs84ToGcj02([113.46, 23.11]));
    expect(ring[1]).toEqual([113.46, 23.1]); // the input is not changed
  });
});
