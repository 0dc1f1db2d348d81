import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AreaDirectory } from './directory';
import {
  AreaCodeParam,
  AreaDetail,
  AreaNode,
  BoundariesQuery,
  FeatureCollection,
  LocateQuery,
  LocateResult,
} from './schemas';
import { areaDetail, areaTree, boundaries, locate } from './service';

const tags = ['areas'];
/** Every area route reads areas, within the caller's scope. */
const readAreas = { policy: { resource: 'areas', action: 'read' } } as const;

export const areaRoutes: FastifyPluginAsyncTypebox<{ areas: AreaDirectory }> = async (app, { areas }) => {
  app.get(
    '/areas/tree',
    {
      config: readAreas,
      schema: {
        tags,
        summary: 'The area tree: district → street → community → grid',
        response: { 200: Type.Object({ roots: Type.Array(Type.Ref('AreaNode')) }) },
      },
    },
    async (req) => areaTree(areas, req.actor!.scope),
  );

  app.get(
    '/areas/locate',
    {
      config: readAreas,
      schema: {
        tags,
        summary: 'The grid, community and street containing a point',
        querystring: LocateQuery,
        response: { 200: LocateResult },
      },
    },
    async (req) => locate(areas, req.actor!.scope, req.query.lat, req.query.lng),
  );

  app.get(
    '/areas/:code',
    {
      config: readAreas,
      schema: {
        tags,
        summary: 'One area with its path from the district',
        params: AreaCodeParam,
        response: { 200: AreaDetail },
      },
    },
    async (req) => areaDetail(areas, req.actor!.scope, req.params.code),
  );

  app.get(
    '/areas/:code/boundaries',
    {
      config: readAreas,
      schema: {
        tags,
        summary: 'Boundaries of an area subtree as a GeoJSON FeatureCollection',
        params: AreaCodeParam,
        querystring: BoundariesQuery,
        response: { 200: FeatureCollection },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return boundaries(areas, req.actor!.scope, req.params.code, req.query.level);
    },
  );
};

export { AreaNode };
