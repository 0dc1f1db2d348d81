import { type Database, openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { refreshAllAreaCounts } from '../../server/modules/registry/engine/counts';
import { seedDatabase } from '../../server/modules/seed/load';
import { testPii } from './test-keys';

/** A migrated database holding the `small` demo district with its rollups. */
export async function createSeededDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Database> {
  const db = await openDatabase(options);
  await migrate(db);
  await seedDatabase(db, { scale: 'small', seed: 1, pii: testPii });
  await refreshAllAreaCounts(db);
  return db;
}
