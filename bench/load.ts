import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { serverUrl } from './databases';
import { type Endpoint, endpointStream, type LoadRequest, MIX, mixedStream, planAccounts } from './load-plan';
import { type RunningServer, startServer } from './load-server';
import { districtDatabase } from './registry';
import { type Figure, percentile, printFigures, writeSection } from './report';

const STEADY_RATE = 220;
const STEADY_SECONDS = 30;
const PEAK_SECONDS = 8;
const CONNECTIONS = 50;
const P99_LIMIT_MS = 200;
/** The keys benchPii encrypted the benchmark database with, as the server reads them from its environment. */
const BENCH_KEYS = {
  PII_KEYS: `1:${'03'.repeat(32)}`,
  PII_HMAC_KEY: '05'.repeat(32),
  AUDIT_KEY: '07'.repeat(32),
};

interface Measured {
  rate: number;
  /** Server CPU (all its processes) per answered request, ms: what the request costs, whatever else runs. */
  cpuMs: number;
  sorted: number[];
  failures: number;
  statuses: string;
}

async function measure(
  server: RunningServer,
  next: () => LoadRequest,
  options: { seconds: number; overallRate?: number },
): Promise<Measured> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const cpuBefore = server.cpuSeconds();
  const instance = autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: options.seconds,
    timeout: 30,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const cpuMs = ((server.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, latencies.length);
  const failures = [...statuses].filter(([s]) => s >= 300).reduce((n, [, c]) => n + c, 0);
  return {
    rate: latencies.length / options.seconds,
    cpuMs,
    sorted: latencies.sort((a, b) => a - b),
    failures: failures + result.errors + result.timeouts,
    statuses: [...statuses].map(([s, c]) => `${s}×${c}`).join(' '),
  };
}

const WHERE_TIME_GOES =
  'Where the time goes (server CPU profile under load, and the statements each request sends): every signed-in request used to look its session up in the database first; each process now caches sessions (docs/decisions.md, "Load and processes"), so a read sends only its own statements. What remains: a list, search or get of residents sends its SELECT and then records the personal-data read (measured when that was a transaction of its own: BEGIN, INSERT personal_data_reads, UPSERT personal_read_volume, COMMIT, four more round trips and a commit flush; one statement since), which is why these are the slowest reads; an update recounts its grid\'s house count even when only the floor area changed, and appends to the audit chain under its lock. In the server\'s own CPU, socket writes (writev), garbage collection and the two log lines per request lead; serialisation and validation are a few per cent.';

/** What the server alone could answer of the mix on idle cores, from its CPU per request. */
function ceiling(engine: string, cpuMs: number) {
  const cores = cpus().length;
  const perCore = 1000 / cpuMs;
  const reach =
    engine === 'pglite'
      ? `≈ ${perCore.toFixed(0)} req/s (PGlite is one process, so one core)`
      : `≈ ${(cores * perCore).toFixed(0)} req/s on ${cores} idle cores`;
  const database =
    engine === 'pglite' ? 'the embedded database included' : "the database server's own CPU not included";
  return `**${engine}**: the mix at ${STEADY_RATE} req/s cost ${cpuMs.toFixed(2)} ms of server CPU per request (${database}): the server alone could answer ${reach}.`;
}

const healthz = (): LoadRequest => ({ method: 'GET', path: '/healthz', headers: {} });

/**
 * Over real HTTP against the real server process (`server/main.ts`, default process model): the roles'
 * everyday mix at a steady 220 req/s (1,095 accounts, one request each per 5 s), then each endpoint's
 * peak throughput at 50 connections beside /healthz's. Every demo account signs in with its own session.
 */
