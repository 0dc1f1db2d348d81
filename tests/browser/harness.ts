import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { DEMO_PASSWORD, demoTotpCode, TOTP_PERIOD_SECONDS, totpSecondsLeft } from '../../server/modules/auth';
import { chromiumPath } from '../support/browser-prerequisites';

/** Headless Debian Chromium, with everything that would reach the network switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** How the screens are looked at unless a test says otherwise: a desktop window, in Chinese. */
export const DESKTOP_ZH: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/**
 * One headless browser for the enclosing describe block, launched before its tests (and before the block's own
 * beforeAll hooks, which are registered after this call) and closed after them. Answers a getter: the browser
 * exists only once the hook has run.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser)
      throw new Error('useBrowser(): the browser is launched in beforeAll, use it inside hooks and tests');
    return browser;
  };
}

/** A page in a context of its own (its own cookies, so its own session); close it with `page.context().close()`. */
export async function openPage(browser: Browser, options: BrowserContextOptions = DESKTOP_ZH): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/**
 * A fresh desktop page, watched, for each test of the enclosing block (closed after it); `onOpen` hands it to
 * the test file and may sign in.
 */
export function usePagePerTest(
  browser: () => Browser,
  onOpen: (page: Page, watch: PageWatch) => unknown,
): void {
  let page: Page | undefined;
  beforeEach(async () => {
    page = await openPage(browser());
    await onOpen(page, watchPage(page));
  });
  afterEach(async () => {
    await page?.context().close();
  });
}

/**
 * Base URL of the running server, without a trailing slash: `APP_URL`, else what the browser project's
 * globalSetup provided.
 */
export function appUrl(): string {
  const url = process.env.APP_URL || inject('appUrl');
  if (!url)
    throw new Error('APP_URL is not set: the browser tests need a running server with a seeded district');
  return url.replace(/\/+$/, '');
}

export interface PageWatch {
  /** Console errors, uncaught page errors, failed requests and HTTP answers >= 400, in order. */
  readonly problems: string[];
  /** Forget what was seen so far (e.g. after a step that is expected to fail). */
  reset(): void;
}

/**
 * Collects what a person would not notice but a test must: console errors, uncaught exceptions,
 * requests that failed (except those the app itself aborted, e.g. a superseded query) and responses
 * with status >= 400.
 */
export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    problems.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    if (failure.includes('ERR_ABORTED')) return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return {
    problems,
    reset: () => {
      problems.length = 0;
    },
  };
}

/** Full-page screenshot at test-results/<name>.png (relative to the working directory). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = resolve('test-results', `${name}.png`);
  await mkdir(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The demo account the screens are looked at with: a district leader sees the whole district. */
export const demoAccount = {
  username: process.env.APP_USER ?? 'leader001',
  password: process.env.APP_PASSWORD ?? DEMO_PASSWORD,
};

/**
 * A demo TOTP code this account has not used yet: each code signs in once, so a second sign-in of the same
 * account within its 30 s takes the next step's code (the server allows one step of drift), and a third
 * waits for the step after. `attempt` counts the refusals so far.
 */
export async function freshDemoCode(attempt: number): Promise<string> {
  if (attempt === 0) return demoTotpCode();
  if (attempt === 2) await new Promise((r) => setTimeout(r, totpSecondsLeft() * 1000 + 250));
  return demoTotpCode(Date.now() + TOTP_PERIOD_SECONDS * 1000);
}

/**
 * Sign the page's browser context in through the API (a cookie session, as the sign-in screen does),
 * with the demo TOTP code for accounts that need one (it is ignored for the others).
 */
export async function signIn(page: Page, account = demoAccount): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await page.request.post(`${appUrl()}/api/v1/auth/login`, {
      data: { ...account, totp: await freshDemoCode(attempt), tokenType: 'cookie' },
    });
    if (res.ok()) return;
    const body = await res.text();
    if (attempt < 2 && res.status() === 401 && body.includes('"bad_totp"')) continue;
    throw new Error(`sign-in as ${account.username} failed: ${res.status()} ${body}`);
  }
}

/** Wait until no spinner or skeleton is left (client-side navigation has no load event to wait for). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));
  await page.waitForTimeout(450); // antd fades the loading veil out
}

/** Do something that must fetch a URL matching `pattern`, and wait until its answer is shown. */
export async function afterFetch(page: Page, pattern: RegExp, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForResponse((r) => pattern.test(r.url())), action()]);
  await settled(page);
}

/** Share of a canvas that is painted: a map without boundaries stays transparent. */
export function paintedShare(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    let sampled = 0;
    for (let i = 3; i < data.length; i += 4 * 7) {
      sampled++;
      if ((data[i] ?? 0) > 0) painted++;
    }
    return painted / sampled;
  }, selector);
}

/** GET an API path (under /api/v1) with the page's session; throws on an error answer. */
export async function apiJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${appUrl()}/api/v1${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The number an overview statistic card shows (`stat-<key>`), digits only. */
export async function statNumber(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`stat-${key}`).locator('.ant-statistic-content').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}
