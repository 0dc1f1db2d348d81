import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app';

type Node = { code: string; level: string; name: string; children: Node[] };

describe('areas API', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let district: Node;
  let token = '';
  const get = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('centre001');
    district = (await get('/api/v1/areas/tree')).json().roots[0];
  });
  afterAll(() => t.close());

  it('answers /healthz when the database answers', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the tree district → street → community → grid with 15-digit codes', () => {
    expect(district.level).toBe('district');
    const streets = district.children;
    const communities = streets.flatMap((s) => s.children);
    const grids = communities.flatMap((c) => c.children);
    expect(streets.length).toBeGreaterThanOrEqual(2);
    expect(grids.length).toBeGreaterThanOrEqual(communities.length);
    for (const g of grids) {
      expect(g.level).toBe('grid');
      expect(g.code).toMatch(/^\d{15}$/);
      expect(g.code.slice(0, 12)).toBe(communities.find((c) => c.children.includes(g))!.code.slice(0, 12));
    }
  });

  it('returns a subtree as an RFC 7946 FeatureCollection at the asked level', async () => {
    const street = district.children[0]!;
    const res = await get(`/api/v1/areas/${street.code}/boundaries?level=grid`);
    expect(res.statusCode).toBe(200);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    const expected = street.children
      .flatMap((c) => c.children)
      .map((g) => g.code)
      .sort();
    expect(fc.features.map((f: { id: string }) => f.id).sort()).toEqual(expected);
    const ring = fc.features[0].geometry.coordinates[0];
    expect(ring[0]).toEqual(ring.at(-1));
    expect(
      (await get(`/api/v1/areas/${district.code}/boundaries?level=street`)).json().features,
    ).toHaveLength(district.children.length);
  });

  it('refuses a level above the area, unknown codes and malformed codes', async () => {
    const grid = district.children[0]!.children[0]!.children[0]!;
    expect((await get(`/api/v1/areas/${grid.code}/boundaries?level=street`)).statusCode).toBe(422);
    expect((await get('/api/v1/areas/440112999999999/boundaries')).statusCode).toBe(404);
    const bad = await get('/api/v1/areas/4401/boundaries');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('code');
    expect((await get(`/api/v1/areas/${grid.code}/boundaries?level=planet`)).statusCode).toBe(400);
  });

  it('locates a point in its grid, community and street', async () => {
    const grid = district.children[1]!.children[0]!.children[0]!;
    const detail = (await get(`/api/v1/areas/${grid.code}`)).json();
    expect(detail.path.map((p: { code: string }) => p.code)).toEqual([
      district.code,
      district.children[1]!.code,
      district.children[1]!.children[0]!.code,
      grid.code,
    ]);
    const res = await get(`/api/v1/areas/locate?lat=${detail.centroid.lat}&lng=${detail.centroid.lng}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().grid.code).toBe(grid.code);
    expect(res.json().street.code).toBe(district.children[1]!.code);
  });

  it('answers 422 outside the district and 400 for impossible or missing coordinates', async () => {
    const outside = await get('/api/v1/areas/locate?lat=0&lng=0');
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('outside_district');
    expect((await get('/api/v1/areas/locate?lat=91&lng=113')).statusCode).toBe(400);
    expect((await get('/api/v1/areas/locate?lat=abc&lng=113')).statusCode).toBe(400);
    expect((await get('/api/v1/areas/locate?lat=23.1')).statusCode).toBe(400);
  });

  it('publishes OpenAPI 3 at /docs; /metrics is not public on the API port', async () => {
    const spec = (await get('/docs/json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/v1/registry/residents');
    // Without METRICS_TOKEN or METRICS_PORT (tests/api/auth-metrics.test.ts covers both).
    const metrics = await get('/metrics');
    expect(metrics.statusCode).toBe(404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('no_route');
  });
});