export async function benchLoad(
  engines: readonly ('postgres' | 'pglite')[] = ['postgres', 'pglite'],
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const tables: string[] = [];
  for (const engine of engines) {
    const db = await districtDatabase(engine);
    const accounts = await planAccounts(db);
    await db.close(); // PGlite's folder is the server's now
    const env: Record<string, string> =
      engine === 'postgres'
        ? { DATABASE_URL: Object.assign(new URL(serverUrl()), { pathname: '/gg_bench_district' }).href }
        : { DATA_DIR: '/tmp/gg_bench_district', DATABASE_URL: '' }; // not the parent's
    const server = await startServer({ ...env, ...BENCH_KEYS, API_RATE_LIMIT: '100000000' });
    try {
      // Warm-up long enough for every process to have met most accounts once (sessions are cached per process).
      console.log(`${engine}: ${accounts.length} accounts signed in; warming up…`);
      await measure(server, mixedStream(accounts), { seconds: 15, overallRate: STEADY_RATE });
      const steady = await measure(server, mixedStream(accounts), {
        seconds: STEADY_SECONDS,
        overallRate: STEADY_RATE,
      });
      console.log(`${engine} mix: ${steady.statuses}`);
      const name = `${engine} mixed reads and writes at ${STEADY_RATE} req/s`;
      for (const p of [50, 95, 99]) {
        figures.push({
          name: `${name}: p${p}`,
          value: percentile(steady.sorted, p),
          unit: 'ms',
          limit: P99_LIMIT_MS,
          better: 'lower',
        });
      }
      figures.push({
        name: `${name}: achieved`,
        value: steady.rate,
        unit: 'req/s',
        limit: STEADY_RATE * 0.98,
        better: 'higher',
      });
      figures.push({
        name: `${name}: refused or failed`,
        value: (100 * steady.failures) / Math.max(1, steady.sorted.length),
        unit: '%',
        limit: 1,
        better: 'lower',
      });

      const peak = await measure(server, healthz, { seconds: PEAK_SECONDS });
      const rows = [
        `| /healthz | ${peak.rate.toFixed(0)} | ${percentile(peak.sorted, 99).toFixed(0)} | 1.00 | ${peak.cpuMs.toFixed(2)} |`,
      ];
      for (const endpoint of Object.keys(MIX) as Endpoint[]) {
        const m = await measure(server, endpointStream(accounts, endpoint), { seconds: PEAK_SECONDS });
        if (m.failures > 0) console.log(`${engine} ${endpoint}: ${m.statuses}`);
        rows.push(
          `| ${endpoint} | ${m.rate.toFixed(0)} | ${percentile(m.sorted, 99).toFixed(0)} | ${(m.rate / peak.rate).toFixed(2)} | ${m.cpuMs.toFixed(2)} |`,
        );
      }
      tables.push(
        [
          ceiling(engine, steady.cpuMs),
          '',
          `**${engine}**: peak throughput, ${CONNECTIONS} connections, ${PEAK_SECONDS} s each`,
          '',
          '| endpoint | req/s | p99 ms | ÷ /healthz | server CPU ms / request |',
          '| --- | --- | --- | --- | --- |',
          ...rows,
        ].join('\n'),
      );
      console.log(tables.at(-1));
    } finally {
      await server.stop();
    }
  }
  printFigures('Load over HTTP', figures);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  writeSection(
    'load',
    'Load over real HTTP (district scale)',
    figures,
    [
      `The real server process (\`server/main.ts\`, default process model: on PostgreSQL one worker per core, on PGlite one process) over HTTP with autocannon in the benchmark process on the same machine (its CPU competes with the server's). Every registry-working demo account (not auditors or the administrator) has its own bearer session. The mix: ${Object.entries(
        MIX,
      )
        .map(([e, w]) => `${e} ${w} %`)
        .join(
          ', ',
        )} (list = residents of one's area, search = surname prefix in one's area, get = a resident, summary = one's area, history = a house's, update = a house's floor area); a role that may not do one does another it may.`,
      `Load average at the end (1 / 5 / 15 min): ${load}. The load generator, the server processes and PostgreSQL share the machine's cores; anything above about 2 means other work shared them too, and then the CPU per request below is the steadier figure.`,
      WHERE_TIME_GOES,
    ].join('\n\n'),
    tables.join('\n\n'),
  );
  return figures;
}
