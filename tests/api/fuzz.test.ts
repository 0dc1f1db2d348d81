/**
 * Fuzz: for every write and list route (from `app.routePolicies`), fast-check generates bodies, path
 * parameters and query strings — near-valid ones built from the route's own OpenAPI schema with hostile
 * values mixed in (wrong types, extremes, NUL and other controls, unpaired surrogates, odd Unicode, SQL
 * injection text, oversized ids, impossible dates, forged cursors) and arbitrary JSON. The property: never
 * a 5xx, and a refused request writes nothing (row count and version sum of every registry table, the
 * record history, and the area_counts rollup are unchanged).
 *
 * On PostgreSQL the files share one database, so this file works on its own copy of it (CREATE DATABASE …
 * TEMPLATE): accepted fuzz writes must not change what later files read.
 */
import { getTableName } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from '../../server/config';
import { type Database, openDatabase } from '../../server/db/client';
import { ENTITIES } from '../../server/modules/registry';
import { demoBearerToken } from '../support/demo-login';
import { REQUIRED, requestArbitrary, type Schema } from '../support/fuzz-arbitraries';
import { openTestDatabase } from '../support/test-app';
import { testPii } from '../support/test-keys';

/** Cases per route: enough to reach each field with several hostile values; the file stays under a minute. */
const RUNS = { write: 14, list: 14, other: 4 };
const SKIPPED = /^\/api\/v1\/auth\/(?!login$)/; // they act on the caller's own session, password, TOTP

interface Route {
  method: string;
  url: string;
  kind: keyof typeof RUNS;
  body?: Schema;
  query: Record<string, Schema>;
  params: string[];
  token: string | null;
}

describe('fuzz: no input gives a 5xx, and a refused request writes nothing', () => {
  let db: Database;
  let app: FastifyInstance;
  let dropCopy: (() => Promise<void>) | null = null;
  const routes: Route[] = [];
  const ids: number[] = [];
  /** Per registry path: a few of its own active rows, so updates and archives reach real records. */
  const ownIds = new Map<string, number[]>();
  const cursors: string[] = [];
  const tally = new Map<string, Map<number, number>>();

  /** Everything a write can change, as one comparable string. */
  async function snapshot(): Promise<string> {
    const parts = ENTITIES.map(
      (d) =>
        `SELECT '${getTableName(d.table)}' AS t, count(*)::text || '/' || coalesce(sum(version), 0)::text AS v FROM ${getTableName(d.table)}`,
    );
    parts.push(`SELECT 'record_history', count(*)::text FROM record_history`);
    parts.push(
      `SELECT 'area_counts', count(*)::text || '/' || coalesce(sum(n), 0)::text || '/' || coalesce(sum(n * area_id), 0)::text FROM area_counts`,
    );
    const rows = await db.query<{ t: string; v: string }>(parts.join(' UNION ALL '));
    return rows.map((r) => `${r.t}=${r.v}`).join(' ');
  }

  beforeAll(async () => {
    const shared = inject('databaseUrl');
    if (shared) {
      const url = new URL(shared);
      const name = `${url.pathname.slice(1)}_fuzz`;
      const server = new pg.Client({
        connectionString: Object.assign(new URL(shared), { pathname: '/postgres' }).toString(),
      });
      await server.connect();
      await server.query(`CREATE DATABASE ${name} TEMPLATE ${url.pathname.slice(1)}`);
      url.pathname = `/${name}`;
      db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
      dropCopy = async () => {
        await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await server.end();
      };
    } else db = await openTestDatabase();
    app = await buildApp({
      config: testConfig({ webDist: '/nonexistent' }),
      db,
      pii: testPii,
      logger: false,
    });
    await app.ready();
    const centre = await demoBearerToken(app, db, 'centre001');
    const auditor = await demoBearerToken(app, db, 'auditor001');

    for (const d of ENTITIES) {
      const rows = await db.query<{ id: number }>(
        `SELECT id FROM ${getTableName(d.table)} WHERE archived_at IS NULL ORDER BY id LIMIT 3`,
      );
      ownIds.set(
        d.path,
        rows.map((r) => r.id),
      );
      ids.push(...rows.map((r) => r.id));
    }
    for (const url of [
      '/registry/residents?sort=birthDate',
      '/registry/houses?limit=1',
      '/registry/enterprises?sort=employees',
    ]) {
      const res = await app.inject({ url: `/api/v1${url}`, headers: { authorization: `Bearer ${centre}` } });
      const next = res.json().nextCursor as string | null;
      if (next) cursors.push(next);
    }

    const openapi = app.swagger() as {
      paths: Record<string, Record<string, { parameters?: Schema[]; requestBody?: Schema }>>;
    };
    for (const { method, url } of app.routePolicies) {
      if (SKIPPED.test(url)) continue;
      const op = openapi.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
      const parameters = (op.parameters ?? []) as {
        in: string;
        name: string;
        required?: boolean;
        schema: Schema;
      }[];
      const query = Object.fromEntries(
        parameters
          .filter((p) => p.in === 'query')
          .map((p) => [p.name, { ...p.schema, [REQUIRED]: p.required === true }]),
      );
      const body = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content?.['application/json']?.schema;
      const isList = method === 'GET' && !url.includes(':') && Object.keys(query).length > 0;
      const kind = method !== 'GET' ? 'write' : isList ? 'list' : 'other';
      // The route's token: the centre may do everything but read the audit trail, which is the auditor's.
      const probe = url.startsWith('/api/v1/auth/login')
        ? null
        : (
              await app.inject({
                method: method as 'GET',
                url: url.replace(/:(\w+)/g, '1'),
                headers: { authorization: `Bearer ${centre}` },
              })
            ).statusCode === 403
          ? auditor
          : centre;
      routes.push({
        method,
        url,
        kind,
        body,
        query,
        params: [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!),
        token: probe,
      });
    }
  });

  afterAll(async () => {
    // One line for the run's log: how many requests, and the answers they got.
    const totals = new Map<number, number>();
    for (const statuses of tally.values())
      for (const [status, n] of statuses) totals.set(status, (totals.get(status) ?? 0) + n);
    const answers = [...totals].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.info(`fuzz: ${tally.size} routes, answers ${answers.join(' ')}`);
    await app?.close();
    await db?.close();
    await dropCopy?.();
  });

  it('holds for every write and list route', async () => {
    expect(routes.filter((r) => r.kind === 'write').length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.kind === 'list').length).toBeGreaterThan(10);
    let baseline = await snapshot();
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const statuses = new Map<number, number>();
      tally.set(key, statuses);
      await fc.assert(
        fc.asyncProperty(
          requestArbitrary(route, { ids, cursors, own: ownIds.get(route.url.split('/')[4] ?? '') ?? [] }),
          async (req) => {
            const res = await app.inject({
              method: route.method as 'GET',
              url: req.url,
              ...(req.body === undefined ? {} : { payload: req.body }),
              headers: {
                ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
                ...(route.token ? { authorization: `Bearer ${route.token}` } : {}),
              },
            });
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const what = `${key} → ${res.statusCode} ${res.body.slice(0, 200)}\n  url ${req.url}\n  body ${req.body?.slice(0, 300)}`;
            expect(res.statusCode, what).toBeLessThan(500);
            if (route.method === 'GET') return;
            const after = await snapshot();
            if (res.statusCode >= 400) expect(after, `refused but wrote: ${what}`).toBe(baseline);
            baseline = after;
          },
        ),
        { numRuns: RUNS[route.kind] },
      );
    }
  }, 240_000);
});
