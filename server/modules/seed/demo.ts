import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { refreshAllAreaCounts } from '../registry/engine/counts';
import { seedDemoAccounts } from './accounts';
import { seedDatabase } from './load';
import type { ScaleName } from './scales';

/** The whole demo: registry data, demo accounts for every role, and the rollups. */
export async function loadDemo(
  db: Database,
  options: {
    scale: ScaleName;
    seed: number;
    pii: PiiCipher;
    onProgress?: (done: number, total: number, label: string) => void;
  },
) {
  const result = await seedDatabase(db, options);
  const accounts = await seedDemoAccounts(db, {
    seed: options.seed,
    small: options.scale === 'small',
    pii: options.pii,
  });
  await refreshAllAreaCounts(db);
  return { ...result, counts: { ...result.counts, accounts } };
}
