import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A fresh machine without Debian's Chromium: the browser project must stop with one line saying what to install.
describe('browser tests on a machine without Chromium', () => {
  it('stop before any server starts, with one line naming the apt-get command', () => {
    const run = spawnSync(
      'npx',
      ['vitest', 'run', '--project', 'browser', 'tests/browser/auth.browser.test.ts'],
      {
        env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1', CI: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    const said = `${run.stdout}\n${run.stderr}`;
    const lines = said.split('\n').filter((l) => l.includes('Chromium'));
    expect(lines).toEqual([
      'Browser tests need Chromium at /nonexistent/chromium: install it with `sudo apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).',
    ]);
    // No launch attempt and no stack trace.
    expect(said).not.toMatch(/^\s+at /m);
    expect(said).not.toContain('browserType.launch');
  });
});
