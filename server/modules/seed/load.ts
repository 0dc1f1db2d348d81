// Loads a deterministic demo dataset with COPY, district by district, in batches, so memory stays bounded.
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { createContext, TABLES, type TableName } from './context';
import { csvLine, type Row } from './csv';
import { districtSteps } from './district';
import { buildAreaTrees, type DistrictTree } from './geometry';
import { SCALES, type ScaleName, type ScaleSpec } from './scales';
import { DEPARTMENTS } from './services';

export type SeedOptions = {
  scale: ScaleName;
  seed: number;
  pii: PiiCipher;
  onProgress?: (done: number, total: number, label: string) => void;
};
export type SeedResult = { counts: Record<string, number>; ms: number };

/** Rows per COPY: large enough to amortise the statement, small enough to bound memory (≈ 10 MB of CSV). */
const BATCH_ROWS = 25_000;
/** Yield to the event loop this often while generating, so a COPY in flight keeps streaming meanwhile. */
const YIELD_EVERY = 2_000;

const AREA_COLUMNS = ['id', 'code', 'level', 'name', 'parent_id', 'district_id', 'street_id', 'community_id'];
AREA_COLUMNS.push('boundary', 'centroid_lat', 'centroid_lng', 'area_km2');

export async function seedDatabase(db: Database, opts: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const spec = SCALES[opts.scale];
  if (!spec) throw new Error(`Unknown seed scale '${opts.scale}' (expected small, district or city)`);
  if (!Number.isInteger(opts.seed) || opts.seed < 0)
    throw new Error(`Seed must be a non-negative integer: ${opts.seed}`);
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  if (existing && existing.n > 0) {
    throw new Error(
      `Refusing to seed: the database already holds ${existing.n} areas. Seeding needs an empty, migrated database ` +
        '(point DATA_DIR or DATABASE_URL at a fresh one).',
    );
  }

  const trees = buildAreaTrees(spec, opts.seed);
  const total = expectedRows(spec, trees);
  let done = 0;
  const loader = new CopyLoader(db, (rows, label) => {
    done = Math.min(total, done + rows);
    opts.onProgress?.(done, total, label);
  });

  const counts: Record<string, number> = { areas: 0 };
  for (const table of TABLES) counts[table] = 0;
  counts.areas = await loader.load({ table: 'areas', columns: AREA_COLUMNS, rows: trees.flatMap(areaRows) });

  const ids = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  for (const tree of trees) {
    const ctx = createContext(spec, opts.seed, opts.pii, tree, ids);
    for (const step of districtSteps(ctx)) counts[step.table]! += await loader.load(step);
  }
  await loader.drain();

  for (const table of TABLES) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  const history = Object.entries(counts).map(([entity, rows]) => [
    entity,
    'bulk_load',
    'system:seed',
    'seed',
    { rows, scale: opts.scale, seed: opts.seed },
  ]);
  await db.copyCsv(
    'record_history',
    ['entity', 'action', 'actor', 'source', 'changes'],
    history.map(csvLine).join(''),
  );
  await db.query('ANALYZE');
  opts.onProgress?.(total, total, 'done');
  return { counts, ms: Math.round(performance.now() - started) };
}

/** Streams steps into COPY batches, keeping one COPY in flight while the next batch is generated. */
class CopyLoader {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly report: (rows: number, label: string) => void,
  ) {}

  async load(step: { table: string; columns: readonly string[]; rows: Iterable<Row> }): Promise<number> {
    let lines: string[] = [];
    let count = 0;
    for (const row of step.rows) {
      lines.push(csvLine(row));
      count++;
      if (lines.length >= BATCH_ROWS) {
        await this.send(step.table, step.columns, lines);
        lines = [];
      } else if (count % YIELD_EVERY === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (lines.length > 0) await this.send(step.table, step.columns, lines);
    return count;
  }

  /** Waits for the previous COPY (foreign keys need it committed), then starts this one. */
  private async send(table: string, columns: readonly string[], lines: string[]): Promise<void> {
    await this.pending;
    const csv = lines.join('');
    const rows = lines.length;
    this.pending = this.db.copyCsv(table, columns, csv).then(() => this.report(rows, table));
    // Surface a failed COPY at the next await, not as an unhandled rejection.
    this.pending.catch(() => undefined);
  }

  drain(): Promise<void> {
    return this.pending;
  }
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
