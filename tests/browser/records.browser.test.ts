import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistryPage } from '../../web/src/api/types';
import {
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

/** The text box of a form field, whether antd put the test id on it or on its wrapper. */
const textBox = (page: Page, field: string) =>
  page.locator(`input[data-testid=input-${field}], [data-testid=input-${field}] input`).first();

/** The form item around an input (`input-<field>`), where antd shows that field's error. */
const fieldItem = (page: Page, field: string) =>
  page.locator('.ant-form-item', { has: page.locator(`[data-testid=input-${field}]`) });

/** Choose a record in a reference picker by typing part of its name or address. */
async function pick(page: Page, field: string, typed: string, option: string) {
  await page.locator(`[data-testid=input-${field}]`).click();
  await page.keyboard.type(typed, { delay: 20 });
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Choose an option of an enum select. */
async function choose(page: Page, field: string, label: string) {
  await page.locator(`[data-testid=input-${field}]`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click();
  await page.keyboard.press('Escape');
}

const WIDTHS = [1440, 390] as const;

describe('records: forms, pickers, refusals at their field, linked records, people not ids', () => {
  const browser = useBrowser();
  let page: Page;
  let watch: PageWatch;

  const start = async (username: string, width: number) => {
    page = await openPage(browser(), {
      viewport: { width, height: width > 500 ? 900 : 844 },
      locale: 'zh-CN',
    });
    watch = watchPage(page);
    await signIn(page, { username, password: demoAccount.password });
  };
  const open = (path: string) => page.goto(`${appUrl()}${path}`, { waitUntil: 'networkidle' });
  /** The page is no wider than the screen: nothing to scroll sideways on a phone. */
  const fitsWidth = async (width: number) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  afterEach(async () => {
    await page?.context().close();
  });

  for (const width of WIDTHS) {
    it(`district centre at ${width} px: a house created through the address picker, refused at its field, edited, archived`, async () => {
      await start('centre001', width);
      const { items } = await apiJson<RegistryPage<'addresses'>>(page, '/registry/addresses?limit=1');
      const address = items[0]!;
      const unit = `测${width}-${Date.now() % 100_000}`;

      await open('/houses/new');
      await page.getByTestId('form-heading').waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      await pick(page, 'addressId', address.road, address.fullText);
      await textBox(page, 'unit').fill(unit);
      await choose(page, 'use', '自住');
      await textBox(page, 'floorArea').fill('0');
      await page.getByTestId('form-submit').click();

      // The server refuses a floor area of 0; the form says so beside that field, without the "body 字段" preamble.
      const refusal = fieldItem(page, 'floorArea').locator('.ant-form-item-explain-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/0/);
      expect(await refusal.textContent()).not.toMatch(/body|字段/);
      expect(watch.problems.every((p) => p.includes('400') && p.includes('/registry/houses'))).toBe(true);
      watch.reset();
      await screenshot(page, `records-form-refused-${width}`);
      await fitsWidth(width);

      await textBox(page, 'floorArea').fill('85.5');
      await page.getByTestId('form-submit').click();
      await page.waitForURL(/\/houses\/\d+(\?|$)/);
      const heading = page.getByTestId('record-heading');
      await heading.getByText(unit).waitFor();
      expect(await heading.textContent()).toContain(address.fullText);
      expect(await page.getByTestId('record-fields').textContent()).not.toMatch(/编号|版本/);
      // History names the person and the source in words, not `account:3:centre001 · api`.
      const actor = page.getByTestId('history-actor').first();
      await actor.waitFor();
      expect(await actor.textContent()).toMatch(/（区三化办）$/);
      expect(await page.getByTestId('history-timeline').textContent()).toContain('来源：网页');
      expect(await page.getByTestId('history-timeline').textContent()).not.toContain('account:');
      await settled(page);
      await screenshot(page, `records-created-${width}`);
      await fitsWidth(width);

      // A duplicate unit at the same door plate is refused at the unit field, in words.
      await open(`/houses/new?addressId=${address.id}`);
      await page.getByTestId('record-form').waitFor();
      await textBox(page, 'unit').fill(unit);
      await choose(page, 'use', '自住');
      await textBox(page, 'floorArea').fill('50');
      await page.getByTestId('form-submit').click();
      const duplicate = fieldItem(page, 'unit').locator('.ant-form-item-explain-error');
      await duplicate.waitFor();
      expect(await duplicate.textContent()).toContain('已有房屋使用相同的房号');
      watch.reset();
      await page.goBack();
      await page.waitForURL(/\/houses\/\d+(\?|$)/);

      // Edit by keyboard: the edit link is reached with Tab and followed with Enter.
      const edit = page.getByTestId('record-edit');
      await edit.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/houses\/\d+\/edit/);
      expect(await textBox(page, 'unit').inputValue()).toBe(unit);
      await textBox(page, 'unit').fill(`${unit}B`);
      await page.getByTestId('form-submit').click();
      await page.waitForURL(/\/houses\/\d+(\?|$)/);
      await page.getByTestId('record-heading').getByText(`${unit}B`).waitFor();
      await page.getByTestId('history-timeline').getByText('修改').first().waitFor();

      // Archive, confirmed from the keyboard: the record says so and offers no more actions.
      await page.getByTestId('record-archive').focus();
      await page.keyboard.press('Enter');
      await page.locator('.ant-popconfirm .ant-btn-dangerous').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('record-heading').getByText('已注销').waitFor();
      await page.getByTestId('record-edit').waitFor({ state: 'detached' });
      expect(await page.getByTestId('record-archive').count()).toBe(0);
      await settled(page);
      await screenshot(page, `records-archived-${width}`);
      expect(watch.problems).toEqual([]);
    });
  }

  it('linked records one click away: resident → house (its residents) → address (its houses); phones call', async () => {
    await start('centre001', 1440);
    const { items } = await apiJson<RegistryPage<'residents'>>(page, '/registry/residents?limit=1');
    const resident = items[0]!;
    await open(`/residents/${resident.id}`);
    await page.getByTestId('record-heading').getByText(resident.name).waitFor();
    expect(await page.getByTestId('history-bulk-loaded').textContent()).toContain('批量导入');

    // The phone, once revealed with a reason, is a tel: link.
    await page.getByTestId('reveal-phone').click();
    await page.getByTestId('reveal-reason').fill('入户核实联系电话');
    await page.getByTestId('reveal-submit').click();
    const call = page.getByTestId('phone-call');
    await call.waitFor();
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{5,}$/);
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    await page.getByTestId('record-fields').getByRole('link', { name: resident.houseLabel }).click();
    await page.waitForURL(/\/houses\/\d+/);
    expect(page.url()).toContain(`/houses/${resident.houseId}`);
    const residents = page.getByTestId('related-residents');
    await residents.getByText(resident.name).waitFor();
    expect(await residents.textContent()).toContain(resident.relation);
    expect(await residents.textContent()).toContain(`${resident.age} 岁`);
    await settled(page);
    await screenshot(page, 'records-house-residents');

    await page.getByTestId('record-fields').getByRole('link').first().click();
    await page.waitForURL(/\/addresses\/\d+/);
    const houses = page.getByTestId('related-houses');
    await houses.getByTestId('related-record').first().waitFor();
    await page.getByTestId('related-enterprises').waitFor();
    await settled(page);
    await screenshot(page, 'records-address-houses');
    // Back to the resident through the in-place list of the house.
    await houses
      .getByTestId('related-record')
      .filter({ hasText: resident.houseLabel.split(' ').at(-1)! })
      .click();
    await page.getByTestId('related-residents').getByRole('link', { name: resident.name }).click();
    await page.waitForURL(new RegExp(`/residents/${resident.id}`));
    expect(watch.problems).toEqual([]);
  });

  for (const width of WIDTHS) {
    it(`grid worker at ${width} px: a health record for a resident chosen by name, refused, created, edited; no archive`, async () => {
      await start('grid001001001', width);
      const { items } = await apiJson<RegistryPage<'residents'>>(page, '/registry/residents?limit=50');
      const taken = await apiJson<RegistryPage<'health-records'>>(page, '/registry/health-records?limit=200');
      const covered = new Set(taken.items.map((h) => h.residentId));
      const resident = items.find((r) => !covered.has(r.id));
      if (!resident) throw new Error('every resident of the grid already has a health record: seed more');

      await open('/health-records/new');
      await page.getByTestId('record-form').waitFor();
      await pick(page, 'residentId', resident.name, resident.name);
      await page.locator('[data-testid=input-conditions]').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '高血压' })
        .click();
      await page.keyboard.press('Escape');
      await textBox(page, 'lastFollowUp').fill('2099-01-01');
      await page.getByTestId('form-submit').click();
      const refusal = fieldItem(page, 'lastFollowUp').locator('.ant-form-item-explain-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('晚于今天');
      watch.reset();
      await screenshot(page, `records-health-refused-${width}`);
      await fitsWidth(width);

      await textBox(page, 'lastFollowUp').fill('2026-01-15');
      await page.getByTestId('form-submit').click();
      await page.waitForURL(/\/health-records\/\d+(\?|$)/);
      await page.getByTestId('record-heading').waitFor();
      await page.getByTestId('record-edit').click();
      await page.waitForURL(/\/edit/);
      await page.locator('[data-testid=input-chronicFocus]').check();
      await page.getByTestId('form-submit').click();
      await page.waitForURL(/\/health-records\/\d+(\?|$)/);
      await page.getByTestId('history-timeline').getByText('修改').first().waitFor();
      expect(await page.getByTestId('history-actor').first().textContent()).toMatch(/（网格员）$/);
      expect(await page.getByTestId('record-archive').count()).toBe(0);
      await settled(page);
      await screenshot(page, `records-health-edited-${width}`);
      await fitsWidth(width);
      expect(watch.problems).toEqual([]);
    });
  }

  for (const width of WIDTHS) {
    it(`health bureau at ${width} px: health records and their residents, read-only`, async () => {
      await start('health.01', width);
      const { items } = await apiJson<RegistryPage<'health-records'>>(
        page,
        '/registry/health-records?limit=1',
      );
      const record = items[0]!;
      await open(`/health-records/${record.id}`);
      await page.getByTestId('record-heading').waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.getByTestId('record-edit').count()).toBe(0);
      await page.getByTestId('link-resident').click();
      await page.waitForURL(new RegExp(`/residents/${record.residentId}`));
      await page.getByTestId('record-heading').waitFor();
      // The home address is shown; the house itself is not the bureau's to open, so it is text, not a link.
      const fields = page.getByTestId('record-fields');
      await fields.getByText('住址').waitFor();
      await settled(page);
      await screenshot(page, `records-health-bureau-${width}`);
      await fitsWidth(width);
      expect(watch.problems).toEqual([]);
    });

    it(`district leader at ${width} px: a detail to read, no actions but back, bulk-loaded history said so`, async () => {
      await start('leader001', width);
      const { items } = await apiJson<RegistryPage<'houses'>>(page, '/registry/houses?limit=1');
      await open(`/houses/${items[0]!.id}`);
      await page.getByTestId('record-heading').waitFor();
      await page.getByTestId('history-bulk-loaded').waitFor();
      expect(await page.getByTestId('record-edit').count()).toBe(0);
      expect(await page.getByTestId('record-archive').count()).toBe(0);
      // No button inside a link anywhere on the page.
      expect(await page.locator('a button, button a').count()).toBe(0);
      await settled(page);
      await screenshot(page, `records-leader-${width}`);
      await fitsWidth(width);
      expect(watch.problems).toEqual([]);
    });
  }
});
