import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startTestApp } from '../support/test-app';

describe('GET /api/v1/client-config (public installation settings)', () => {
  it('answers without a session: demo mode on the demo keys, no basemap unless one is configured', async () => {
    const t = await startTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/client-config' });
    await t.close();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ demo: true, basemap: null });
  });

  it('names the configured tile service and its datum', async () => {
    const map = loadConfig({
      MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
      MAP_TILE_SUBDOMAINS: '01234567',
      MAP_TILE_ATTRIBUTION: '天地图',
    });
    const t = await startTestApp({
      mapTileUrl: map.mapTileUrl,
      mapTileSubdomains: map.mapTileSubdomains,
      mapTileAttribution: map.mapTileAttribution,
    });
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/client-config' })).json();
    await t.close();
    expect(body.basemap).toMatchObject({ coordinates: 'wgs84', subdomains: '01234567', maxZoom: 18 });
    expect(body.basemap.url).toContain('{z}');
  });

  it('refuses a tile template without {z} or a datum it does not know, at start-up', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example/static.png' })).toThrow(/mapTileUrl/);
    expect(() =>
      loadConfig({ MAP_TILE_URL: 'https://t.example/{z}/{x}/{y}.png', MAP_TILE_COORDINATES: 'bd09' }),
    ).toThrow(/mapTileCoordinates/);
  });
});
