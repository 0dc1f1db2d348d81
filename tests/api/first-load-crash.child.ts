// Child process of first-load-crash.test.ts: the small demo load as `npm start` and `npm run seed` run it
// (loadDemo, cipher worker pool included), printing each progress report as a line. With --pause-at it
// stops dead at that point, prints "paused", and waits there to be killed (kill -9) by the test.
//   tsx first-load-crash.child.ts (--data-dir DIR | --database-url URL) [--pause-at first|half|indexes|done]
import { openDatabase } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { loadDemo } from '../../server/modules/seed';
import { testPii, testPiiKeys } from '../support/test-keys';

type PausePoint = 'first' | 'half' | 'indexes' | 'done';

function reached(point: PausePoint, done: number, total: number, label: string, first: boolean) {
  if (point === 'first') return first;
  if (point === 'half') return done >= total / 2;
  return label === point;
}

async function main() {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const pauseAt = arg('--pause-at') as PausePoint | undefined;
  const db = await openDatabase({ databaseUrl: arg('--database-url'), dataDir: arg('--data-dir') ?? '' });
  await migrate(db);
  let first = true;
  let paused = false;
  await loadDemo(db, {
    scale: 'small',
    seed: 1,
    pii: testPii,
    piiKeys: testPiiKeys,
    onProgress(done, total, label) {
      console.log(`progress ${done} ${total} ${label}`);
      if (pauseAt && !paused && reached(pauseAt, done, total, label, first)) {
        paused = true;
        console.log('paused');
        // Block the whole thread: nothing of the load runs on from here until the kill.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
      }
      first = false;
    },
  });
  console.log('finished');
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
