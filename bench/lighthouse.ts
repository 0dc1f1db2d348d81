import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { DEMO_PASSWORD, demoTotpCode } from '../server/modules/auth';
import { loadDemo } from '../server/modules/seed';
import { benchDatabase, benchPii } from './databases';
import { startServer } from './load-server';
import { districtDatabase } from './registry';
import { type Figure, printFigures, writeSection } from './report';

/** The keys benchPii encrypted the benchmark database with, as the server reads them from its environment. */
const BENCH_KEYS = {
  PII_KEYS: `1:${'03'.repeat(32)}`,
  PII_HMAC_KEY: '05'.repeat(32),
  AUDIT_KEY: '07'.repeat(32),
};
const PAGES = [
  { name: 'login', path: '/', signedIn: false },
  { name: 'overview', path: '/', signedIn: true },
  { name: 'residents list', path: '/residents', signedIn: true },
] as const;
const PRESETS = ['mobile', 'desktop'] as const;
const PERFORMANCE_LIMIT = 90;
const ACCESSIBILITY_LIMIT = 95;

interface Audit {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  scriptBytes: number;
  scriptFiles: number;
  /** The element Chromium took as the largest paint, to know what to make appear sooner. */
  lcpElement: string;
  /** Accessibility audits that failed, by id (what to fix). */
  accessibilityFailures: string[];
}

/** A session cookie of the district leader (sees every area), as the sign-in screen gets it. */
async function sessionCookie(url: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'leader001',
        password: DEMO_PASSWORD,
        totp: demoTotpCode(Date.now() + attempt * 30_000),
        tokenType: 'cookie',
      }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gg_session='));
    if (res.ok && cookie) return cookie.split(';')[0]!;
  }
  throw new Error('leader001 could not sign in to the benchmark server');
}

type Lhr = {
  categories: Record<string, { score: number | null; auditRefs?: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      score?: number | null;
      numericValue?: number;
      details?: { items?: (Record<string, unknown> & { items?: { node?: { selector?: string } }[] })[] };
    }
  >;
  runtimeError?: { message: string };
};

/** Keeps the whole report (LIGHTHOUSE_SAVE=<folder>) to see where the blocking time goes: bootup-time, mainthread-work-breakdown. */
function saveReport(lhr: Lhr, url: string, preset: string, signedIn: boolean): void {
  const folder = process.env.LIGHTHOUSE_SAVE!;
  mkdirSync(folder, { recursive: true });
  const page = `${new URL(url).pathname.replace(/\W+/g, '_')}${signedIn ? 'signed-in' : 'signed-out'}`;
  writeFileSync(join(folder, `${page}-${preset}.json`), JSON.stringify(lhr));
}

/** One Lighthouse run (a fresh profile: nothing cached) on a page, signed in through the cookie header. */
async function audit(
  port: number,
  url: string,
  preset: (typeof PRESETS)[number],
  cookie?: string,
  attempt = 0,
): Promise<Audit> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  const lhr = result?.lhr as unknown as Lhr | undefined;
  if (lhr && process.env.LIGHTHOUSE_SAVE) saveReport(lhr, url, preset, cookie !== undefined);
  if (!lhr || lhr.runtimeError) {
    // A loaded machine sometimes loses the trace (NO_NAVSTART): run that page again, twice at most.
    if (attempt < 2) return audit(port, url, preset, cookie, attempt + 1);
    throw new Error(`lighthouse failed on ${url}: ${lhr?.runtimeError?.message}`);
  }
  const scripts = (lhr.audits['resource-summary']?.details?.items ?? []).find(
    (i) => i.resourceType === 'script',
  );
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    scriptBytes: Number(scripts?.transferSize ?? 0),
    scriptFiles: Number(scripts?.requestCount ?? 0),
    lcpElement:
      lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? '?',
    accessibilityFailures: (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => ref.id),
  };
}

/** The database the audited server reads: the district (as the other benches), or the small one when asked. */
async function prepareData(scale: 'district' | 'small'): Promise<string> {
  if (scale === 'district') {
    await (await districtDatabase('pglite')).close();
    return '/tmp/gg_bench_district';
  }
  const db = await benchDatabase('pglite', 'gg_bench_small', false);
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  if (row!.n === 0) await loadDemo(db, { scale: 'small', seed: 1, pii: benchPii });
  await db.close();
  return '/tmp/gg_bench_small';
}

/**
 * Lighthouse 12 with Debian's Chromium on the sign-in page, the overview and the residents list, mobile and desktop
 * presets, against the real server (`server/main.ts`) serving the built web app. `LIGHTHOUSE_SCALE=small` audits the
 * small district instead of the district-scale one (the pages' code is the same; the lists' answers are faster).
 */
export async function benchLighthouse(): Promise<Figure[]> {
  const scale = process.env.LIGHTHOUSE_SCALE === 'small' ? 'small' : 'district';
  const dataDir = await prepareData(scale);
  const server = await startServer({
    ...BENCH_KEYS,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    API_RATE_LIMIT: '100000',
  });
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const figures: Figure[] = [];
  const rows: string[] = [];
  const loadBefore = loadavg()[0]!;
  try {
    const cookie = await sessionCookie(server.url);
    for (const preset of PRESETS)
      for (const page of PAGES) {
        const a = await audit(
          chrome.port,
          `${server.url}${page.path}`,
          preset,
          page.signedIn ? cookie : undefined,
        );
        const name = `${page.name}, ${preset}`;
        console.log(`${name}: ${JSON.stringify(a)}`);
        figures.push(
          {
            name: `${name}: performance`,
            value: a.performance,
            unit: 'score',
            limit: PERFORMANCE_LIMIT,
            better: 'higher',
          },
          {
            name: `${name}: accessibility`,
            value: a.accessibility,
            unit: 'score',
            limit: ACCESSIBILITY_LIMIT,
            better: 'higher',
          },
        );
        rows.push(
          `| ${name} | ${a.performance} | ${a.accessibility}${a.accessibilityFailures.length ? ` (fails: ${a.accessibilityFailures.join(', ')})` : ''} | ${(a.lcpMs / 1000).toFixed(2)} s (\`${a.lcpElement.replace(/\|/g, '/')}\`) | ${Math.round(a.tbtMs)} ms | ${(a.scriptBytes / 1024).toFixed(0)} KiB in ${a.scriptFiles} files |`,
        );
      }
  } finally {
    chrome.kill();
    await server.stop();
  }
  printFigures('Lighthouse (performance and accessibility)', figures);
  const table = [
    '| page, preset | performance | accessibility | largest contentful paint | total blocking time | JavaScript transferred |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(`\n${table}`);
  writeSection(
    'lighthouse',
    `Lighthouse: sign-in, overview and residents list (${scale === 'district' ? 'district scale' : 'small district'})`,
    figures,
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, Debian Chromium headless, a fresh profile per run (nothing cached), simulated throttling (mobile: slow 4G and 4× CPU; desktop preset: no CPU slowdown). Signed-in pages as the district leader (leader001), the session cookie sent with every request. Load average of the machine (2 cores, shared) ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0]!.toFixed(1)} after: blocking time is the page's main-thread work times the slowdown, so a loaded machine inflates it.`,
    table,
  );
  return figures;
}
