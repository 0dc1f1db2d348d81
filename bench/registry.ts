import { buildApp } from '../server/app';
import { testConfig } from '../server/config';
import type { Database } from '../server/db/client';
import { loadDemo } from '../server/modules/seed';
import { demoBearerToken, enrolDemoAccountsLike } from '../tests/support/demo-login';
import { benchDatabase, benchPii } from './databases';
import { type Figure, percentile, printFigures, writeSection } from './report';

const RUNS = 200;
const P95_LIMIT_MS = 20;

/** The HTTP app over a bench database, and the headers of a district centre's session on it. */
export async function appAsCentre(db: Database) {
  const app = await buildApp({
    // The bench measures exact look-ups, hundreds an hour: far past the per-account limit an office works with.
    config: testConfig({ webDist: '/nonexistent', identitySearchPerHour: 1_000_000 }),
    db,
    pii: benchPii,
    logger: false,
  });
  await enrolDemoAccountsLike(db, benchPii, 'centre001');
  const headers = { authorization: `Bearer ${await demoBearerToken(app, db, 'centre001')}` };
  return { app, headers };
}

/** A district-scale database kept between runs (seeded once), so that repeated benchmarks are quick. */
export async function districtDatabase(engine: 'pglite' | 'postgres'): Promise<Database> {
  const db = await benchDatabase(engine, 'gg_bench_district', false);
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  if (row!.n === 0) {
    console.log(`seeding the district-scale ${engine} benchmark database…`);
    await loadDemo(db, { scale: 'district', seed: 1, pii: benchPii });
  }
  return db;
}

interface Sample {
  residents: { id: number; idNumber: string; phone: string | null; name: string }[];
  roads: string[];
  enterpriseWords: string[];
  codes: { district: string; streets: string[]; communities: string[]; grids: string[] };
}

async function sample(db: Database): Promise<Sample> {
  const people = await db.query<{
    id: number;
    name: string;
    id_number_enc: Uint8Array;
    phone_enc: Uint8Array | null;
  }>('SELECT id, name, id_number_enc, phone_enc FROM residents TABLESAMPLE SYSTEM (1) LIMIT 200');
  const roads = await db.query<{ road: string }>('SELECT DISTINCT road FROM addresses LIMIT 200');
  const firms = await db.query<{ name: string }>(
    'SELECT name FROM enterprises TABLESAMPLE SYSTEM (20) LIMIT 200',
  );
  const areas = await db.query<{ code: string; level: string }>('SELECT code, level FROM areas');
  const of = (level: string) => areas.filter((a) => a.level === level).map((a) => a.code.trim());
  return {
    residents: people.map((p) => ({
      id: p.id,
      name: p.name,
      idNumber: benchPii.decrypt(Buffer.from(p.id_number_enc), {
        table: 'residents',
        column: 'id_number_enc',
        rowId: p.id,
      }),
      phone: p.phone_enc
        ? benchPii.decrypt(Buffer.from(p.phone_enc), { table: 'residents', column: 'phone_enc', rowId: p.id })
        : null,
    })),
    roads: roads.map((r) => r.road),
    enterpriseWords: firms.map((f) => [...f.name].slice(0, 2).join('')),
    codes: {
      district: of('district')[0]!,
      streets: of('street'),
      communities: of('community'),
      grids: of('grid'),
    },
  };
}

