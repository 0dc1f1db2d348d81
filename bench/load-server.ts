import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const LOG_FILE = '/tmp/gg-bench-server.log';

export interface RunningServer {
  url: string;
  /** CPU seconds (user + system) the server's processes have used so far (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100;

/** [pid, parent pid, CPU ticks] of every process. */
function processTable(): [number, number, number][] {
  const rows: [number, number, number][] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      rows.push([Number(name), Number(fields[1]), Number(fields[11]) + Number(fields[12])]);
    } catch {
      // gone meanwhile
    }
  }
  return rows;
}

/** CPU seconds of a process and its descendants (the cluster's workers). */
function treeCpuSeconds(root: number): number {
  const table = processTable();
  const inTree = new Set([root]);
  let ticks = 0;
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of table)
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grew = true;
      }
  }
  for (const [pid, , t] of table) if (inTree.has(pid)) ticks += t;
  return ticks / TICKS_PER_SECOND;
}

/**
 * Starts the real server (`server/main.ts`, as `npm start` runs it) in its own process tree, so that the
 * benchmark measures what production runs: the process model, logging, rate limiter and all.
 */
export async function startServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SEED_ON_EMPTY: 'none' },
    // Its log (one line per request at the default level, as in production) goes to a file, not to us.
    stdio: ['ignore', openSync(LOG_FILE, 'w'), 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (exited) throw new Error(`the server exited during start-up; see ${LOG_FILE}`);
    if (waited > 120_000) throw new Error('the server did not answer /healthz within 2 minutes');
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await sleep(250);
  }
  return {
    url,
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(15_000)]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}
