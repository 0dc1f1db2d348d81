/**
 * `npm run audit:verify`: recomputes the audit hash chain over the database the server uses (DATABASE_URL,
 * else the PGlite folder DATA_DIR; stop the server first there, a PGlite folder has one user at a time).
 * Exit 0: intact. Exit 1: broken, naming the first broken row. Exit 2: could not check.
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { verifyAuditChain } from '../server/modules/audit/verify';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const result = await verifyAuditChain(db);
    if (result.ok) {
      console.log(`audit chain intact: ${result.rows} rows`);
      if (result.lastHash) console.log(`last row ${result.lastId}, hash ${result.lastHash}`);
      return 0;
    }
    console.log(`audit chain BROKEN at row ${result.brokenAt}: ${result.reason}`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`audit verification failed to run: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
