import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Database } from '../server/db/client';
import type { PiiKeys } from '../server/lib/pii';
import { refreshAllAreaCounts } from '../server/modules/registry';
import {
  defaultCipherThreads,
  loadEventHistory,
  seedDatabase,
  seedDemoAccounts,
} from '../server/modules/seed';
import { eventFigures } from '../tests/support/event-figures';
import { benchDatabase, benchPii, dropBenchDatabase } from './databases';
import { type Figure, printFigures, writeSection } from './report';

/** The keys of benchPii, for the cipher's worker threads. */
const benchKeys: PiiKeys = {
  encryptionKeys: { 1: Buffer.alloc(32, 3) },
  currentVersion: 1,
  hmacKey: Buffer.alloc(32, 5),
};

const LIMIT_SECONDS = { pglite: 60, postgres: 20 } as const;

interface Copy {
  table: string;
  columns: readonly string[];
  csv: string;
}

/** Wraps a database so that every COPY it performs is remembered for replay. */
function recording(db: Database, copies: Copy[]): Database {
  return {
    ...db,
    orm: db.orm,
    copyCsv: async (table, columns, csv) => {
      copies.push({ table, columns, csv });
      await db.copyCsv(table, columns, csv);
    },
  };
}

/** CPU seconds of this process's main thread so far (Linux: /proc), or NaN elsewhere. */
function mainThreadCpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return Number.NaN;
  }
}

type Timing = { seconds: number; mainCpu: number; eventSeconds: number };

/** Registry load, demo accounts, the event history and rollups into a fresh migrated database (as loadDemo). */
async function timedLoad(engine: 'pglite' | 'postgres', workers: boolean, copies?: Copy[]): Promise<Timing> {
  const db = await benchDatabase(engine, 'gg_bench_seed', true);
  const started = performance.now();
  const cpu = mainThreadCpuSeconds();
  const target = copies ? recording(db, copies) : db;
  await seedDatabase(target, {
    scale: 'district',
    seed: 1,
    pii: benchPii,
    ...(workers ? { piiKeys: benchKeys } : {}),
  });
  await seedDemoAccounts(target, { seed: 1, small: false, pii: benchPii });
  const eventsStarted = performance.now();
  await loadEventHistory(target, { scale: 'district', seed: 1 });
  const eventSeconds = (performance.now() - eventsStarted) / 1000;
  await refreshAllAreaCounts(db);
  const timing = {
    seconds: (performance.now() - started) / 1000,
    mainCpu: mainThreadCpuSeconds() - cpu,
    eventSeconds,
  };
  if (copies) printEventFigures(await eventFigures(db));
  await db.close();
  await dropBenchDatabase(engine, 'gg_bench_seed');
  return timing;
}

/** The demo history's district figures, computed as docs/evaluation.md defines them (the source's in brackets). */
function printEventFigures(f: Awaited<ReturnType<typeof eventFigures>>) {
  const pct = (x: number) => `${x.toFixed(1)} %`;
  console.log(
    `event history: registered ${f.registered} (78539), resolved locally ${f.resolvedLocally} (77274) = ` +
      `${pct(f.localResolutionRate)} (98.4 %); services ${f.servicesCompleted} of ${f.servicesReceived} ` +
      `(7753 of 7891) = ${pct(f.needsMetRate)} (98.3 %); lowest closure category ${f.lowestClosingCategory} ` +
      `at ${pct(f.unlicensedClosureRate)} (16, 89.6 %), ${(f.closureRate - f.unlicensedClosureRate).toFixed(2)} ` +
      `points below the district's ${f.closureRate.toFixed(2)} % (9.16); after-school care ${f.afterSchoolCareInHalfYear} in the half year (62)`,
  );
}

/**
 * Demo-district load time on each engine, against its target and against the limit of a plain COPY of
 * the very same rows into the same empty schema (generation, encryption and bookkeeping are the overhead);
 * and the same load with the cipher on the main thread, as it was before the worker pool.
 */
export async function benchSeed(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    const copies: Copy[] = [];
    const before = await timedLoad(engine, false);
    const after = await timedLoad(engine, true, copies);
    const seedSeconds = after.seconds;

    const plain = await benchDatabase(engine, 'gg_bench_copy', true);
    const copyStart = performance.now();
    for (const c of copies) await plain.copyCsv(c.table, c.columns, c.csv);
    const copySeconds = (performance.now() - copyStart) / 1000;
    await plain.close();
    await dropBenchDatabase(engine, 'gg_bench_copy');
    const rows = copies.reduce((n, c) => n + c.csv.split('\n').length - 1, 0);

    figures.push(
      {
        name: `${engine}: of which the event history (events, steps, assignments)`,
        value: after.eventSeconds,
        unit: 's',
        limit: LIMIT_SECONDS[engine],
        better: 'lower',
      },
      {
        name: `${engine}: demo district load (${rows.toLocaleString('en')} rows)`,
        value: seedSeconds,
        unit: 's',
        limit: LIMIT_SECONDS[engine],
        better: 'lower',
      },
      {
        name: `${engine}: load vs plain COPY of the same rows`,
        value: seedSeconds,
        unit: 's',
        limit: Number(copySeconds.toFixed(1)),
        better: 'lower',
      },
      {
        name: `${engine}: load with the cipher on the main thread (before the worker pool)`,
        value: before.seconds,
        unit: 's',
        limit: LIMIT_SECONDS[engine],
        better: 'lower',
      },
      {
        name: `${engine}: main-thread CPU of the load, against the same with the cipher on the main thread`,
        value: after.mainCpu,
        unit: 's',
        limit: Number(before.mainCpu.toFixed(1)),
        better: 'lower',
      },
    );
  }
  printFigures('Demo district load', figures);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  writeSection(
    'seed',
    'Demo district load',
    figures,
    `District scale, seed 1, into an empty migrated schema, demo accounts, three years of event history and rollups included (the history's figures are printed and checked against the source's); the plain-COPY limit replays the same CSV into a fresh schema as migrations create it (indexes and foreign keys in place; the loader instead drops and rebuilds them, which is why it beats the limit). Personal values (about 2.2 million encryptions and HMACs) are computed on ${defaultCipherThreads()} worker thread(s) beside the main thread; the third figure per engine is the same load with them on the main thread (run just before, as a paired before/after), and the fourth compares the CPU seconds the main thread spent in the two (from /proc), which other work on the machine does not inflate the way it inflates elapsed time. Load average at the end of the run (1 / 5 / 15 min): ${load}; well above 2 means other work shared the cores, and then only the paired figures compare.`,
  );
  return figures;
}
