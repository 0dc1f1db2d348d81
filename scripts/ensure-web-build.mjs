// Builds the web app when web/dist is missing, older than anything it is built from, or lacks the compressed
// copies the server sends (a build from before they existed), so `npm start` serves what the sources say.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    return Math.max(latest, time);
  }, 0);
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

const built = 'web/dist/index.html';
const sources = Math.max(
  newest('web/src'),
  existsSync('web/public') ? newest('web/public') : 0,
  mtime('web/index.html'),
  mtime('web/vite.config.ts'),
  newest('web/build'),
  // A dependency upgrade changes the bundle without touching our sources.
  mtime('package-lock.json'),
);
const compressed = existsSync(`${built}.br`) && existsSync(`${built}.gz`);
// A bundle built under another NODE_ENV carries React's development warnings: never serve one.
const development = () =>
  readdirSync('web/dist/assets')
    .filter((name) => name.endsWith('.js'))
    .some((name) =>
      readFileSync(join('web/dist/assets', name), 'utf8').includes('should have a unique "key" prop'),
    );
if (!existsSync(built) || mtime(built) < sources || !compressed || development()) {
  console.log('building the web app (web/dist)…');
  // Always a production bundle: under vitest NODE_ENV is `test`, which would give React's development build
  // (several times slower, and what `npm start` would then serve).
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
