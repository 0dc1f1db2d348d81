import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  afterFetch,
  apiJson,
  appUrl,
  DESKTOP_ZH,
  openPage,
  screenshot,
  settled,
  signIn,
  useBrowser,
  watchPage,
} from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';
const centre = { username: 'centre001', password: 'Huangpu#2013' };
type Page_ = { items: { id: number; name: string }[]; nextCursor: string | null; total: { count: number } };

/** Every row of a list through the API, as the export should hold them. */
async function allRows(page: Page, query: string) {
  const rows: { id: number; name: string }[] = [];
  let cursor: string | null = null;
  do {
    const res: Page_ = await apiJson<Page_>(
      page,
      `/registry/residents?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    rows.push(...res.items);
    cursor = res.nextCursor;
  } while (cursor);
  return rows;
}

describe('registry lists: sort, page in the URL, filters, export, phone cards', () => {
  const browser = useBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser(), { ...DESKTOP_ZH, acceptDownloads: true });
    await signIn(page, centre);
  });

  it('sorts by a column header, and the sort stays in the URL', async () => {
    const watch = watchPage(page);
    await page.goto(`${appUrl()}/residents`, { waitUntil: 'networkidle' });
    await page.locator(ROWS).first().waitFor();
    expect((await page.locator('h1').textContent())?.trim()).toBe('人口');
    await afterFetch(page, /\/registry\/residents\?.*sort=name/, () =>
      page.locator('th').filter({ hasText: '姓名' }).click(),
    );
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    const names = (await page.locator(`${ROWS} td:first-child`).allTextContents()).map((n) => n.trim());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await page.getByTestId('list-total').textContent()).toMatch(/^共 [\d,]+ 条$/);
    expect(watch.problems).toEqual([]);
  });

  it('page 2 → a record → 返回列表 and Back both return to page 2', async () => {
    await page.goto(`${appUrl()}/residents?sort=name`, { waitUntil: 'networkidle' });
    await page.locator(ROWS).first().waitFor();
    await afterFetch(page, /\/registry\/residents\?.*cursor=/, () => page.getByTestId('page-next').click());
    expect(await page.getByTestId('page-number').textContent()).toBe('第 2 页');
    const listUrl = page.url();
    expect(new URL(listUrl).searchParams.get('page')).toBe('2');
    const first = page.locator(`${ROWS} td:first-child a`).first();
    const name = (await first.textContent())?.trim();
    // The heading cell is a link: it opens with the keyboard.
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/residents\/\d+/);
    await settled(page);
    await page.getByText(name!, { exact: false }).first().waitFor();
    await page.getByRole('link', { name: '返回列表' }).first().click();
    await page.waitForURL(/page=2/);
    await settled(page);
    expect(await page.getByTestId('page-number').textContent()).toBe('第 2 页');
    expect((await page.locator(`${ROWS} td:first-child`).first().textContent())?.trim()).toBe(name);
    await page.locator(`${ROWS} td:first-child a`).first().click();
    await page.waitForURL(/\/residents\/\d+/);
    await page.goBack();
    await page.waitForURL(/page=2/);
    await settled(page);
    expect(await page.getByTestId('page-number').textContent()).toBe('第 2 页');
    await screenshot(page, 'lists-page-2');
  });

  it('a forged cursor in the URL falls back to page 1 and says so', async () => {
    await page.goto(`${appUrl()}/residents?page=4&cursor=forged-cursor-value`, { waitUntil: 'networkidle' });
    await page.getByTestId('stale-cursor').waitFor();
    await page.waitForURL((url) => !url.searchParams.has('cursor') && !url.searchParams.has('page'));
    await page.waitForFunction(
      () => document.querySelector('[data-testid=page-number]')?.textContent === '第 1 页',
    );
    await settled(page);
    expect(await page.locator(ROWS).count()).toBeGreaterThan(0);
  });

  it('filters live in the URL; the export downloads the rows of the filtered list', async () => {
    await page.goto(`${appUrl()}/residents`, { waitUntil: 'networkidle' });
    await page.locator(ROWS).first().waitFor();
    await page.getByTestId('filter-tag').click();
    await afterFetch(page, /tag=elderly_alone/, () =>
      page.locator('.ant-select-item-option').filter({ hasText: '独居老人' }).click(),
    );
    expect(new URL(page.url()).searchParams.get('tag')).toBe('elderly_alone');
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator(ROWS).first().waitFor();
    const tags = await page.locator(`${ROWS}`).allTextContents();
    expect(tags.every((row) => row.includes('独居老人'))).toBe(true);
    await screenshot(page, 'lists-filtered');

    const area = new URL(page.url()).searchParams.get('area');
    const expected = await allRows(page, `tag=elderly_alone${area ? `&area=${area}` : ''}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^居民-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(0, 2)).toEqual(['编号', '住址']);
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it('on a 390 px phone: cards with the unit, filters behind 筛选, nothing wider than the screen', async () => {
    const phone = await openPage(browser(), {
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
    });
    try {
      await signIn(phone, centre);
      await phone.goto(`${appUrl()}/houses`, { waitUntil: 'networkidle' });
      await phone.getByTestId('list-card').first().waitFor();
      const cards = await phone.getByTestId('list-card').allTextContents();
      expect(cards.length).toBeGreaterThan(1);
      // Every card names its unit (房), so cards at one door plate differ.
      expect(cards.every((c) => /栋\S*房|房/.test(c))).toBe(true);
      expect(new Set(cards).size).toBe(cards.length);
      expect(await phone.locator('.ant-table').count()).toBe(0);
      expect(await phone.getByTestId('filter-use').count()).toBe(0);
      await phone.getByTestId('filters-toggle').click();
      await phone.getByTestId('filter-use').waitFor();
      const button = await phone.locator('.ant-input-search-btn').boundingBox();
      expect(button!.x + button!.width).toBeLessThanOrEqual(390);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(phone, 'lists-phone-houses');
    } finally {
      await phone.context().close();
    }
  });
});
