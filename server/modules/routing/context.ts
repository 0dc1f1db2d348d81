import type { Orm } from '../../db/client';
import type { AreaDirectory } from '../areas';
import type { Actor } from '../auth';

export interface RoutingContext {
  orm: Orm;
  areas: AreaDirectory;
  actor: Actor;
  requestId: string;
}

export const districtOf = (ctx: RoutingContext) =>
  ctx.areas.byIdOrNull(ctx.actor.areaIds[0])?.districtId ?? 0;
