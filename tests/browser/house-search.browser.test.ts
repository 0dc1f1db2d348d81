import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterFetch, appUrl, launchBrowser, screenshot, signIn, watchPage } from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';

describe('houses: search by unit prefix (against a running server with the small demo district)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a unit prefix keeps only the houses whose unit starts with it, and stays in the URL', async () => {
    const watch = watchPage(page);
    await page.goto(`${appUrl()}/houses`, { waitUntil: 'networkidle' });
    await page.locator(ROWS).first().waitFor();
    const unit = ((await page.locator(`${ROWS} td:nth-child(2)`).first().textContent()) ?? '').trim();
    const prefix = unit.slice(0, 4); // e.g. 1栋10
    const search = page.getByTestId('list-search').locator('input');
    await search.fill(prefix);
    await afterFetch(page, /\/registry\/houses\?.*q=/, () => search.press('Enter'));
    await page.waitForURL(/[?&]q=/);
    const units = await page.locator(`${ROWS} td:nth-child(2)`).allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.trim().startsWith(prefix))).toBe(true);
    await screenshot(page, 'houses-search');

    // Reloading keeps the search; clearing it shows every house again.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await search.inputValue()).toBe(prefix);
    await afterFetch(page, /\/registry\/houses\?/, () => search.fill('').then(() => search.press('Enter')));
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(watch.problems).toEqual([]);
  });
});
