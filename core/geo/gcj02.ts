/**
 * WGS84 ↔ GCJ-02, the datum China's own map services (高德, 腾讯) publish their tiles in: a deliberate, smooth shift
 * of a few hundred metres. Our boundaries and points are WGS84 (CGCS2000, 天地图's datum, differs from WGS84 by
 * centimetres: no conversion). Positions are GeoJSON order, [longitude, latitude].
 */
export type LngLat = readonly [number, number];

/** Krasovsky 1940, the ellipsoid the published algorithm uses. */
const A = 6378245.0;
const EE = 0.006_693_421_622_965_943;

/** Outside this box the shift is not applied (the tiles abroad are not shifted either). */
export function outOfChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function shiftLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The shift (degrees) GCJ-02 adds at a WGS84 position. */
function delta([lng, lat]: LngLat): [number, number] {
  const x = lng - 105;
  const y = lat - 35;
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(x, y) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(x, y) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02(p: LngLat): [number, number] {
  if (outOfChina(p)) return [p[0], p[1]];
  const [dLng, dLat] = delta(p);
  return [p[0] + dLng, p[1] + dLat];
}

/** The inverse has no closed form: refine a guess until its forward image lands on `p` (≈1 mm in a few steps). */
export function gcj02ToWgs84(p: LngLat): [number, number] {
  if (outOfChina(p)) return [p[0], p[1]];
  let guess: [number, number] = [p[0], p[1]];
  for (let i = 0; i < 30; i++) {
    const [lng, lat] = wgs84ToGcj02(guess);
    const eLng = p[0] - lng;
    const eLat = p[1] - lat;
    guess = [guess[0] + eLng, guess[1] + eLat];
    if (Math.abs(eLng) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return guess;
}

type Ring = LngLat[];
export type PolygonCoordinates = Ring[];
export type MultiPolygonCoordinates = Ring[][];

/** Every position of a Polygon's or MultiPolygon's coordinates, converted by `convert`. */
export function mapPolygon<T extends PolygonCoordinates | MultiPolygonCoordinates>(
  coordinates: T,
  convert: (p: LngLat) => [number, number],
): T {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number'
      ? convert(c as unknown as LngLat)
      : (c as unknown[]).map(walk);
  return walk(coordinates) as T;
}
