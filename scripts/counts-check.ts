/**
 * `npm run counts:check [-- --repair]`: recounts every summary metric from the registry tables of the
 * database the server uses (DATABASE_URL, else the PGlite folder DATA_DIR; stop the server first there, a
 * PGlite folder has one user at a time) and compares with the area_counts rollup that writes keep by
 * deltas. Prints each difference. Exit 0: all agree. Exit 1: there were differences (with --repair, now
 * rewritten by a full recount, safe beside a running PostgreSQL server). Exit 2: could not check.
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { checkAreaCounts, refreshAllAreaCounts } from '../server/modules/registry';

async function main(): Promise<number> {
  const config = loadConfig();
  const repair = process.argv.slice(2).includes('--repair');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const differences = await checkAreaCounts(db);
    if (differences.length === 0) {
      console.log('area counts agree with a full recount');
      return 0;
    }
    for (const d of differences)
      console.log(`area ${d.areaCode} (${d.areaId}) ${d.metric}: stored ${d.stored}, actual ${d.actual}`);
    console.log(`${differences.length} area count(s) differ from a full recount`);
    if (!repair) return 1;
    await refreshAllAreaCounts(db);
    const left = await checkAreaCounts(db);
    console.log(left.length === 0 ? 'repaired: recounted every area' : `${left.length} still differ`);
    return 1;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`area count check failed to run: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
