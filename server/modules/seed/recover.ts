// Start-up recovery from a demo load that was interrupted (process killed, machine stopped).
import type { Database } from '../../db/client';
import { quoteIdent } from './deferred-indexes';
import { DEMO_TABLES, type InterruptedLoad } from './load-state';

/**
 * Returns the database to the state migrations left it in, in one transaction: empties the demo tables
 * and every table referring to them (TRUNCATE … RESTART IDENTITY), recreates the indexes and foreign keys
 * the load had dropped from their recorded definitions (whether or not the load got to rebuild them), and
 * deletes the bookkeeping row. Killed again half-way, it leaves the interrupted load as it found it.
 */
export async function clearInterruptedLoad(db: Database, load: InterruptedLoad): Promise<void> {
  const tables = await withReferencingTables(db, DEMO_TABLES);
  const indexes = load.deferred
    .filter((o) => o.kind === 'index')
    .flatMap((o) => [`DROP INDEX IF EXISTS ${o.name};`, `${o.def};`]);
  const foreignKeys = load.deferred
    .filter((o) => o.kind === 'foreign_key')
    .flatMap((o) => [
      `ALTER TABLE ${o.table} DROP CONSTRAINT IF EXISTS ${quoteIdent(o.name)};`,
      `ALTER TABLE ${o.table} ADD CONSTRAINT ${quoteIdent(o.name)} ${o.def};`,
    ]);
  await db.script(
    [
      `TRUNCATE ${tables.join(', ')} RESTART IDENTITY;`,
      ...indexes,
      ...foreignKeys,
      'DELETE FROM seed_state;',
    ].join('\n'),
  );
}

/** The tables plus, transitively, every table with a foreign key to one of them (TRUNCATE needs them all). */
async function withReferencingTables(db: Database, tables: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `WITH RECURSIVE closure(name) AS (
       SELECT unnest($1::text[])
       UNION
       SELECT c.conrelid::regclass::text FROM pg_constraint c JOIN closure ON c.confrelid::regclass::text = closure.name
        WHERE c.contype = 'f'
     )
     SELECT name FROM closure ORDER BY name`,
    [tables],
  );
  return rows.map((r) => r.name);
}
