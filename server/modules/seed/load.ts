// Loads a deterministic demo dataset with COPY, district by district, in batches, so memory stays bounded.
import type { Database } from '../../db/client';
import type { PiiCipher, PiiKeys } from '../../lib/pii';
import { CipherPool, deferredCipher } from './cipher-pool';
import { createContext, TABLES, type TableName } from './context';
import { CopyLoader } from './copy-loader';
import { csvLine, type Row } from './csv';
import { deferIndexes } from './deferred-indexes';
import { districtSteps } from './district';
import { buildAreaTrees, type DistrictTree } from './geometry';
import { markLoadStarted, SEED_LOCK } from './load-state';
import { SCALES, type ScaleName, type ScaleSpec } from './scales';
import { DEPARTMENTS } from './services';

export type SeedOptions = {
  scale: ScaleName;
  seed: number;
  /** Hashes (and, without piiKeys, encrypts) personal values on the main thread. */
  pii: PiiCipher;
  /** The keys of `pii`: when given, personal values are encrypted and hashed on worker threads. */
  piiKeys?: PiiKeys;
  onProgress?: (done: number, total: number, label: string) => void;
};
export type SeedResult = { counts: Record<string, number>; ms: number };

const AREA_COLUMNS = ['id', 'code', 'level', 'name', 'parent_id', 'district_id', 'street_id', 'community_id'];
AREA_COLUMNS.push('boundary', 'centroid_lat', 'centroid_lng', 'area_km2');

/**
 * Generates the demo dataset of a scale and loads it with COPY, in foreign-key order, into a migrated
 * database without areas (throws otherwise). Secondary indexes and foreign keys of the loaded tables are
 * dropped for the load and rebuilt (and validated) from their catalogue definitions afterwards. Identity
 * sequences continue after the loaded ids; one `record_history` row per table records the load.
 * On PostgreSQL it holds an advisory lock on one connection and loads on others (pool of 2 or more).
 * The registry alone: seed_state stays unfinished until loadDemo (demo.ts) has added accounts and rollups.
 */
export async function seedDatabase(db: Database, opts: SeedOptions): Promise<SeedResult> {
  // Processes starting at once on one empty database take turns; the later ones then find it seeded.
  return db.withLock(SEED_LOCK, () => loadRegistry(db, opts));
}

/** seedDatabase for a caller that already holds SEED_LOCK. */
export async function loadRegistry(db: Database, opts: SeedOptions): Promise<SeedResult> {
  const spec = SCALES[opts.scale];
  if (!spec) throw new Error(`Unknown seed scale '${opts.scale}' (expected small, district or city)`);
  if (!Number.isInteger(opts.seed) || opts.seed < 0) {
    throw new Error(`Seed must be a non-negative integer: ${opts.seed}`);
  }
  const pool = opts.piiKeys ? new CipherPool(opts.piiKeys) : null;
  try {
    return await seed(db, spec, opts, pool);
  } finally {
    await pool?.close();
  }
}

async function seed(
  db: Database,
  spec: ScaleSpec,
  opts: SeedOptions,
  pool: CipherPool | null,
): Promise<SeedResult> {
  const started = performance.now();
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  if (existing && existing.n > 0) {
    throw new Error(
      `Refusing to seed: the database already holds ${existing.n} areas. Seeding needs an empty, migrated ` +
        'database (point DATA_DIR or DATABASE_URL at a fresh one).',
    );
  }
  await markLoadStarted(db, opts.scale, opts.seed);

  const trees = buildAreaTrees(spec, opts.seed);
  const total = expectedRows(spec, trees);
  let done = 0;
  const progress = (label: string, rows = 0) => {
    done = Math.min(total, done + rows);
    opts.onProgress?.(done, total, label);
  };
  const loader = new CopyLoader(db, pool, (rows, table) => progress(table, rows));
  const counts: Record<string, number> = { areas: 0 };
  for (const table of TABLES) counts[table] = 0;
  counts.areas = await loader.load({ table: 'areas', columns: AREA_COLUMNS, rows: trees.flatMap(areaRows) });
  await loader.drain();

  const deferred = await deferIndexes(db, TABLES);
  // On PostgreSQL a table's indexes come back on another connection as soon as its last row is in,
  // while later tables are still being generated. PGlite is single-threaded: it rebuilds at the end.
  let background = Promise.resolve();
  try {
    const ids = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
    for (const tree of trees) {
      const ctx = createContext(spec, opts.seed, pool ? deferredCipher : opts.pii, tree, ids);
      const last = tree === trees[trees.length - 1];
      for (const step of districtSteps(ctx)) {
        counts[step.table]! += await loader.load(step);
        if (last && db.engine === 'postgres') {
          const loaded = loader.drain();
          background = background
            .then(() => loaded)
            .then(() => deferred.restoreTable(step.table, { background: true }));
          background.catch(() => undefined);
        }
      }
    }
    await loader.drain();
    progress('indexes');
    await background;
    await deferred.restoreAll();
  } catch (error) {
    await background.catch(() => undefined);
    await deferred.restoreAll({ validate: false }).catch(() => undefined);
    throw error;
  }

  await finish(db, counts, opts);
  progress('done', total);
  return { counts, ms: Math.round(performance.now() - started) };
}

/** Fresh ids after the explicit ones, one history row per table, statistics. */
async function finish(db: Database, counts: Record<string, number>, opts: SeedOptions): Promise<void> {
  for (const table of TABLES) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  const changes = (rows: number) => ({ rows, scale: opts.scale, seed: opts.seed });
  const history = Object.entries(counts).map(([entity, rows]) =>
    csvLine([entity, 'bulk_load', 'system:seed', 'seed', changes(rows)]),
  );
  await db.copyCsv('record_history', ['entity', 'action', 'actor', 'source', 'changes'], history.join(''));
  // The loaded tables were analysed as their indexes came back.
  await db.query('ANALYZE areas, record_history');
}

function areaRows(tree: DistrictTree): Row[] {
  return [tree.district, ...tree.streets, ...tree.communities, ...tree.grids].map((a) => [
    a.id,
    a.code,
    a.level,
    a.name,
    a.parentId,
    a.districtId,
    a.streetId,
    a.communityId,
    a.boundary,
    a.centroidLat,
    a.centroidLng,
    a.areaKm2,
  ]);
}

function expectedRows(spec: ScaleSpec, trees: DistrictTree[]): number {
  const {
    chronicFocus: _,
    comprehensiveGridWorkers,
    safetyGridWorkers,
    securityStaff,
    ...rest
  } = spec.perDistrict;
  const staff = comprehensiveGridWorkers + safetyGridWorkers + securityStaff;
  const perDistrict = Object.values(rest).reduce((a, b) => a + b, 0) + staff + DEPARTMENTS.length;
  const areas = trees.reduce((s, t) => s + 1 + t.streets.length + t.communities.length + t.grids.length, 0);
  return areas + perDistrict * spec.districts;
}
