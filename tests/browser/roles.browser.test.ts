import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaNode } from '../../web/src/lib/types';
import {
  afterFetch,
  apiJson,
  appUrl,
  demoAccount,
  openPage,
  type PageWatch,
  screenshot,
  settled,
  signIn,
  statNumber,
  useBrowser,
  usePagePerTest,
} from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';
const TREE_TITLES = '[data-testid=area-tree] .ant-tree-title';
const REASON = '入户走访，核实身份信息';

describe('roles: what each account sees and may do (small demo district)', () => {
  const browser = useBrowser();
  let page: Page;
  let watch: PageWatch;
  /** The first grid of the district and its grid worker (`grid` + the grid code after the district's 6 digits). */
  let grid: AreaNode;
  let gridWorker: string;

  const as = (username: string) => signIn(page, { username, password: demoAccount.password });
  const open = (path: string) => page.goto(`${appUrl()}${path}`, { waitUntil: 'networkidle' });
  const api = <T>(path: string) => apiJson<T>(page, path);
  const openFirstResident = async () => {
    await open('/residents');
    await page.locator(ROWS).first().locator('td').first().click();
    await page.waitForURL(/\/residents\/\d+/);
    await page.getByTestId('record-fields').waitFor();
    await settled(page);
  };

  beforeAll(async () => {
    page = await openPage(browser(), {});
    await as('centre001');
    const tree = await api<{ roots: AreaNode[] }>('/areas/tree');
    grid = tree.roots[0]!.children[0]!.children[0]!.children[0]!;
    gridWorker = `grid${grid.code.slice(6)}`;
    await page.context().close();
  });
  usePagePerTest(browser, (p, w) => {
    page = p;
    watch = w;
  });

  it('grid worker: only the path to the own grid, only its residents, reveals an ID number with a reason', async () => {
    await as(gridWorker);
    // `/` alone is the grid worker's "my grid" (shell.browser.test.ts); with an area it is the overview.
    await open(`/?area=${grid.code}`);
    await page.getByTestId('area-tree').waitFor();
    await settled(page);
    // District → street → community → the own grid, nothing beside it.
    expect(await page.locator(TREE_TITLES).allTextContents()).toHaveLength(4);
    expect((await page.locator(TREE_TITLES).last().textContent())?.trim()).toBe(grid.name);
    await page.getByTestId('selected-area-name').getByText(grid.name).waitFor();
    await page.getByTestId('user-role').getByText(grid.name).waitFor();
    expect(await page.getByTestId('side-menu').getByText('审计日志').count()).toBe(0);
    await screenshot(page, 'roles-grid-worker-overview');

    await open('/residents');
    await page.locator(ROWS).first().waitFor();
    const grids = await page.getByTestId('cell-grid').allTextContents();
    expect(grids.length).toBeGreaterThan(0);
    expect(grids.every((name) => name.trim() === grid.name)).toBe(true);

    await openFirstResident();
    const masked = ((await page.getByTestId('masked-idNumber').textContent()) ?? '').trim();
    expect(masked).toMatch(/^\d{6}\*{12}$/);
    await page.getByTestId('reveal-idNumber').click();
    // The reason is required: one character is refused before anything is sent.
    await page.getByTestId('reveal-reason').fill('查');
    await page.getByTestId('reveal-submit').click();
    await page.getByText('请写明查看事由').waitFor();

    // A refusal from the API is shown in the dialog: send this one reveal to a record that does not exist.
    const elsewhere = (url: string) => url.replace(/\/\d+\/reveal$/, '/999999999/reveal');
    await page.route('**/reveal', (route) => route.continue({ url: elsewhere(route.request().url()) }));
    await page.getByTestId('reveal-reason').fill(REASON);
    await page.getByTestId('reveal-submit').click();
    const refusal = page.getByTestId('reveal-form').getByTestId('api-error');
    expect(await refusal.textContent()).toMatch(/999999999/);
    await page.unroute('**/reveal');
    expect(watch.problems.length).toBeGreaterThan(0);
    expect(watch.problems.every((p) => /404/.test(p) && /reveal/.test(p))).toBe(true);
    watch.reset();

    await page.getByTestId('reveal-submit').click();
    const revealed = page.getByTestId('revealed-idNumber');
    await revealed.waitFor();
    const value = ((await revealed.textContent()) ?? '').trim();
    expect(value).toHaveLength(18);
    expect(value).toMatch(/^\d{17}[\dX]$/);
    expect(value.slice(0, 6)).toBe(masked.slice(0, 6));
    expect(value).toMatch(/^\d{17}[\dX]$/);
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await screenshot(page, 'roles-grid-worker');
    expect(watch.problems).toEqual([]);
  });

  it('district centre: every street in the navigator, the whole district counted, may reveal', async () => {
    await as('centre001');
    await open('/');
    await page.getByTestId('stat-residents').waitFor();
    await settled(page);
    const { roots } = await api<{ roots: AreaNode[] }>('/areas/tree');
    const district = roots[0]!;
    const titles = (await page.locator(TREE_TITLES).allTextContents()).map((s) => s.trim());
    expect(district.children.length).toBeGreaterThan(1);
    for (const street of district.children) expect(titles).toContain(street.name);
    await page.getByTestId('selected-area-name').getByText(district.name).waitFor();
    const summary = await api<{ counts: Record<string, number> }>(`/registry/summary?area=${district.code}`);
    expect(await statNumber(page, 'residents')).toBe(summary.counts.residents);
    expect(await statNumber(page, 'streets')).toBe(district.children.length);
    await screenshot(page, 'roles-district-centre');

    await openFirstResident();
    await page.getByTestId('reveal-idNumber').waitFor();
    await page.getByTestId('reveal-phone').waitFor();
    expect(watch.problems).toEqual([]);
  });

  it('district leader: reads everything, but no reveal action and no audit log', async () => {
    await as('leader001');
    await openFirstResident();
    await page.getByTestId('masked-idNumber').waitFor();
    expect(await page.getByTestId('reveal-idNumber').count()).toBe(0);
    expect(await page.getByTestId('reveal-phone').count()).toBe(0);
    await page.getByTestId('user-role').getByText('区领导').waitFor();
    expect(await page.getByTestId('side-menu').getByText('审计日志').count()).toBe(0);
    await open('/audit');
    await page.getByTestId('forbidden').waitFor();
    expect(watch.problems).toEqual([]);
  });

  it('auditor: lands on the audit log, finds the grid worker’s reveal, the chain is intact', async () => {
    await as('auditor001');
    await open('/');
    await page.waitForURL(/\/audit$/);
    await page.locator(ROWS).first().waitFor();
    expect((await page.getByTestId('side-menu').textContent())?.trim()).toMatch(/^\S*审计日志$/);
    expect(await page.getByTestId('area-picker').count()).toBe(0);
    await page.getByTestId('verify-chain').click();
    const verdict = page.getByTestId('verify-result');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toMatch(/完整：共 \d+ 条/);
    await settled(page);
    await screenshot(page, 'roles-auditor');
    if (await page.getByTestId('page-next').isEnabled()) {
      const newest = await page.locator(ROWS).first().textContent();
      await afterFetch(page, /\/audit\?.*cursor=/, () => page.getByTestId('page-next').click());
      await page.getByTestId('page-number').getByText('第 2 页').waitFor();
      expect(await page.locator(ROWS).first().textContent()).not.toBe(newest);
      await page.getByTestId('page-prev').click();
      await page.getByTestId('page-number').getByText('第 1 页').waitFor();
    }

    // Only reveals: the grid worker's is there, with what was looked at and why.
    await page.getByTestId('filter-action').click();
    const option = page.locator('.ant-select-item-option').getByText('查看个人信息', { exact: true });
    await afterFetch(page, /\/audit\?.*action=personal\.reveal/, () => option.click());
    const actions = await page
      .locator('[data-testid=cell-action]')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a === 'personal.reveal')).toBe(true);
    const row = page.locator(ROWS).filter({ hasText: gridWorker }).first();
    expect(await row.getByTestId('cell-details').textContent()).toContain(REASON);
    expect(await row.getByTestId('cell-details').textContent()).toContain('证件号码');

    // Clicking an actor keeps only that account's entries.
    await afterFetch(page, /\/audit\?.*actor=account/, () => row.getByTestId('cell-actor').click());
    const actors = await page
      .getByTestId('cell-actor')
      .evaluateAll((links) => links.map((link) => link.getAttribute('data-username')));
    expect(actors.every((a) => a === gridWorker)).toBe(true);
    expect(watch.problems).toEqual([]);
  });
});
