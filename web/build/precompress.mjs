// Brotli and gzip copies of the built web app, made once at build time so the server sends them without
// compressing per request (@fastify/static `preCompressed`). Run by the Vite build (web/vite.config.ts) and
// alone by `node scripts/compress-web.mjs [dir]`.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text files worth compressing; images (PNG) are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

/** Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir`; answers bytes before and after. */
export function compressDir(dir) {
  const totals = { files: 0, raw: 0, brotli: 0, gzip: 0 };
  const all = files(dir);
  const present = new Set(all);
  for (const file of all) {
    if (file.endsWith('.br') || file.endsWith('.gz')) {
      // A copy left from an earlier build of a file that is gone would be served in its place.
      if (!present.has(file.slice(0, -3))) unlinkSync(file);
      continue;
    }
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    totals.files++;
    totals.raw += raw.length;
    totals.brotli += br.length;
    totals.gzip += gz.length;
  }
  return totals;
}
