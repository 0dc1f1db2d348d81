import type { Database } from '../../db/client';
import { refreshAllAreaCounts } from '../registry';
import { seedDemoRoutingRules } from '../routing';
import { seedDemoAccounts } from './accounts';
import { loadEventHistory } from './events';
import { loadRegistry, type SeedOptions, type SeedResult } from './load';
import { findInterruptedLoad, type InterruptedLoad, markLoadFinished, SEED_LOCK } from './load-state';
import { clearInterruptedLoad } from './recover';

export type DemoOptions = SeedOptions & {
  /** Told before an interrupted earlier load is cleared (for the log). */
  onInterrupted?: (load: InterruptedLoad) => void;
  /** Told when loading starts, i.e. the database was found empty. */
  onStart?: () => void;
};

/**
 * The whole demo into an empty database: registry data, demo accounts for every role, and the rollups,
 * recorded as finished in seed_state only when all three are in. An earlier load that did not finish is
 * cleared first. Throws when the database holds areas of a finished load (or of other origin).
 */
export async function loadDemo(db: Database, options: DemoOptions): Promise<SeedResult> {
  return db.withLock(SEED_LOCK, async () => {
    await clearIfInterrupted(db, options.onInterrupted);
    return load(db, options);
  });
}

/** As loadDemo, but a database that already holds areas is left alone (null): the start-up path. */
export async function loadDemoIfEmpty(db: Database, options: DemoOptions): Promise<SeedResult | null> {
  return db.withLock(SEED_LOCK, async () => {
    await clearIfInterrupted(db, options.onInterrupted);
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
    if (row && row.n > 0) return null;
    return load(db, options);
  });
}

/** Clears an interrupted load without loading again (SEED_ON_EMPTY=none). */
export async function clearInterruptedDemo(
  db: Database,
  onInterrupted?: (load: InterruptedLoad) => void,
): Promise<void> {
  await db.withLock(SEED_LOCK, () => clearIfInterrupted(db, onInterrupted));
}

async function clearIfInterrupted(db: Database, onInterrupted?: (load: InterruptedLoad) => void) {
  const interrupted = await findInterruptedLoad(db);
  if (!interrupted) return;
  onInterrupted?.(interrupted);
  await clearInterruptedLoad(db, interrupted);
}

async function load(db: Database, options: DemoOptions): Promise<SeedResult> {
  options.onStart?.();
  const result = await loadRegistry(db, options);
  const small = options.scale === 'small';
  const accounts = await seedDemoAccounts(db, { seed: options.seed, small, pii: options.pii });
  await seedDemoRoutingRules(db);
  // Events need the accounts who work them: they come last.
  const events = await loadEventHistory(db, { scale: options.scale, seed: options.seed });
  await refreshAllAreaCounts(db);
  await markLoadFinished(db);
  return { ...result, counts: { ...result.counts, accounts, ...events } };
}
