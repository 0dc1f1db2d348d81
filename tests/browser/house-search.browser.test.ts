import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterFetch, appUrl, openPage, screenshot, signIn, useBrowser, watchPage } from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';
// Units are matched anywhere ("101" finds 3栋101房), so a unit's own beginning finds it too.

describe('houses: search by unit number (against a running server with the small demo district)', () => {
  const browser = useBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser());
    await signIn(page);
  });

  it('part of a unit keeps only the houses whose unit holds it, and stays in the URL', async () => {
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
    expect(units.every((u) => u.trim().includes(prefix))).toBe(true);
    await screenshot(page, 'houses-search');

    // Reloading keeps the search; clearing it shows every house again.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await search.inputValue()).toBe(prefix);
    await afterFetch(page, /\/registry\/houses\?/, () => search.fill('').then(() => search.press('Enter')));
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(watch.problems).toEqual([]);
  });
});
