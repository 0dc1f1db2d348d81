import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistryRecord } from '../../web/src/api/types';
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
  useBrowser,
  usePagePerTest,
} from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
type Json = Record<string, unknown>;

/** POST under /api/v1 with the page's cookie session and its CSRF token; answers status and body. */
async function apiPost(page: Page, path: string, data: Json): Promise<{ status: number; body: Json }> {
  const { csrfToken } = await apiJson<{ csrfToken: string }>(page, '/auth/me');
  const res = await page.request.post(`${appUrl()}/api/v1${path}`, {
    data,
    headers: { 'x-csrf-token': csrfToken },
  });
  return { status: res.status(), body: (await res.json()) as Json };
}

/** Nothing on the page is wider than the viewport (a table may scroll inside its own box). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('personal data screens: reads on record (auditor), identity conflicts (district centre)', () => {
  const browser = useBrowser();
  let page: Page;
  let watch: PageWatch;
  let gridWorker: { username: string; id: number };
  /** The grid worker's registration of a number already held elsewhere, and that other resident. */
  type Resident = RegistryRecord<'residents'>;
  let duplicate: Resident;
  let elsewhere: Resident;
  /** centre001, who browsed enough residents to raise a bulk-read alert. */
  let centreId: number;

  const as = (p: Page, username: string) => signIn(p, { username, password: demoAccount.password });
  const open = (path: string) => page.goto(`${appUrl()}${path}`, { waitUntil: 'networkidle' });

  beforeAll(async () => {
    // The centre finds a resident outside the worker's grid who has a health record (so archiving them is
    // refused with has_dependents) and reveals the ID number; that grid's worker registers it again.
    const centre = await openPage(browser(), {});
    await as(centre, 'centre001');
    const tree = await apiJson<{ roots: AreaNode[] }>(centre, '/areas/tree');
    // The community's last grid: other browser test files browse as the first grid's worker at the same time, and
    // their reads would push this worker's off the reads page this test looks at.
    const grid = tree.roots[0]!.children[0]!.children[0]!.children.at(-1)!;
    const otherStreet = tree.roots[0]!.children.at(-1)!;
    const health = await apiJson<{ items: { residentId: number }[] }>(
      centre,
      `/registry/health-records?limit=50&area=${otherStreet.code}`,
    );
    for (const { residentId } of health.items) {
      const r = await apiJson<Resident>(centre, `/registry/residents/${residentId}`);
      if (r.gridId !== grid.id && r.idType === 'resident_id' && !r.archivedAt) {
        elsewhere = r;
        break;
      }
    }
    expect(elsewhere, "a resident with a health record outside the worker's grid").toBeDefined();
    const revealed = await apiPost(centre, `/registry/residents/${elsewhere.id}/reveal`, {
      field: 'idNumber',
      reason: '身份冲突核对（测试）',
    });
    expect(revealed.status).toBe(200);
    // Browsing the district's residents page by page crosses the hourly bulk-read threshold (2,000).
    let cursor: string | null = null;
    for (let pages = 0; pages < 12; pages++) {
      const page: { nextCursor: string | null } = await apiJson(
        centre,
        `/registry/residents?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    centreId = (await apiJson<{ id: number }>(centre, '/auth/me')).id;
    await centre.context().close();

    const worker = await openPage(browser(), {});
    const username = `grid${grid.code.slice(6)}`;
    await as(worker, username);
    gridWorker = { username, id: (await apiJson<{ id: number }>(worker, '/auth/me')).id };
    const houses = await apiJson<{ items: { id: number }[] }>(worker, '/registry/houses?limit=1');
    const created = await apiPost(worker, '/registry/residents', {
      houseId: houses.items[0]!.id,
      name: elsewhere.name,
      householdType: 'floating',
      ethnicity: '汉族',
      relation: '本人',
      tags: [],
      idNumber: revealed.body.value,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    duplicate = created.body as unknown as Resident;
    // Reads on record: the worker lists residents and opens the new one; a too-short reason is refused.
    await apiJson(worker, '/registry/residents?limit=5');
    await apiJson(worker, `/registry/residents/${duplicate.id}`);
    const refused = await apiPost(worker, `/registry/residents/${duplicate.id}/reveal`, {
      field: 'phone',
      reason: '看看',
    });
    expect(refused.status).toBe(400);
    await worker.context().close();
  });
  usePagePerTest(browser, (p, w) => {
    page = p;
    watch = w;
  });

  it('auditor: the reads tab filters by account and by record, shows the ids, works at 390 px and in English', async () => {
    await as(page, 'auditor001');
    await open('/audit');
    await page.locator(ROWS).first().waitFor();
    await afterFetch(page, /\/audit\/reads/, () => page.getByTestId('tab-reads').click());
    await page.waitForURL(/\/audit\/reads$/);
    await page.getByTestId('reads-table').locator(ROWS).first().waitFor();
    expect(await page.getByTestId('verify-chain').count()).toBe(0);

    // Filter by the grid worker's account id: only their reads, the opened record among them.
    await page.getByTestId('filter-account').locator('input').fill(String(gridWorker.id));
    await afterFetch(page, new RegExp(`/audit/reads\\?.*accountId=${gridWorker.id}`), () =>
      page.getByTestId('filter-account').locator('input').press('Enter'),
    );
    expect(page.url()).toContain(`accountId=${gridWorker.id}`);
    const accounts = await page.getByTestId('cell-account').allTextContents();
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    expect(accounts.every((a) => a.trim() === gridWorker.username)).toBe(true);
    const kinds = await page
      .getByTestId('cell-kind')
      .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['list', 'get']));
    expect(await page.getByTestId('cell-kind').allTextContents()).toEqual(
      expect.arrayContaining(['列表浏览', '打开详情']),
    );

    // Expand the "opened" rows (other test files may use this account at the same time): each shows the one
    // id it returned; clicking the new resident's asks who read this person.
    const opened = page.locator(ROWS).filter({ has: page.locator('[data-kind=get]') });
    for (const row of await opened.all()) await row.locator('.ant-table-row-expand-icon').click();
    const ids = page.getByTestId('read-record-id');
    expect(await ids.count()).toBe(await opened.count());
    expect(await ids.allTextContents()).toContain(`#${duplicate.id}`);
    await afterFetch(page, new RegExp(`recordId=${duplicate.id}`), () =>
      ids
        .filter({ hasText: new RegExp(`^#${duplicate.id}$`) })
        .first()
        .click(),
    );
    expect(page.url()).toMatch(new RegExp(`entity=resident.*recordId=${duplicate.id}`));
    expect(await page.getByTestId('cell-account').count()).toBeGreaterThan(0);
    await screenshot(page, 'personal-data-reads-1440');

    // Text that is not an id is refused on the spot, and nothing is asked of the API.
    await page.getByTestId('filter-account').locator('input').fill('grid001');
    await page.getByTestId('filter-account').locator('input').press('Enter');
    await page.getByTestId('filter-account-invalid').getByText('请输入账号编号').waitFor();
    expect(page.url()).toContain(`accountId=${gridWorker.id}`);

    await page.setViewportSize(PHONE);
    await settled(page);
    await screenshot(page, 'personal-data-reads-390');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    // In English: the tab, the kinds and the entity are translated, no dictionary key shows through.
    await page.setViewportSize(WIDE);
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('tab-reads').getByText('Personal data reads').waitFor();
    expect(await page.getByTestId('cell-entity').first().textContent()).toBe('Resident');
    expect(await page.getByTestId('audit-page').textContent()).not.toMatch(/audit\.|enum\.|readKind/);
    await screenshot(page, 'personal-data-reads-en-1440');
    expect(watch.problems).toEqual([]);
  });

  it('auditor: refused reveals and bulk-read alerts stand out in the trail and lead to the reads', async () => {
    await as(page, 'auditor001');
    // The trail: the refused reveal is labelled, highlighted, and leads to who read that resident.
    await open('/audit?action=personal.reveal.refused');
    const refusal = page.locator(`${ROWS}[data-alert=true]`).filter({ hasText: gridWorker.username }).first();
    await refusal.waitFor();
    expect((await refusal.getByTestId('cell-action').textContent())?.trim()).toBe('⚠ 查看个人信息被拒');
    const details = (await refusal.getByTestId('cell-details').textContent()) ?? '';
    expect(details).toContain('事由不合格');
    expect(details).not.toMatch(/invalid_reason|status：|code：/);
    await screenshot(page, 'personal-data-trail-1440');
    await afterFetch(page, /\/audit\/reads\?/, () => refusal.getByTestId('cell-who-read').click());
    expect(page.url()).toMatch(new RegExp(`/audit/reads\\?entity=resident&recordId=${duplicate.id}$`));
    await page.getByTestId('reads-table').locator(ROWS).first().waitFor();

    // The centre's bulk browsing raised an alert; it stands out and leads to what that account read.
    await open('/audit?action=personal.bulk_read_alert');
    const alert = page.locator(`${ROWS}[data-alert=true]`).filter({ hasText: 'centre001' }).first();
    await alert.waitFor();
    expect((await alert.getByTestId('cell-action').textContent())?.trim()).toBe('⚠ 批量浏览告警');
    expect(await alert.getByTestId('cell-details').textContent()).toMatch(/记录数：\d+ · 告警阈值：2000/);
    await afterFetch(page, /\/audit\/reads\?/, () => alert.getByTestId('cell-who-read').click());
    expect(page.url()).toMatch(new RegExp(`/audit/reads\\?accountId=${centreId}$`));
    const readers = await page.getByTestId('cell-account').allTextContents();
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.every((a) => a.trim() === 'centre001')).toBe(true);
    expect(watch.problems).toEqual([]);
  });

  it('district centre: the conflicts screen shows both records, refuses has_dependents with its message, resolves', async () => {
    await as(page, 'centre002');
    await open('/');
    const entry = page.getByTestId('side-menu').getByText('身份冲突核对');
    await entry.click();
    await page.waitForURL(/\/identity-conflicts$/);
    const card = page.locator(`[data-testid=conflict]`).filter({
      has: page.locator(`[data-testid=party-new][data-resident-id="${duplicate.id}"]`),
    });
    await card.waitFor();
    await settled(page);
    const existing = card.getByTestId('party-existing');
    expect(await existing.getAttribute('data-resident-id')).toBe(String(elsewhere.id));
    expect(await existing.getByTestId('party-grid').textContent()).toContain(elsewhere.area.grid ?? '');
    expect(await card.getByTestId('party-new').getByTestId('party-link').getAttribute('href')).toBe(
      `/residents/${duplicate.id}`,
    );
    await screenshot(page, 'personal-data-conflicts-1440');

    // Keeping the new record would archive one with a health record: the server's message is shown.
    await card.getByTestId('keep-new').click();
    const confirmText = page.getByTestId('keep-confirm-text');
    expect(await confirmText.textContent()).toContain(`#${elsewhere.id}`);
    expect(await confirmText.textContent()).toContain('将被注销（迁出）');
    await afterFetch(page, /\/resolve$/, () => page.getByTestId('keep-confirm').click());
    const error = card.getByTestId('api-error');
    expect(await error.textContent()).toMatch(/仍有 \d+ 条有效的.*请先迁移到居民/);
    expect(watch.problems.length).toBeGreaterThan(0);
    expect(watch.problems.every((p) => /409/.test(p) && /\/resolve\b/.test(p))).toBe(true);
    watch.reset();

    await page.setViewportSize(PHONE);
    await settled(page);
    await screenshot(page, 'personal-data-conflicts-390');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize(WIDE);

    // Keep the existing record: the new registration is archived and the task leaves the list.
    await card.getByTestId('keep-existing').click();
    await afterFetch(page, /\/identity-conflicts$/, () =>
      page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid=keep-confirm]').click(),
    );
    await card.waitFor({ state: 'detached' });
    await page.getByText(`已保留 #${elsewhere.id}，#${duplicate.id} 已注销`).waitFor();
    const archived = await apiJson<Resident>(page, `/registry/residents/${duplicate.id}`);
    expect(archived.archivedAt).not.toBeNull();
    expect(watch.problems).toEqual([]);
  });

  it('the conflicts menu entry is only for roles that may archive residents', async () => {
    await as(page, 'leader001');
    await open('/');
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('side-menu').getByText('身份冲突核对').count()).toBe(0);
    await open('/identity-conflicts');
    await page.getByTestId('forbidden').waitFor();
    expect(watch.problems).toEqual([]);
  });
});
