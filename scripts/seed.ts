/**
 * `npm run seed -- [--scale small|district|city] [--seed N]`: loads the demo dataset (registry, demo
 * accounts, rollups) into the database the server would open: DATABASE_URL, else PGlite in DATA_DIR.
 * The database must not hold areas yet; a load that was interrupted (killed) is cleared and done again.
 * Scale defaults to `district`, seed to SEED_NUMBER (1).
 */
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { prepareKeys } from '../server/lib/key-check';
import { auditKeys } from '../server/modules/audit';
import { isScaleName, loadDemo, type ScaleName } from '../server/modules/seed';

function parseArgs(argv: string[], defaultSeed: number): { scale: ScaleName; seed: number } {
  let scale: ScaleName = 'district';
  let seed = defaultSeed;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scale') {
      const v = value();
      if (!isScaleName(v)) throw new Error(`--scale must be small, district or city (got "${v}")`);
      scale = v;
    } else if (flag === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`--seed must be a non-negative integer (got "${v}")`);
      seed = Number(v);
    } else {
      throw new Error(`Unknown argument "${argv[i]}". Usage: seed [--scale small|district|city] [--seed N]`);
    }
  }
  return { scale, seed };
}

function progressReporter(): { update(done: number, total: number, label: string): void; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: '{bar} {percentage}% | {value}/{total} rows | {label} | {duration_formatted}',
      hideCursor: true,
    });
    let started = false;
    return {
      update(done, total, label) {
        if (!started) bar.start(total, 0, { label });
        started = true;
        bar.update(done, { label });
      },
      stop() {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastLabel = '';
  let lastTenth = -1;
  const t0 = performance.now();
  return {
    update(done, total, label) {
      const tenth = Math.floor((done / total) * 10);
      if (label === lastLabel && tenth === lastTenth) return;
      lastLabel = label;
      lastTenth = tenth;
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `${seconds.padStart(6)} s  ${String(Math.floor((done / total) * 100)).padStart(3)}%  ${label}`,
      );
    },
    stop() {},
  };
}

async function main() {
  const config = loadConfig();
  const { scale, seed } = parseArgs(process.argv.slice(2), config.seedNumber);
  const engine = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`seeding scale '${scale}' with seed ${seed} into ${engine}`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const progress = progressReporter();
  try {
    await migrate(db);
    const { keys, pii } = await prepareKeys(config, db, console, auditKeys);
    const piiKeys = keys.pii;
    const started = performance.now();
    const result = await loadDemo(db, {
      scale,
      seed,
      pii,
      piiKeys,
      onProgress: progress.update,
      onInterrupted: (load) =>
        console.log(
          `a load started at ${load.startedAt.toISOString()} (scale '${load.scale}', seed ${load.seed}) ` +
            'did not finish: clearing its partial data first',
        ),
    });
    progress.stop();
    const width = Math.max(...Object.keys(result.counts).map((k) => k.length));
    for (const [table, n] of Object.entries(result.counts)) {
      console.log(`  ${table.padEnd(width)}  ${n.toLocaleString('en').padStart(10)}`);
    }
    const total = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `registry loaded in ${(result.ms / 1000).toFixed(1)} s; with accounts and rollups ${total} s`,
    );
  } finally {
    progress.stop();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