/** List, search and get p50/p95 through the real HTTP app (inject) at district scale. */
export async function benchRegistry(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const engine of ['postgres', 'pglite'] as const) {
    const db = await districtDatabase(engine);
    const s = await sample(db);
    // As the district centre: whole-district scope, so the figures are those of the largest lists.
    const { app, headers } = await appAsCentre(db);
    const pick = <T>(items: T[], i: number) => items[i % items.length]!;
    const scenarios: [string, (i: number) => string][] = [
      ['residents: first page of the district', () => `/api/v1/registry/residents?area=${s.codes.district}`],
      [
        'residents: first page of a street',
        (i) => `/api/v1/registry/residents?area=${pick(s.codes.streets, i)}`,
      ],
      ['residents: first page of a grid', (i) => `/api/v1/registry/residents?area=${pick(s.codes.grids, i)}`],
      [
        'residents: by name prefix in a street',
        (i) =>
          `/api/v1/registry/residents?area=${pick(s.codes.streets, i)}&q=${encodeURIComponent(pick(s.residents, i).name.slice(0, 1))}`,
      ],
      [
        'residents: by full name',
        (i) => `/api/v1/registry/residents?q=${encodeURIComponent(pick(s.residents, i).name)}`,
      ],
      ['residents: by ID number', (i) => `/api/v1/registry/residents?q=${pick(s.residents, i).idNumber}`],
      [
        'residents: by phone',
        (i) =>
          `/api/v1/registry/residents?q=${
            pick(
              s.residents.filter((r) => r.phone),
              i,
            ).phone
          }`,
      ],
      [
        'residents: floating, sorted by name, in a community',
        (i) =>
          `/api/v1/registry/residents?area=${pick(s.codes.communities, i)}&householdType=floating&sort=name`,
      ],
      ['residents: one by id', (i) => `/api/v1/registry/residents/${pick(s.residents, i).id}`],
      [
        'houses: rented in a community',
        (i) => `/api/v1/registry/houses?area=${pick(s.codes.communities, i)}&use=rented`,
      ],
      [
        'addresses: text search (road)',
        (i) => `/api/v1/registry/addresses?q=${encodeURIComponent(pick(s.roads, i))}`,
      ],
      [
        'enterprises: name text search',
        (i) => `/api/v1/registry/enterprises?q=${encodeURIComponent(pick(s.enterpriseWords, i))}`,
      ],
      // Lists at scale: the district centre's filtered lists, with their totals (bounded count or rollup).
      [
        'residents: district, elderly alone (tag filter, total)',
        () => `/api/v1/registry/residents?area=${s.codes.district}&tag=elderly_alone`,
      ],
      [
        'residents: district, aged 80–89 (total)',
        () => `/api/v1/registry/residents?area=${s.codes.district}&ageMin=80&ageMax=89`,
      ],
      [
        'residents: district, permits expiring (10,000+ total)',
        () => `/api/v1/registry/residents?area=${s.codes.district}&permitExpiryBefore=2026-01-01`,
      ],
      [
        'residents: any two characters of a name, district',
        (i) =>
          `/api/v1/registry/residents?q=${encodeURIComponent([...pick(s.residents, i).name].slice(-2).join(''))}`,
      ],
      [
        'houses: unit number in a community',
        (i) => `/api/v1/registry/houses?area=${pick(s.codes.communities, i)}&q=101`,
      ],
      ['summary: the district', () => `/api/v1/registry/summary?area=${s.codes.district}`],
    ];
    for (const [name, url] of scenarios) {
      for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url: url(i), headers });
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        const res = await app.inject({ method: 'GET', url: url(i), headers });
        times.push(performance.now() - start);
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
      }
      times.sort((a, b) => a - b);
      figures.push(
        {
          name: `${engine} ${name}: p50`,
          value: percentile(times, 50),
          unit: 'ms',
          limit: P95_LIMIT_MS,
          better: 'lower',
        },
        {
          name: `${engine} ${name}: p95`,
          value: percentile(times, 95),
          unit: 'ms',
          limit: P95_LIMIT_MS,
          better: 'lower',
        },
      );
    }
    await app.close();
    await db.close();
  }
  printFigures('Registry list, search and get', figures);
  writeSection(
    'registry',
    'Registry list, search and get (district scale)',
    figures,
    `${RUNS} sequential requests per scenario through the Fastify app (inject: routing, validation, serialisation; no socket), after 20 warm-up requests. The target is p95 ≤ ${P95_LIMIT_MS} ms on PostgreSQL; PGlite figures are shown against the same limit.`,
  );
  return figures;
}
