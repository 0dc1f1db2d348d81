import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REGISTRY_RESOURCES } from '../../core/policy/capabilities';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import { apiJson, appUrl, openPage, screenshot, settled, signIn, useBrowser, watchPage } from './harness';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const NARROW = { ...PHONE, viewport: { width: 360, height: 740 } };

interface Area {
  code: string;
  name: string;
  level: string;
  children: Area[];
}

/** Pixels the page is wider than the window (a sideways scroll on a phone when above 0). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const open = async (page: Page, path: string) => {
  await page.goto(`${appUrl()}${path}`, { waitUntil: 'networkidle' });
  await settled(page);
};

/** The part of an element outside the window, in px (0 when it is fully on screen). */
const offScreen = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return Math.max(0, -r.left, r.right - window.innerWidth, -r.top);
  });

describe('web shell: phone layout, my grid, expired session, help, demo banner', () => {
  const browser = useBrowser();
  let gridWorker = '';
  let grid: Area;

  const phonePage = async (b: Browser, options = PHONE) => {
    const page = await openPage(b, options);
    return { page, watch: watchPage(page) };
  };

  it('finds the first grid and its worker', async () => {
    const page = await openPage(browser());
    await signIn(page);
    const tree = await apiJson<{ roots: Area[] }>(page, '/areas/tree');
    grid = tree.roots[0]!.children[0]!.children[0]!.children[0]!;
    gridWorker = `grid${grid.code.slice(6)}`;
    await page.context().close();
  });

  it('phone: a grid worker starts on "my grid"; the header fits; the drawer holds labelled menu and account', async () => {
    const { page, watch } = await phonePage(browser());
    await signIn(page, { username: gridWorker, password: DEMO_PASSWORD });
    await open(page, '/');
    await page.getByTestId('my-grid').waitFor();
    expect(await page.locator('h1').allTextContents()).toEqual(['我的网格']);
    // The grid's own counts, as the summary API gives them.
    const summary = await apiJson<{ counts: { residents: number; houses: number } }>(
      page,
      `/registry/summary?area=${grid.code}`,
    );
    const shown = async (key: string) =>
      Number(
        (
          (await page.getByTestId(`my-count-${key}`).locator('.ant-statistic-content').textContent()) ?? ''
        ).replace(/\D/g, ''),
      );
    expect(await shown('residents')).toBe(summary.counts.residents);
    expect(await shown('houses')).toBe(summary.counts.houses);
    await page.getByTestId(`my-area-${grid.code}`).getByText(grid.name).first().waitFor();
    expect(await page.getByTestId('my-new-resident').getAttribute('href')).toBe(
      `/residents/new?area=${grid.code}`,
    );
    // Focus people: the residents list's total for the same filter.
    const elderly = page.getByTestId('my-focus-elderly_alone');
    if (await elderly.count()) {
      const list = await apiJson<{ total: { count: number } }>(
        page,
        `/registry/residents?area=${grid.code}&tag=elderly_alone&limit=1`,
      );
      expect(Number(((await elderly.textContent()) ?? '').replace(/\D/g, ''))).toBe(list.total.count);
    } else {
      await page.getByTestId('my-focus-unavailable').waitFor();
    }

    // Header: menu, title, help and area on screen; the account is not squeezed into it.
    for (const id of ['menu-button', 'help-link', 'area-picker']) expect(await offScreen(page, id)).toBe(0);
    expect(await page.getByTestId('app-header').getByTestId('user-name').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'shell-my-grid-390');

    // The drawer: account, sign-out, language, and every entry with its name (not a bare symbol).
    await page.getByTestId('menu-button').click();
    const drawer = page.getByTestId('app-drawer');
    await drawer.getByTestId('user-name').waitFor();
    await drawer.getByTestId('logout').waitFor();
    await drawer.getByTestId('language-switch').waitFor();
    const labels = await drawer.locator('[data-testid=side-menu] .ant-menu-title-content').allTextContents();
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.every((l) => /\p{Script=Han}{2,}/u.test(l))).toBe(true);
    await page.waitForTimeout(400);
    await screenshot(page, 'shell-drawer-390');
    await drawer.locator('[data-testid=side-menu]').getByText('房屋', { exact: true }).click();
    await page.waitForURL(/\/houses/);
    await drawer.waitFor({ state: 'hidden' });
    expect(watch.problems).toEqual([]);
    await page.context().close();
  });

  it('360 px: no screen scrolls sideways (overview, my grid, every list, a detail, a form, help, audit)', async () => {
    const { page } = await phonePage(browser(), NARROW);
    await signIn(page, { username: 'centre001', password: DEMO_PASSWORD });
    const first = await apiJson<{ items: { id: number }[] }>(page, '/registry/residents?limit=1');
    const screens = [
      '/',
      '/help',
      ...REGISTRY_RESOURCES.map((r) => `/${r}`),
      `/residents/${first.items[0]!.id}`,
      '/residents/new',
      '/houses/new',
    ];
    const wide: string[] = [];
    for (const path of screens) {
      await open(page, path);
      const px = await overflow(page);
      if (px > 0) wide.push(`${path}: ${px} px too wide`);
    }
    await screenshot(page, 'shell-houses-new-360');
    await page.context().close();

    const grid = await phonePage(browser(), NARROW);
    await signIn(grid.page, { username: gridWorker, password: DEMO_PASSWORD });
    await open(grid.page, '/my-grid');
    if ((await overflow(grid.page)) > 0) wide.push(`/my-grid: ${await overflow(grid.page)} px too wide`);
    await grid.page.context().close();

    const auditor = await phonePage(browser(), NARROW);
    await signIn(auditor.page, { username: 'auditor001', password: DEMO_PASSWORD });
    await open(auditor.page, '/audit');
    if ((await overflow(auditor.page)) > 0) wide.push(`/audit: ${await overflow(auditor.page)} px too wide`);
    await auditor.page.context().close();
    expect(wide, `screens wider than 360 px:\n${wide.join('\n')}`).toEqual([]);
  }, 240_000); // 19 screens, each loaded and settled

  it('expired session: sign-in says so, and signing in returns to the same screen', async () => {
    const page = await openPage(browser());
    const watch = watchPage(page);
    await signIn(page, { username: 'leader001', password: DEMO_PASSWORD });
    await open(page, '/residents');
    await page.getByTestId('side-menu').waitFor();
    // The session ends on the server's side (here: its cookie is gone); the next request answers 401.
    await page.context().clearCookies();
    await page.getByTestId('side-menu').getByText('房屋', { exact: true }).click();
    await page.getByTestId('session-expired').getByText('登录已过期，请重新登录').waitFor();
    expect(new URL(page.url()).pathname).toBe('/houses');
    await screenshot(page, 'shell-session-expired');
    expect(watch.problems.every((p) => /\b401\b/.test(p))).toBe(true);
    watch.reset();

    await page.getByTestId('login-username').fill('leader001');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/houses');
    expect(await page.getByTestId('session-expired').count()).toBe(0);
    expect(watch.problems).toEqual([]);

    // Signing out on purpose is not an expiry: the sign-in screen then says nothing of the kind.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-card').waitFor();
    await settled(page);
    expect(await page.getByTestId('session-expired').count()).toBe(0);
    await page.context().close();
  });

  it('help opens at the role and screen it was asked from; a bad link reads as one', async () => {
    const { page, watch } = await phonePage(browser());
    await signIn(page, { username: gridWorker, password: DEMO_PASSWORD });
    await open(page, `/residents?area=${grid.code}`);
    watch.reset(); // the list is another part's screen: only the help is judged here
    await page.getByTestId('help-link').click();
    await page.getByTestId('help').waitFor();
    expect(new URL(page.url()).searchParams.get('role')).toBe('grid_worker');
    await page.getByTestId('help-role-grid_worker').getByText('网格员').first().waitFor();
    expect(await page.getByTestId('help-screen-tip').textContent()).toContain('居民名单');
    expect(await page.locator('h1').allTextContents()).toEqual(['使用帮助']);
    await screenshot(page, 'shell-help-390');
    expect(watch.problems).toEqual([]);

    // A record id that is not a number: what to do, not the validator's words (those stay under 技术信息).
    await open(page, '/residents/abc');
    const advice = page.getByTestId('api-error-advice');
    await advice.waitFor();
    expect(await advice.textContent()).toMatch(/链接有误|记录不存在/);
    expect(await advice.textContent()).not.toMatch(/invalid_request|params|integer/);
    await page.context().close();
  });

  it('demo mode: the banner is on the sign-in screen and on every signed-in screen', async () => {
    const config = await (await fetch(`${appUrl()}/api/v1/client-config`)).json();
    expect(config.demo).toBe(true);
    const page = await openPage(browser());
    await open(page, '/');
    await page.getByTestId('login-card').waitFor();
    expect(await page.getByTestId('demo-banner').textContent()).toBe(
      '演示系统：数据为生成的演示数据，账号密码公开',
    );
    await screenshot(page, 'shell-login-demo');
    await signIn(page, { username: 'leader001', password: DEMO_PASSWORD });
    for (const path of ['/', '/residents', '/help']) {
      await open(page, path);
      await page.getByTestId('demo-banner').waitFor();
    }
    await page.context().close();
  });
});
