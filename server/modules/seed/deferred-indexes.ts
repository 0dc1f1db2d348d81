// Bulk-load speed-up: drop the secondary indexes and foreign keys of the tables being loaded, and recreate
// them from their catalogue definitions afterwards. Recreating re-checks everything (unique indexes are
// rebuilt, foreign keys validated in one pass), so integrity is the same as row-by-row, at a fraction of
// the cost. Definitions are read from the catalogue, so indexes added by later migrations are kept too,
// and recorded in seed_state with the drops, so that a killed load can be put back (recover.ts).
import type { Database } from '../../db/client';
import { type DeferredObject, rememberDeferredSql } from './load-state';

type Definition = Omit<DeferredObject, 'kind'>;
type RestoreOptions = {
  validate?: boolean;
  /** While rows are still being generated: build single-threaded, leaving the other cores to the loader. */
  background?: boolean;
};

export type DeferredIndexes = {
  readonly indexes: number;
  readonly foreignKeys: number;
  /** Rebuilds one table's indexes, re-adds its foreign keys and analyses it. Idempotent. */
  restoreTable(table: string, options?: RestoreOptions): Promise<void>;
  /**
   * Restores every table not restored yet. With `validate: false` (the error path) foreign keys come
   * back NOT VALID, so that the schema is whole again even over inconsistent rows.
   */
  restoreAll(options?: RestoreOptions): Promise<void>;
};

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function deferIndexes(db: Database, tables: readonly string[]): Promise<DeferredIndexes> {
  const foreignKeys = await db.query<Definition>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1::text[])
      ORDER BY c.conname`,
    [tables],
  );
  // Primary keys and constraint-backed indexes stay: ids arrive in order and are cheap to index.
  const indexes = await db.query<Definition>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name,
            pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1::text[]) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY i.indexrelid::regclass::text`,
    [tables],
  );
  const drops = [
    rememberDeferredSql([
      ...foreignKeys.map((fk) => ({ kind: 'foreign_key' as const, ...fk })),
      ...indexes.map((ix) => ({ kind: 'index' as const, ...ix })),
    ]),
    ...foreignKeys.map((fk) => `ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)};`),
    ...indexes.map((ix) => `DROP INDEX ${ix.name};`),
  ];
  await db.script(drops.join('\n'));

  const pending = new Set(tables);
  async function restoreTable(table: string, { validate = true, background = false }: RestoreOptions = {}) {
    if (!pending.delete(table)) return;
    const settings = ["SET LOCAL maintenance_work_mem = '256MB';"];
    if (background) settings.push('SET LOCAL max_parallel_maintenance_workers = 0;');
    for (const ix of indexes.filter((i) => i.table === table)) {
      await db.script(`${settings.join('\n')}\n${ix.def};`);
    }
    for (const fk of foreignKeys.filter((f) => f.table === table)) {
      const check = validate ? '' : ' NOT VALID';
      await db.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}${check}`);
    }
    await db.query(`ANALYZE ${table}`);
  }

  return {
    indexes: indexes.length,
    foreignKeys: foreignKeys.length,
    restoreTable,
    async restoreAll(options) {
      for (const table of tables) await restoreTable(table, options);
    },
  };
}
