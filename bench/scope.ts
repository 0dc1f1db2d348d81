import { loadavg } from 'node:os';
import { buildApp } from '../server/app';
import { testConfig } from '../server/config';
import type { Database } from '../server/db/client';
import { type Area, AreaDirectory, Scope } from '../server/modules/areas';
import { ARGON2_OPTIONS } from '../server/modules/auth';
import { unrecordedAccess } from '../server/modules/personal-access';
import {
  ENTITIES,
  type EntityDefinition,
  type ListQuery,
  listRecords,
  type RegistryContext,
} from '../server/modules/registry';
import { seedDemoAccounts } from '../server/modules/seed';
import { demoBearerToken, enrolDemoAccountsLike } from '../tests/support/demo-login';
import { benchPii } from './databases';
import { districtDatabase } from './registry';
import { type Figure, percentile, printFigures, writeSection } from './report';

const RUNS = 200;
const WARM_UP = 10;
const LOGINS = 50;
const P95_LIMIT_MS = 20;
/** The scope predicate may add at most 20 % to a list or search. */
const OVERHEAD_LIMIT = 1.2;
const LOGIN_P95_LIMIT_MS = 250;

interface Account {
  label: string;
  username: string;
  roots: Area[];
  token: string;
}

interface Scenario {
  name: string;
  def: EntityDefinition;
  /** The i-th query of the scenario, always limited to the account's own root area. */
  query: (i: number) => ListQuery;
}

const entity = (path: string) => ENTITIES.find((d) => d.path === path)!;

/** District-scale demo accounts exist only if the benchmark database was seeded with them. */
async function ensureAccounts(db: Database) {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM accounts WHERE role <> 'admin'",
  );
  if (row!.n > 0) return;
  console.log('seeding the district-scale demo accounts…');
  await seedDemoAccounts(db, { seed: 1, small: false, pii: benchPii });
}

async function firstAccount(db: Database, role: string) {
  const [row] = await db.query<{ username: string; area_ids: number[] }>(
    'SELECT username, area_ids FROM accounts WHERE role = $1 AND disabled_at IS NULL ORDER BY username LIMIT 1',
    [role],
  );
  if (!row) throw new Error(`no ${role} account in the benchmark database`);
  return row;
}

/** Search terms taken from the account's own area, so that every search finds something. */
async function searchTerms(db: Database, account: Account) {
  const root = account.roots[0]!;
  const column = `${root.level}_id`;
  const surnames = await db.query<{ s: string }>(
    `SELECT DISTINCT left(name, 1) AS s FROM (SELECT name FROM residents WHERE ${column} = $1 LIMIT 2000) r`,
    [root.id],
  );
  const roads = await db.query<{ road: string }>(
    `SELECT DISTINCT road FROM (SELECT road FROM addresses WHERE ${column} = $1 LIMIT 2000) a`,
    [root.id],
  );
  return { surnames: surnames.map((r) => r.s), roads: roads.map((r) => r.road) };
}

const elapsed = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * What the data-scope predicate costs: the same list and search queries with the account's scope
 * (Scope.of its areas) and without it (Scope.unlimited), both filtered to the account's own area so
 * that they return the same rows; plus the same requests through the app with the account's bearer token,
 * and login latency with the production argon2 parameters.
 */
