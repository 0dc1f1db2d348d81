import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import { apiJson, appUrl, screenshot, settled, signIn, useBrowser, usePagePerTest } from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';

/** 分流规则 as the district centre: the demo rules listed, a rule added through the form, then retired. */
describe('routing rules screen', () => {
  let page: Page;
  usePagePerTest(useBrowser(), async (p) => {
    page = p;
    await signIn(page, { username: 'centre002', password: DEMO_PASSWORD });
  });

  it('lists the rules with their catalogue default, adds one and retires it', {
    timeout: 90_000,
  }, async () => {
    await page.goto(`${appUrl()}/routing-rules`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: '分流规则' }).waitFor();
    await page.locator(ROWS).first().waitFor();
    await settled(page);
    const before = await page.locator(ROWS).count();
    expect(before).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator(ROWS).filter({ hasText: '17 学生课外托管' }).count()).toBe(1);
    await screenshot(page, 'routing-rules');

    await page.getByTestId('add-rule').click();
    const form = page.getByTestId('routing-rule-form');
    const choose = async (testId: string, typed: string, option: string) => {
      await form.getByTestId(testId).click();
      await page.keyboard.type(typed);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .first()
        .click();
    };
    await choose('input-category', '乱停', '14 乱停乱放');
    await choose('input-lead', '城市管理', '区城市管理和综合执法局');
    await screenshot(page, 'routing-rule-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.locator(ROWS).count()).toBe(before + 1);
    const rules = await apiJson<{ items: { id: number; categoryCode: string; lead: string }[] }>(
      page,
      '/routing-rules?categoryCode=14',
    );
    expect(rules.items).toEqual([expect.objectContaining({ categoryCode: '14', lead: 'urban_management' })]);

    const row = page.locator(ROWS).filter({ hasText: '14 乱停乱放' });
    await row.getByRole('button', { name: /停\s?用/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /停\s?用/ })
      .click();
    await expect.poll(() => page.locator(ROWS).count()).toBe(before);
  });
});
