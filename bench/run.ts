import { benchLighthouse } from './lighthouse';
import { benchLoad } from './load';
import { benchLocate } from './locate';
import { benchRegistry } from './registry';
import { benchScope } from './scope';
import { benchSeed } from './seed';
import { benchSweep } from './sweep';
import { benchWrites } from './writes';

/** `npm run bench [-- locate|seed|registry|scope|load|writes|sweep|lighthouse]`: runs the named benchmarks (all by default). */
const BENCHES: Record<string, () => Promise<unknown>> = {
  locate: benchLocate,
  seed: benchSeed,
  registry: benchRegistry,
  scope: benchScope,
  load: () => benchLoad(),
  writes: benchWrites,
  sweep: benchSweep,
  lighthouse: benchLighthouse,
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of chosen.length ? chosen : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark '${name}'; choose from ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  await bench();
}