export async function benchScope(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string, limit: number) =>
    figures.push({ name, value, unit, limit, better: 'lower' });
  const argon = `argon2id m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}`;
  console.log(`password hashing (ARGON2_OPTIONS): ${argon}`);

  for (const engine of ['postgres', 'pglite'] as const) {
    const db = await districtDatabase(engine);
    await ensureAccounts(db);
    const areas = await AreaDirectory.load(db);
    const app = await buildApp({
      config: testConfig({ webDist: '/nonexistent' }),
      db,
      pii: benchPii,
      areas,
      logger: false,
    });
    await app.ready();
    // Password and the demo TOTP code (grid workers, streets and the centre sign in with both).
    await enrolDemoAccountsLike(db, benchPii, (await firstAccount(db, 'grid_worker')).username);
    const login = (username: string) => demoBearerToken(app, db, username);

    const accounts: Account[] = [];
    for (const [label, role] of [
      ['grid worker', 'grid_worker'],
      ['street', 'street_staff'],
      ['district centre', 'district_centre'],
    ] as const) {
      const row = await firstAccount(db, role);
      const roots = row.area_ids.map((id) => areas.byIdOrNull(id)).filter((a) => a !== null);
      accounts.push({ label, username: row.username, roots, token: await login(row.username) });
    }

    for (const account of accounts) {
      const code = account.roots[0]!.code;
      const terms = await searchTerms(db, account);
      const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
      const scenarios: Scenario[] = [
        { name: 'residents first page', def: entity('residents'), query: () => ({ area: code }) },
        {
          name: 'residents name prefix',
          def: entity('residents'),
          query: (i) => ({ area: code, q: pick(terms.surnames, i) }),
        },
        {
          name: 'addresses text search',
          def: entity('addresses'),
          query: (i) => ({ area: code, q: pick(terms.roads, i) }),
        },
      ];
      const context = (scope: Scope): RegistryContext => ({
        db,
        areas,
        pii: benchPii,
        actor: `bench:${account.username}`,
        actorId: null,
        requestId: null,
        scope,
        source: 'bench',
        access: unrecordedAccess,
      });
      const scoped = context(Scope.of(account.roots, areas));
      const unlimited = context(Scope.unlimited());

      for (const s of scenarios) {
        const url = (i: number) =>
          `/api/v1/registry/${s.def.path}?${new URLSearchParams(s.query(i) as Record<string, string>)}`;
        const http = async (i: number) => {
          const res = await app.inject({
            method: 'GET',
            url: url(i),
            headers: { authorization: `Bearer ${account.token}` },
          });
          if (res.statusCode !== 200) throw new Error(`${s.name}: ${res.statusCode} ${res.body}`);
        };
        // Same rows either way: only the predicate differs.
        const a = await listRecords(s.def, scoped, s.query(0));
        const b = await listRecords(s.def, unlimited, s.query(0));
        if (JSON.stringify(a.items.map((r) => r.id)) !== JSON.stringify(b.items.map((r) => r.id)))
          throw new Error(`${s.name} for ${account.label}: scoped and unlimited pages differ`);
        for (let i = 0; i < WARM_UP; i++) {
          await listRecords(s.def, scoped, s.query(i));
          await listRecords(s.def, unlimited, s.query(i));
          await http(i);
        }
        // Paired and interleaved (alternating which goes first), so that both variants see the same load.
        const withScope: number[] = [];
        const without: number[] = [];
        const paired: number[] = [];
        const viaHttp: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const runScoped = () => elapsed(() => listRecords(s.def, scoped, s.query(i)));
          const runUnlimited = () => elapsed(() => listRecords(s.def, unlimited, s.query(i)));
          let w: number;
          let wo: number;
          if (i % 2 === 0) {
            w = await runScoped();
            wo = await runUnlimited();
          } else {
            wo = await runUnlimited();
            w = await runScoped();
          }
          withScope.push(w);
          without.push(wo);
          paired.push(w / wo);
          viaHttp.push(await elapsed(() => http(i)));
        }
        const [w, wo, h] = [sorted(withScope), sorted(without), sorted(viaHttp)];
        const name = `${engine} ${account.label} · ${s.name}`;
        add(`${name}: with scope p50`, percentile(w, 50), 'ms', P95_LIMIT_MS);
        add(`${name}: with scope p95`, percentile(w, 95), 'ms', P95_LIMIT_MS);
        add(`${name}: without scope p50`, percentile(wo, 50), 'ms', P95_LIMIT_MS);
        add(`${name}: without scope p95`, percentile(wo, 95), 'ms', P95_LIMIT_MS);
        add(`${name}: scope overhead (with / without)`, percentile(sorted(paired), 50), '×', OVERHEAD_LIMIT);
        add(`${name}: HTTP with bearer token p95`, percentile(h, 95), 'ms', P95_LIMIT_MS);
      }
    }

    // Login: argon2id verification dominates. Spread over grid workers' accounts, as at 8 a.m.
    const usernames = (
      await db.query<{ username: string }>(
        "SELECT username FROM accounts WHERE role = 'grid_worker' ORDER BY username LIMIT $1",
        [LOGINS],
      )
    ).map((r) => r.username);
    await login(usernames[0]!);
    const logins: number[] = [];
    for (let i = 0; i < LOGINS; i++)
      logins.push(await elapsed(() => login(usernames[i % usernames.length]!)));
    const l = sorted(logins);
    add(`${engine} login (POST /auth/login, bearer): p50`, percentile(l, 50), 'ms', LOGIN_P95_LIMIT_MS);
    add(`${engine} login (POST /auth/login, bearer): p95`, percentile(l, 95), 'ms', LOGIN_P95_LIMIT_MS);

    await app.close();
    await db.close();
  }

  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  printFigures('Data scope overhead and login', figures);
  writeSection(
    'scope',
    'Data scope overhead and login (district scale)',
    figures,
    [
      `Accounts: the first grid worker, street account and district-centre account of the seeded district. Each query is limited to the account's own area (\`area=<its root code>\`), so that it returns the same rows with and without the scope predicate.`,
      `"with scope" / "without scope": \`listRecords\` called directly with \`Scope.of(the account's areas)\` versus \`Scope.unlimited()\`, ${RUNS} interleaved runs each after ${WARM_UP} warm-up runs; the overhead is the median of the ${RUNS} paired ratios with / without (limit ${OVERHEAD_LIMIT}: the predicate adds at most 20 %). "HTTP with bearer token": the same request through the Fastify app (inject: session lookup, routing, validation, serialisation), p95 against ${P95_LIMIT_MS} ms.`,
      `Load average at the end of the run (1 / 5 / 15 min): ${load} — other work shared the machine; tail latencies (p95) are the most affected.`,
      `Login: ${LOGINS} sequential bearer logins through the app over ${LOGINS} grid-worker accounts, password hashes at ${argon} (server/modules/auth/passwords.ts), p95 against ${LOGIN_P95_LIMIT_MS} ms.`,
    ].join('\n\n'),
  );
  return figures;
}
