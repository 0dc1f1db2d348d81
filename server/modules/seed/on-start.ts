import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { createPiiCipher, type PiiKeys } from '../../lib/pii';
import { clearInterruptedDemo, loadDemoIfEmpty } from './demo';
import type { InterruptedLoad } from './load-state';

/**
 * On a database without areas, load the demo district (config.seedOnEmpty), so a first start shows a
 * living district. A demo load that an earlier start did not finish (killed during it) is cleared first,
 * and loaded again unless seedOnEmpty is 'none'.
 */
export async function seedIfEmpty(db: Database, piiKeys: PiiKeys, config: Config, log: Logger) {
  const again = config.seedOnEmpty === 'none' ? '' : ' and loading it again';
  const onInterrupted = (load: InterruptedLoad) =>
    log.warn(
      `the demo load started at ${load.startedAt.toISOString()} (scale '${load.scale}', seed ${load.seed}) ` +
        `did not finish (the process was stopped during it): clearing its partial data${again}`,
    );
  if (config.seedOnEmpty === 'none') return clearInterruptedDemo(db, onInterrupted);
  let lastShown = 0;
  const result = await loadDemoIfEmpty(db, {
    scale: config.seedOnEmpty,
    seed: config.seedNumber,
    pii: createPiiCipher(piiKeys),
    piiKeys,
    onInterrupted,
    onStart: () =>
      log.info(
        `empty database: loading the demo district at '${config.seedOnEmpty}' scale (seed ${config.seedNumber})…`,
      ),
    onProgress: (done, total, label) => {
      const pct = Math.floor((done / total) * 100);
      if (pct >= lastShown + 10 || done === total) {
        lastShown = pct;
        log.info(`demo district ${pct}% (${label})`);
      }
    },
  });
  if (!result) return;
  log.info({ counts: result.counts }, `demo district loaded in ${(result.ms / 1000).toFixed(1)} s`);
}
