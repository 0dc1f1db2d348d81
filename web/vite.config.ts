import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { antdStyles } from './build/antd-styles.ts';
import { compressDir } from './build/precompress.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `/api` goes in dev and preview: the API server started with `npm run dev` (PORT 3000) by default. */
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:3000';

/** Brotli and gzip copies of every built asset, served as they are by the API server (no per-request work). */
const precompress = (): Plugin => ({
  name: 'precompress',
  apply: 'build',
  closeBundle() {
    compressDir(fileURLToPath(new URL('./dist', import.meta.url)));
  },
});

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), antdStyles(`${root}src`, `${root}src/start.tsx`), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No vendor groups: a chunk per route with what it imports, shared code split out by the bundler. One vendor
    // chunk of all node_modules (1 MB) was loaded by every page, the sign-in page included; now ECharts, Leaflet
    // and the Ant Design components a screen needs arrive with that screen.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
});
