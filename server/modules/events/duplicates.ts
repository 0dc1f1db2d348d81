import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { events } from '../../db/schema';
import type { EventContext } from './context';
import { reach } from './policies';
import { presentSummary } from './presenter';
import { EventSummary } from './views';

/** Offered as a duplicate when reporting: same category, still being worked, within this distance and age. */
export const DUPLICATE_RADIUS_M = 50;
export const DUPLICATE_WINDOW_DAYS = 7;
const STILL_WORKED = ['reported', 'in_progress', 'handled', 'verified', 'shelved'] as const;
const EARTH_M = 6_371_008.8;
const DAY = 86_400_000;

export const DuplicatesQuery = Type.Object(
  {
    category: Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2})?$', description: "Catalogue code, e.g. '11'" }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

export const DuplicateList = Type.Object({
  items: Type.Array(
    Type.Object({
      event: EventSummary,
      distanceM: Type.Number({ description: 'Metres from the given point' }),
      ageHours: Type.Number({ description: 'Hours since it was reported' }),
    }),
  ),
});

const rad = (deg: number) => (deg * Math.PI) / 180;
/** Great-circle distance (haversine), exact enough at 50 m. */
export function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number) {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(a));
}

/**
 * Events in the caller's reach that may be the one being reported: a bounding box over lat/lon in SQL (the
 * partial index events_open_place_idx), then the exact distance here, nearest first.
 */
export async function findDuplicates(ctx: EventContext, q: Static<typeof DuplicatesQuery>, now = Date.now()) {
  const dLat = (DUPLICATE_RADIUS_M / EARTH_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(rad(q.lat)), 0.01);
  const rows = await ctx.db.orm
    .select()
    .from(events)
    .where(
      and(
        eq(events.categoryCode, q.category),
        inArray(events.state, [...STILL_WORKED]),
        between(events.lat, q.lat - dLat, q.lat + dLat),
        between(events.lon, q.lng - dLng, q.lng + dLng),
        sql`${events.createdAt} >= ${new Date(now - DUPLICATE_WINDOW_DAYS * DAY).toISOString()}`,
        reach(ctx.actor),
      ),
    )
    .limit(50);
  return {
    items: rows
      .map((row) => ({
        event: presentSummary(row, now),
        distanceM: Math.round(metresBetween(q.lat, q.lng, row.lat, row.lon) * 10) / 10,
        ageHours: Math.round(((now - new Date(row.createdAt).getTime()) / 3_600_000) * 10) / 10,
      }))
      .filter((c) => c.distanceM <= DUPLICATE_RADIUS_M)
      .sort((a, b) => a.distanceM - b.distanceM),
  };
}
