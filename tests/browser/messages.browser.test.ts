import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import {
  appUrl,
  DESKTOP_ZH,
  freshDemoCode,
  openPage,
  screenshot,
  settled,
  signIn,
  useBrowser,
} from './harness';
import { unstyledAntdClasses } from './unstyled';

type Json = Record<string, unknown>;
const CENTRE = 'centre002';
const LEAD = 'transport.01';

/** A cookie session for `username` in the page's context, with its CSRF token for state-changing calls. */
async function session(page: Page, username: string) {
  for (let attempt = 0; ; attempt++) {
    const res = await page.request.post(`${appUrl()}/api/v1/auth/login`, {
      data: { username, password: DEMO_PASSWORD, totp: await freshDemoCode(attempt), tokenType: 'cookie' },
    });
    const body = (await res.json()) as Json;
    if (res.ok()) return body.csrfToken as string;
    if (attempt >= 2 || body.code !== 'bad_totp')
      throw new Error(`sign-in as ${username}: ${JSON.stringify(body)}`);
  }
}

/** The district centre reports a hazard at some grid's centre and dispatches it to the transport bureau as lead. */
async function dispatchedEvent(page: Page) {
  const csrf = await session(page, CENTRE);
  const api = async (
    method: 'GET' | 'POST',
    path: string,
    data?: Json,
    headers: Record<string, string> = {},
  ) => {
    const res = await page.request.fetch(`${appUrl()}/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': csrf, ...headers },
      ...(data ? { data } : {}),
    });
    const body = (await res.json()) as Json;
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
    return body;
  };
  type Node = { code: string; level: string; children: Node[] };
  const grids: Node[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.level === 'grid') grids.push(n);
      walk(n.children);
    }
  };
  walk((await api('GET', '/areas/tree')).roots as Node[]);
  const grid = await api('GET', `/areas/${grids[0]!.code}`);
  const { lat, lng } = grid.centroid as { lat: number; lng: number };
  const title = `公交站台设置不合理 ${randomUUID().slice(0, 6)}`;
  const event = await api(
    'POST',
    '/events',
    { kind: 'hazard', categoryCode: '11', title, lat, lng },
    { 'idempotency-key': randomUUID() },
  );
  await api('POST', `/events/${event.id}/dispatch`, { version: event.version, lead: 'transport' });
  return { id: event.id as number, number: event.number as string, title };
}

/** Serious and critical axe-core violations on the page as it is now (axe injected: the context bypasses CSP). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The header's unread count, asking again (a reload) until the relay has delivered, at most `ms`. */
async function unreadBadge(page: Page, atLeast: number, ms = 30_000): Promise<number> {
  const until = Date.now() + ms;
  for (;;) {
    const bell = page.getByTestId('notification-bell').first();
    await bell.waitFor();
    await settled(page);
    const n = Number(await bell.getAttribute('data-unread'));
    if (n >= atLeast || Date.now() > until) return n;
    await page.waitForTimeout(1000);
    await page.reload();
  }
}

describe('message centre in the browser', () => {
  const browser = useBrowser();

  it('a dispatch reaches the lead department’s header badge; the list links to the event and marks it read', async () => {
    const centre = await openPage(browser());
    const event = await dispatchedEvent(centre);
    await centre.context().close();

    const page = await openPage(browser(), { ...DESKTOP_ZH, bypassCSP: true });
    await signIn(page, { username: LEAD, password: DEMO_PASSWORD });
    await page.goto(`${appUrl()}/`);
    const before = await unreadBadge(page, 1);
    expect(before).toBeGreaterThanOrEqual(1);
    const bell = page.getByTestId('notification-bell').first();
    expect(await bell.getAttribute('aria-label')).toBe(`消息，${before} 条未读`);
    await expect.poll(() => page.locator('.ant-badge-count').first().textContent()).toBe(String(before));

    await bell.click();
    await page.waitForURL(/\/messages$/);
    await settled(page);
    const item = page.getByTestId('notification').filter({ hasText: event.title });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.textContent()).toContain('派遣给本部门主办');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unstyledAntdClasses(page)).toEqual([]);
    await screenshot(page, 'messages-list');

    await item.getByRole('link', { name: new RegExp(event.number) }).click();
    await page.waitForURL(new RegExp(`/events/${event.id}$`));
    await page.getByText(event.number).first().waitFor();
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(before - 1);
    await page.context().close();
  }, 120_000);

  it('works on a 390 px phone: the bell in the header, the list without sideways scrolling', async () => {
    const centre = await openPage(browser());
    const event = await dispatchedEvent(centre);
    await centre.context().close();
    const page = await openPage(browser(), {
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    await signIn(page, { username: LEAD, password: DEMO_PASSWORD });
    await page.goto(`${appUrl()}/messages`);
    expect(await unreadBadge(page, 1)).toBeGreaterThanOrEqual(1);
    await page.getByTestId('notification').filter({ hasText: event.title }).waitFor();
    expect(await page.getByTestId('notification-bell').first().isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unstyledAntdClasses(page)).toEqual([]);
    await page.getByTestId('mark-all-read').click();
    await expect
      .poll(async () => page.getByTestId('notification-bell').first().getAttribute('data-unread'))
      .toBe('0');
    await screenshot(page, 'messages-phone');
    await page.context().close();
  }, 120_000);
});
