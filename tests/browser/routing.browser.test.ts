import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import { apiJson, appUrl, freshDemoCode, screenshot, settled, useBrowser, usePagePerTest } from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';

/** 分流规则 as the district centre: the demo rules listed, a rule added through the form, then retired. */
describe('routing rules screen', () => {
  let page: Page;
  let csrf = '';
  usePagePerTest(useBrowser(), async (p) => {
    page = p;
    for (let attempt = 0; ; attempt++) {
      const res = await page.request.post(`${appUrl()}/api/v1/auth/login`, {
        data: {
          username: 'centre002',
          password: DEMO_PASSWORD,
          totp: await freshDemoCode(attempt),
          tokenType: 'cookie',
        },
      });
      const body = (await res.json()) as { csrfToken?: string; code?: string };
      if (res.ok()) {
        csrf = body.csrfToken!;
        break;
      }
      if (attempt >= 2 || body.code !== 'bad_totp') throw new Error(`sign-in: ${JSON.stringify(body)}`);
    }
  });
  const post = async (path: string, data: Record<string, unknown>) => {
    const res = await page.request.post(`${appUrl()}/api/v1${path}`, {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': randomUUID() },
      data,
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${JSON.stringify(body)}`);
    return body;
  };

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

  it('names the duplicates merged into an event on its timeline, with their reporters', {
    timeout: 60_000,
  }, async () => {
    type Node = { code: string; level: string; children: Node[] };
    const grids: Node[] = [];
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        if (n.level === 'grid') grids.push(n);
        walk(n.children);
      }
    };
    walk((await apiJson<{ roots: Node[] }>(page, '/areas/tree')).roots);
    const { centroid } = await apiJson<{ centroid: { lat: number; lng: number } }>(
      page,
      `/areas/${grids[0]!.code}`,
    );
    const report = { kind: 'hazard', categoryCode: '12', title: '井盖缺失', ...centroid };
    const target = await post('/events', report);
    const duplicate = await post('/events', { ...report, reporterName: '李先生', source: 'hotline' });
    await post(`/events/${duplicate.id}/merge`, {
      version: duplicate.version,
      into: target.id,
      reason: '同一井盖',
    });
    await page.goto(`${appUrl()}/events/${target.id}`, { waitUntil: 'networkidle' });
    const merged = page.getByTestId('merged-duplicates');
    await merged.getByText(String(duplicate.number)).waitFor();
    expect(await merged.textContent()).toContain('李先生');
    await screenshot(page, 'merged-duplicates');
  });
});
