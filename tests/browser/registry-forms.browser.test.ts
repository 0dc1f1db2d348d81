import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistryPage } from '../../web/src/api/types';
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
  useBrowser,
  watchPage,
} from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';

/** The text box of a form field, whether antd put the test id on it or on its wrapper. */
const textBox = (page: Page, field: string) =>
  page.locator(`input[data-testid=input-${field}], [data-testid=input-${field}] input`).first();

/** The form item around an input (`input-<field>`), where antd shows that field's error. */
const fieldItem = (page: Page, field: string) =>
  page.locator('.ant-form-item', { has: textBox(page, field) });

describe('registry forms from descriptions: create, a refusal at its field, edit, archive', () => {
  const browser = useBrowser();
  let page: Page;
  let watch: PageWatch;

  const start = async (username: string, width = 1440) => {
    page = await openPage(browser(), { viewport: { width, height: 900 }, locale: 'zh-CN' });
    watch = watchPage(page);
    await signIn(page, { username, password: demoAccount.password });
  };
  const open = (path: string) => page.goto(`${appUrl()}${path}`, { waitUntil: 'networkidle' });

  afterEach(async () => {
    await page?.context().close();
  });

  it('district centre: a house created at an address, refused then accepted, edited and archived', async () => {
    await start('centre001');
    const addresses = await apiJson<RegistryPage<'addresses'>>(page, '/registry/addresses?limit=1');
    const address = addresses.items[0]!;
    const unit = `测${Date.now() % 100_000}`;

    // From the houses at one address, "new" starts a house at that address.
    await open(`/houses?addressId=${address.id}`);
    await page.getByTestId('record-create').click();
    await page.waitForURL(/\/houses\/new\?.*addressId=/);
    // The address picker starts at that address, named by its door plate, not its id.
    await page.getByTestId('input-addressId').getByText(address.fullText).waitFor();
    await textBox(page, 'unit').fill(unit);
    await page.getByTestId('input-use').click();
    await page.locator('.ant-select-item-option', { hasText: '自住' }).click();
    await textBox(page, 'floorArea').fill('0');
    await page.getByTestId('form-submit').click();

    // The server refuses a floor area of 0 and the form says so beside that field.
    const refusal = fieldItem(page, 'floorArea').locator('.ant-form-item-explain-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/0/);
    expect(watch.problems.length).toBeGreaterThan(0);
    expect(watch.problems.every((p) => p.includes('400') && p.includes('/registry/houses'))).toBe(true);
    watch.reset();
    await screenshot(page, 'registry-form-refused');

    await textBox(page, 'floorArea').fill('85.5');
    await page.getByTestId('form-submit').click();
    await page.waitForURL(/\/houses\/\d+(\?|$)/);
    await page.getByTestId('record-heading').getByText(unit).waitFor();
    expect(await page.getByTestId('record-fields').textContent()).toContain(address.fullText);
    await settled(page);
    await screenshot(page, 'registry-created');

    // Edit: only the changed field is sent; the detail and its history show the change.
    await page.getByTestId('record-edit').click();
    await page.waitForURL(/\/houses\/\d+\/edit/);
    expect(await textBox(page, 'unit').inputValue()).toBe(unit);
    await textBox(page, 'unit').fill(`${unit}B`);
    await page.getByTestId('form-submit').click();
    await page.waitForURL(/\/houses\/\d+(\?|$)/);
    await page.getByTestId('record-heading').getByText(`${unit}B`).waitFor();
    await page.getByTestId('history-timeline').getByText('修改').first().waitFor();

    // Archive, after confirming: the record says so and offers no more actions.
    await page.getByTestId('record-archive').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await page.getByText('已注销').first().waitFor();
    await page.getByTestId('record-edit').waitFor({ state: 'detached' });
    expect(await page.getByTestId('record-archive').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'registry-archived');
    expect(watch.problems).toEqual([]);
  });

  it('the new screens at 390 px: health records list and a service-facility form', async () => {
    await start('centre001', 390);
    await open('/health-records');
    // A phone shows the list as cards, a desktop as a table.
    await page.locator(`${ROWS}, [data-testid=list-card]`).first().waitFor();
    await settled(page);
    await screenshot(page, 'registry-health-records-390');
    await open('/service-facilities/new');
    await page.getByTestId('record-form').waitFor();
    await screenshot(page, 'registry-form-390');
    expect(watch.problems).toEqual([]);
  });

  it('a sortable column sorts through the API and keeps the order in the URL', async () => {
    await start('leader001');
    await open('/houses');
    await page.locator(ROWS).first().waitFor();
    const header = page.locator('.ant-table-thead th', { hasText: '建筑面积' });
    await afterFetch(page, /\/registry\/houses\?.*sort=floorArea/, () => header.click());
    expect(page.url()).toMatch(/[?&]sort=floorArea/);
    const areas = async () =>
      (await page.locator(`${ROWS} td:nth-child(4)`).allTextContents()).map((text) => Number(text));
    const ascending = await areas();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await afterFetch(page, /\/registry\/houses\?.*order=desc/, () => header.click());
    expect(page.url()).toMatch(/[?&]order=desc/);
    const descending = await areas();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThanOrEqual(ascending.at(-1)!);
    expect(watch.problems).toEqual([]);
  });

  it('a read-only role sees no create, edit or archive buttons', async () => {
    await start('leader001');
    await open('/houses');
    await page.locator(ROWS).first().waitFor();
    expect(await page.getByTestId('record-create').count()).toBe(0);
    await page.locator(ROWS).first().locator('td').first().click();
    await page.getByTestId('record-fields').waitFor();
    await settled(page);
    expect(await page.getByTestId('record-edit').count()).toBe(0);
    expect(await page.getByTestId('record-archive').count()).toBe(0);
    await open('/houses/new');
    await page.getByTestId('forbidden').waitFor();
    expect(watch.problems).toEqual([]);
  });
});
