import { accessSync, constants } from 'node:fs';

/** Where the browser tests look for Chromium; CHROMIUM_PATH points them (and this check) elsewhere. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * First global setup of the browser project: without Debian's Chromium every browser test would fail with a
 * launch stack trace, so stop here with one line saying what to install (the fonts, or Chinese shows as boxes).
 */
export default function checkBrowserPrerequisites(): void {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
  } catch {
    process.stderr.write(
      `Browser tests need Chromium at ${path}: install it with \`sudo apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH).\n`,
    );
    process.exit(1);
  }
}
