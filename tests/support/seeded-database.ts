import { type Database, openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { loadDemo } from '../../server/modules/seed';
import { testPii } from './test-keys';

/** A migrated database holding the `small` demo district, its demo accounts and rollups. */
export async function createSeededDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Database> {
  const db = await openDatabase(options);
  await migrate(db);
  await loadDemo(db, { scale: 'small', seed: 1, pii: testPii });
  return db;
}
