import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../../config';

const Basemap = Type.Object({
  /** Leaflet-style template: {z}/{x}/{y}, optionally {s} for a subdomain. */
  url: Type.String(),
  /** The tiles' datum: WGS84/CGCS2000 (天地图, OpenStreetMap) or GCJ-02 (高德, 腾讯): overlays are shifted to match. */
  coordinates: Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')]),
  attribution: Type.String(),
  maxZoom: Type.Integer(),
  subdomains: Type.String(),
});

export const ClientConfig = Type.Object({
  /** Running on the demo's generated keys and data: the app says so on every screen. */
  demo: Type.Boolean(),
  /** The configured tile service, or null: the map then shows the grid polygons alone. */
  basemap: Type.Union([Basemap, Type.Null()]),
});

/** What the web app needs to know about this installation before anyone signs in. Holds no secret. */
export const clientConfigRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const answer = {
    demo: config.piiKeys === undefined,
    basemap: config.mapTileUrl
      ? {
          url: config.mapTileUrl,
          coordinates: config.mapTileCoordinates,
          attribution: config.mapTileAttribution,
          maxZoom: config.mapTileMaxZoom,
          subdomains: config.mapTileSubdomains,
        }
      : null,
  };
  app.get(
    '/client-config',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Installation settings the web app needs: demo mode and the map tile service',
        response: { 200: ClientConfig },
      },
    },
    async () => answer,
  );
};
