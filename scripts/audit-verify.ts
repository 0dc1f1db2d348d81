/**
 * `npm run audit:verify [-- --anchor <id>:<hash>]`: recomputes the audit chain over the database the server
 * uses (DATABASE_URL, else the PGlite folder DATA_DIR; stop the server first there, a PGlite folder has one
 * user at a time), with the audit key (AUDIT_KEY, else the demo's key file). Prints the newest row as an
 * anchor to keep outside the database; given an earlier anchor, also checks the chain still reaches that
 * row with that hash (no rewriting, no truncation). Exit 0: intact. Exit 1: broken, naming the first broken
 * row. Exit 2: could not check.
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { loadInstallKeys } from '../server/lib/pii-keys';
import { type AuditAnchor, parseAnchor, setAuditKey, verifyAuditChain } from '../server/modules/audit';
import { runMain } from './run-main';

function anchorArgument(argv: string[]): AuditAnchor | undefined {
  const at = argv.findIndex((a) => a === '--anchor' || a.startsWith('--anchor='));
  if (at < 0) return undefined;
  const text = argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : (argv[at + 1] ?? '');
  const anchor = parseAnchor(text);
  if (!anchor) throw new Error(`--anchor must look like <id>:<64 hex chars> (got "${text}")`);
  return anchor;
}

async function main(): Promise<number> {
  const config = loadConfig();
  const anchor = anchorArgument(process.argv.slice(2));
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    setAuditKey((await loadInstallKeys(config, db)).keys.auditKey);
    const result = await verifyAuditChain(db, { anchor });
    if (result.ok) {
      console.log(`audit chain intact: ${result.rows} rows`);
      if (anchor) console.log(`reaches the anchor: row ${anchor.id} still has hash ${anchor.hash}`);
      if (result.lastHash) {
        console.log(`last row ${result.lastId}, hash ${result.lastHash}`);
        console.log(`anchor (keep it outside the database): ${result.lastId}:${result.lastHash}`);
      }
      return 0;
    }
    console.log(`audit chain BROKEN at row ${result.brokenAt}: ${result.reason}`);
    return 1;
  } finally {
    await db.close();
  }
}

runMain('audit verification', main);
