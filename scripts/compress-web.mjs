// Brotli and gzip copies of an already built web app: `node scripts/compress-web.mjs [dir]` (the Vite build makes
// them itself; this is for a dist copied from elsewhere).
import { resolve } from 'node:path';
import { compressDir } from '../web/build/precompress.mjs';

const t = compressDir(resolve(process.argv[2] ?? 'web/dist'));
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`${t.files} files: ${kib(t.raw)} → brotli ${kib(t.brotli)}, gzip ${kib(t.gzip)}`);
