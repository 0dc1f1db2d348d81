// The demo load's bookkeeping row (seed_state): started, finished, and what it dropped to load faster.
import type { Database } from '../../db/client';
import { TABLES } from './context';

/** Serialises demo loads (and their recovery) across processes starting at once; not the migration lock. */
export const SEED_LOCK = 72_110_513;

/** Every table the demo load writes. An interrupted load is cleared by emptying these (and what refers to them). */
export const DEMO_TABLES = ['areas', ...TABLES, 'record_history', 'accounts', 'area_counts'] as const;

/** A secondary index or foreign key dropped for the load, with the statement text that recreates it. */
export type DeferredObject = { kind: 'index' | 'foreign_key'; table: string; name: string; def: string };

export type InterruptedLoad = {
  scale: string;
  seed: number;
  startedAt: Date;
  deferred: DeferredObject[];
};

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Records that a load starts (replacing any earlier row: the caller has checked the database is empty). */
export async function markLoadStarted(db: Database, scale: string, seed: number): Promise<void> {
  await db.query(
    `INSERT INTO seed_state (scale, seed) VALUES ($1, $2)
     ON CONFLICT (singleton) DO UPDATE
       SET scale = excluded.scale, seed = excluded.seed, started_at = now(), finished_at = NULL, deferred = '[]'`,
    [scale, seed],
  );
}

/** A statement for the script that drops `objects`, so that the record commits with the drops or not at all. */
export function rememberDeferredSql(objects: readonly DeferredObject[]): string {
  return `UPDATE seed_state SET deferred = ${literal(JSON.stringify(objects))}::jsonb;`;
}

/** The load is complete: registry, demo accounts and rollups. Only now may a start serve the database. */
export async function markLoadFinished(db: Database): Promise<void> {
  await db.query('UPDATE seed_state SET finished_at = now() WHERE finished_at IS NULL');
}

export async function findInterruptedLoad(db: Database): Promise<InterruptedLoad | null> {
  const [row] = await db.query<{ scale: string; seed: number; started_at: Date | string; deferred: unknown }>(
    'SELECT scale, seed, started_at, deferred FROM seed_state WHERE finished_at IS NULL',
  );
  if (!row) return null;
  const deferred = typeof row.deferred === 'string' ? JSON.parse(row.deferred) : row.deferred;
  return {
    scale: row.scale,
    seed: row.seed,
    startedAt: new Date(row.started_at),
    deferred: deferred as DeferredObject[],
  };
}
