import { cpSync, rmSync } from 'node:fs';
import pg from 'pg';
import type { Database } from '../server/db/client';
import { benchDatabase, dropBenchDatabase, serverUrl } from './databases';
import { appAsCentre, districtDatabase } from './registry';
import { type Figure, percentile, printFigures, writeSection } from './report';

const WRITES = 400;
const CONCURRENCY = 20;
/** Issue 7: event intake must later reach 1,000 reports/s; registry writes are measured against the same bar. */
const WRITES_PER_SECOND_LIMIT = 1000;
const P99_LIMIT_MS = 100;
const COPY = 'gg_bench_writes';

/** A throwaway copy of the seeded district database, so that the houses written here stay out of the others. */
async function districtCopy(engine: 'pglite' | 'postgres'): Promise<Database> {
  await (await districtDatabase(engine)).close();
  await dropBenchDatabase(engine, COPY);
  if (engine === 'pglite') cpSync('/tmp/gg_bench_district', `/tmp/${COPY}`, { recursive: true });
  else {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${COPY} TEMPLATE gg_bench_district`);
    await admin.end();
  }
  return benchDatabase(engine, COPY, false);
}

/** Addresses to put the new houses behind: all in the busiest grid, or one in each of many grids. */
async function targets(db: Database) {
  const [busiest] = await db.query<{ grid_id: number }>(
    'SELECT grid_id FROM addresses WHERE archived_at IS NULL AND grid_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
  );
  const oneGrid = await db.query<{ id: number }>(
    'SELECT id FROM addresses WHERE grid_id = $1 AND archived_at IS NULL ORDER BY id LIMIT 50',
    [busiest!.grid_id],
  );
  const manyGrids = await db.query<{ id: number }>(
    'SELECT DISTINCT ON (grid_id) id FROM addresses WHERE grid_id IS NOT NULL AND archived_at IS NULL ORDER BY grid_id, id',
  );
  return { 'one grid': oneGrid.map((r) => r.id), 'many grids': manyGrids.map((r) => r.id) };
}

/** CONCURRENCY clients, each creating houses one after another until WRITES are done. */
async function run(create: (i: number) => Promise<number>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < WRITES; i = next++) {
      const start = performance.now();
      const status = await create(i);
      times.push(performance.now() - start);
      if (status !== 201) throw new Error(`create ${i}: status ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: WRITES / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Concurrent registry creates (houses) through the HTTP app, in one grid and spread over many. */
export async function benchWrites(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const engine of ['postgres', 'pglite'] as const) {
    const db = await districtCopy(engine);
    const { app, headers } = await appAsCentre(db);
    const stamp = Date.now().toString(36);
    for (const [spread, addressIds] of Object.entries(await targets(db))) {
      const create = async (i: number) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/registry/houses',
          headers,
          payload: {
            addressId: addressIds[i % addressIds.length],
            unit: `B${stamp}-${spread.length}-${i}`,
            use: 'vacant',
            floorArea: 60,
          },
        });
        return res.statusCode;
      };
      for (let i = 0; i < 20; i++) await create(WRITES + i);
      const r = await run(create);
      const name = `${engine} houses, ${CONCURRENCY} concurrent creates in ${spread}`;
      figures.push(
        {
          name: `${name}: writes/s`,
          value: r.perSecond,
          unit: '/s',
          limit: WRITES_PER_SECOND_LIMIT,
          better: 'higher',
        },
        { name: `${name}: p50`, value: r.p50, unit: 'ms', limit: P99_LIMIT_MS, better: 'lower' },
        { name: `${name}: p99`, value: r.p99, unit: 'ms', limit: P99_LIMIT_MS, better: 'lower' },
      );
    }
    await app.close();
    await db.close();
    await dropBenchDatabase(engine, COPY);
  }
  rmSync(`/tmp/${COPY}`, { recursive: true, force: true });
  printFigures('Registry writes under concurrency', figures);
  writeSection(
    'writes',
    'Registry writes under concurrency (district scale)',
    figures,
    `${WRITES} house creates through the Fastify app (inject) by ${CONCURRENCY} concurrent clients, after 20 warm-up creates, on a copy of the district database: all behind addresses of the busiest grid, then spread one address per grid. Each create is one transaction (row, history, area_counts delta, audit). The bar is the issue's 1,000 reports/s for event intake; p50/p99 against ${P99_LIMIT_MS} ms.`,
  );
  return figures;
}
