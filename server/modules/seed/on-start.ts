import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import { loadDemo } from './demo';

/** On a database without areas, load the demo district (config.seedOnEmpty), so a first start shows a living district. */
export async function seedIfEmpty(db: Database, pii: PiiCipher, config: Config, log: Logger) {
  if (config.seedOnEmpty === 'none') return;
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  if (row && row.n > 0) return;
  log.info(
    `empty database: loading the demo district at '${config.seedOnEmpty}' scale (seed ${config.seedNumber})…`,
  );
  let lastShown = 0;
  const result = await loadDemo(db, {
    scale: config.seedOnEmpty,
    seed: config.seedNumber,
    pii,
    onProgress: (done, total, label) => {
      const pct = Math.floor((done / total) * 100);
      if (pct >= lastShown + 10 || done === total) {
        lastShown = pct;
        log.info(`demo district ${pct}% (${label})`);
      }
    },
  });
  log.info({ counts: result.counts }, `demo district loaded in ${(result.ms / 1000).toFixed(1)} s`);
}
