import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
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
  stop(): Promise<void>;
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
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(15_000)]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}
