import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/db/client';
import { ownTestDatabase, startTestApp } from '../support/test-app';

type Json = Record<string, unknown>;
export interface Answer {
  status: number;
  body: Json;
  headers: Record<string, unknown>;
}

/**
 * The events tests' world: the real HTTP app on a database of their own (events would otherwise show up in
 * other files' lists on the shared PostgreSQL database), and the demo's real accounts around one grid: its grid
 * worker, community, street, the district centre and department staff.
 */
export async function eventsWorld() {
  const own = await ownTestDatabase();
  const db = await own.open();
  const t = await startTestApp({}, db);
  const [grid] = await db.query<{
    username: string;
    grid_id: number;
    community_id: number;
    street_id: number;
    lat: number;
    lng: number;
  }>(
    `SELECT a.username, g.id AS grid_id, g.community_id, g.street_id, g.centroid_lat AS lat, g.centroid_lng AS lng
       FROM accounts a JOIN areas g ON g.id = a.area_ids[1]
      WHERE a.role = 'grid_worker' AND a.username LIKE 'grid%' ORDER BY a.username LIMIT 1`,
  );
  const one = async (sql: string, params: unknown[]) => {
    const [row] = await db.query<{ username: string }>(sql, params);
    if (!row) throw new Error(`no demo account for ${sql} ${JSON.stringify(params)}`);
    return row.username;
  };
  const byArea = (role: string, areaId: number) =>
    one('SELECT username FROM accounts WHERE role = $1 AND area_ids[1] = $2 ORDER BY username LIMIT 1', [
      role,
      areaId,
    ]);
  const otherGridWorker = await one(
    `SELECT username FROM accounts WHERE role = 'grid_worker' AND area_ids[1] <> $1 ORDER BY username LIMIT 1`,
    [grid!.grid_id],
  );
  const department = (code: string) =>
    one(
      `SELECT a.username FROM accounts a JOIN departments d ON d.id = a.department_id
        WHERE a.role = 'department_staff' AND d.code = $1 ORDER BY a.username LIMIT 1`,
      [code],
    );
  const accounts = {
    grid: grid!.username,
    otherGrid: otherGridWorker,
    community: await byArea('community_staff', grid!.community_id),
    street: await byArea('street_staff', grid!.street_id),
    centre: await one(
      `SELECT username FROM accounts WHERE role = 'district_centre' ORDER BY username LIMIT 1`,
      [],
    ),
    leader: await one(
      `SELECT username FROM accounts WHERE role = 'district_leader' ORDER BY username LIMIT 1`,
      [],
    ),
    transport: await department('transport'),
    construction: await department('construction'),
    landscaping: await department('agriculture_landscaping'),
    trafficPolice: await department('traffic_police'),
    health: await department('health'),
  };
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.tokenFor(username));
    return tokens.get(username)!;
  };

  async function call(
    username: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: Json,
    headers: Json = {},
  ): Promise<Answer> {
    const res = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        authorization: `Bearer ${await token(username)}`,
        'accept-language': 'en',
        ...headers,
      } as Record<string, string>,
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: res.statusCode, body: res.body ? (res.json() as Json) : {}, headers: res.headers };
  }

  /** Reports an event as `username` at the grid's centre (a new Idempotency-Key unless given). */
  const report = (username: string, body: Json = {}, key = randomUUID()) =>
    call(
      username,
      'POST',
      '/events',
      {
        kind: 'hazard',
        categoryCode: '11',
        title: '公交站台设置不合理',
        description: '乘客需跨越花坛上车，老人和残疾人上下车危险',
        lat: grid!.lat,
        lng: grid!.lng,
        ...body,
      },
      { 'idempotency-key': key },
    );

  /** Takes an action; the version is the event's current one unless given. */
  async function act(username: string, id: number, action: string, body: Json = {}) {
    const version = body.version ?? (await versionOf(id));
    return call(username, 'POST', `/events/${id}/${action.replaceAll('_', '-')}`, { version, ...body });
  }

  const versionOf = async (id: number) =>
    (await db.query<{ version: number }>('SELECT version FROM events WHERE id = $1', [id]))[0]!.version;

  /** Rows a refused command must not have written. */
  const footprint = async (id: number) =>
    (
      await db.query<Json>(
        `SELECT (SELECT count(*)::int FROM event_steps WHERE event_id = $1) AS steps,
                (SELECT count(*)::int FROM outbox WHERE record_id = $1 AND topic LIKE 'event.%') AS outbox,
                (SELECT count(*)::int FROM audit_log WHERE object_type = 'event' AND object_id = $1::text) AS audit,
                (SELECT count(*)::int FROM event_assignments WHERE event_id = $1) AS assignments,
                (SELECT row_to_json(e)::text FROM events e WHERE id = $1) AS event`,
        [id],
      )
    )[0]!;

  return {
    t,
    db: db as Database,
    grid: grid!,
    accounts,
    call,
    report,
    act,
    footprint,
    async close() {
      await t.close();
      await db.close();
      await own.drop().catch(() => undefined);
    },
  };
}
export type EventsWorld = Awaited<ReturnType<typeof eventsWorld>>;
