import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './client';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url).pathname;
/** Any constant: serialises migrations across processes starting at once. */
const MIGRATION_LOCK = 72_110_512;

/** Applies migrations/*.sql in name order, each once and atomically with its bookkeeping row. Forward-only. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return db.withLock(MIGRATION_LOCK, async () => {
    await db.script(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const text = await readFile(join(dir, file), 'utf8');
      await db.script(
        `${text};\nINSERT INTO schema_migrations (name) VALUES ('${file.replaceAll("'", "''")}');`,
      );
      applied.push(file);
    }
    return applied;
  });
}
