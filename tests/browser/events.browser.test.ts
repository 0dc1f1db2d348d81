import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import {
  apiJson,
  appUrl,
  openPage,
  type PageWatch,
  screenshot,
  settled,
  signIn,
  useBrowser,
  watchPage,
} from './harness';
import { unstyledAntdClasses } from './unstyled';

interface AreaNode {
  code: string;
  name: string;
  children: AreaNode[];
}
interface Step {
  action: string;
  actorName: string | null;
  details: unknown;
}
interface EventView {
  id: number;
  state: string;
  level: string;
  version: number;
  steps: Step[];
  assignments: { departmentCode: string; role: string; state: string }[];
}

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/** A signed-in page of one account, watched for errors. */
interface Actor {
  page: Page;
  watch: PageWatch;
  username: string;
}

async function actor(browser: Browser, username: string, phone = false): Promise<Actor> {
  const page = await openPage(browser, phone ? PHONE : DESKTOP);
  const watch = watchPage(page);
  await signIn(page, { username, password: DEMO_PASSWORD });
  return { page, watch, username };
}

/** Choose an option of a select by typing part of its label. */
async function choose(page: Page, testId: string, typed: string, option: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed, { delay: 20 });
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** The page is no wider than the screen: nothing to scroll sideways on a phone. */
async function fitsWidth(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function openEvent(a: Actor, id: number) {
  await a.page.goto(`${appUrl()}/events/${id}`, { waitUntil: 'networkidle' });
  await a.page.getByTestId('event-page').waitFor();
  await settled(a.page);
}

/** Take an action through its button and dialog; `fill` fills the dialog's fields. */
async function act(
  a: Actor,
  id: number,
  action: string,
  fill: (page: Page) => Promise<void> = async () => {},
) {
  await openEvent(a, id);
  const steps = await a.page.getByTestId('timeline-step').count();
  await a.page.getByTestId(`action-${action}`).click();
  await a.page.getByTestId('action-form').waitFor();
  await fill(a.page);
  await a.page.getByTestId('action-confirm').click();
  await a.page.getByTestId('timeline-step').nth(steps).waitFor();
  await a.page.getByTestId('action-form').waitFor({ state: 'detached' });
}

const reason = (text: string) => async (page: Page) => page.getByTestId('input-reason').fill(text);
const note = (text: string) => async (page: Page) => page.getByTestId('input-note').fill(text);

describe('grid events in the browser: the bus stop clicked through by the real roles', () => {
  const browser = useBrowser();
  const opened: Actor[] = [];
  let names: Record<string, string> = {};
  let accounts: Record<string, string> = {};

  beforeAll(async () => {
    const centre = await actor(browser(), 'centre001');
    opened.push(centre);
    const tree = await apiJson<{ roots: AreaNode[] }>(centre.page, '/areas/tree');
    const street = tree.roots[0]!.children[0]!;
    const community = street.children[0]!;
    const grid = community.children[0]!;
    accounts = {
      grid: `grid${grid.code.slice(6)}`,
      community: `community${community.code.slice(6, 12)}`,
      street: `street${street.code.slice(6, 9)}.01`,
      street2: `street${street.code.slice(6, 9)}.02`,
      centre: 'centre001',
      transport: 'transport.01',
      construction: 'construction.01',
      landscaping: 'agriculture_landscaping.01',
      trafficPolice: 'traffic_police.01',
    };
    const departments = await apiJson<{ items: { code: string; name: string }[] }>(
      centre.page,
      '/registry/departments?limit=200',
    );
    names = Object.fromEntries(departments.items.map((d) => [d.code, d.name]));
  }, 120_000);
  afterAll(async () => {
    for (const a of opened) await a.page.context().close();
  });

  it('reports at 390 px, climbs the ladder, is dispatched as suggested, fed back, verified and closed', async () => {
    const centre = opened[0]!;
    const grid = await actor(browser(), accounts.grid!, true);
    opened.push(grid);
    const title = `公交站台设置不合理 ${Date.now() % 100_000}`;

    // The grid worker's start screen offers the report and the to-do.
    await grid.page.goto(`${appUrl()}/`, { waitUntil: 'networkidle' });
    await grid.page.getByTestId('my-event-queue').waitFor();
    await grid.page.getByTestId('my-report-event').click();
    await grid.page.getByTestId('event-report-form').waitFor();
    await settled(grid.page);

    // The phone's location, refused: the form says so and offers the map and the address search.
    await grid.page.getByTestId('use-location').click();
    await grid.page.getByTestId('location-error').waitFor();
    expect(await grid.page.getByTestId('location-error').textContent()).toContain('未授权定位');

    // Sent without a place: refused beside the place, nothing sent.
    await choose(grid.page, 'input-category', '11', '道路交通设施');
    await grid.page.getByTestId('input-title').fill(title);
    await grid.page.getByTestId('input-description').fill('乘客需跨越花坛上车，老人和残疾人上下车危险');
    await grid.page.getByTestId('report-submit').click();
    await grid.page.getByTestId('place-error').waitFor();

    // Placed by clicking the map (inside the worker's own grid): the grid it falls in is named.
    const map = grid.page.getByTestId('place-map');
    await map.locator('path.leaflet-interactive').first().waitFor();
    await map.click();
    await grid.page
      .getByTestId('chosen-point')
      .getByText(/所属网格/)
      .waitFor();
    await grid.page.getByTestId('input-addressText').fill('金碧大道公交站');
    await fitsWidth(grid.page);
    await screenshot(grid.page, 'events-report-390');

    // The server refuses a road facility as an emergency (直报): its words appear beside the urgency.
    await grid.page.getByTestId('input-urgency').click();
    await grid.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '突发' })
      .click();
    await grid.page.getByTestId('report-submit').click();
    const urgency = grid.page.locator('.ant-form-item', { has: grid.page.getByTestId('input-urgency') });
    await urgency.locator('.ant-form-item-explain-error').getByText('不能直报').waitFor();
    expect(await urgency.locator('.ant-form-item-explain-error').textContent()).not.toMatch(/urgency/);
    await screenshot(grid.page, 'events-report-refused-390');
    expect(grid.watch.problems.every((p) => p.includes('422') && p.includes('/events'))).toBe(true);
    grid.watch.reset();
    await grid.page.getByTestId('input-urgency').click();
    await grid.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '一般' })
      .click();

    // A double tap sends the same Idempotency-Key twice: one event.
    await grid.page.getByTestId('report-submit').dblclick();
    await grid.page.waitForURL(/\/events\/\d+$/);
    const id = Number(new URL(grid.page.url()).pathname.split('/').pop());
    const mine = await apiJson<{ items: { id: number; title: string }[] }>(grid.page, '/events?limit=50');
    expect(mine.items.filter((e) => e.title === title).map((e) => e.id)).toEqual([id]);
    await grid.page.getByTestId('timeline-step').first().waitFor();
    await settled(grid.page);
    await fitsWidth(grid.page);
    await screenshot(grid.page, 'events-reported-390');

    // Reporting the same problem again at the same place: the open event is offered as a likely duplicate.
    await grid.page.goto(`${appUrl()}/events/new`, { waitUntil: 'networkidle' });
    await grid.page.getByTestId('event-report-form').waitFor();
    await choose(grid.page, 'input-category', '11', '道路交通设施');
    await grid.page.getByTestId('place-map').locator('path.leaflet-interactive').first().waitFor();
    await grid.page.getByTestId('place-map').click();
    await grid.page.getByTestId('duplicates').getByText(title).waitFor();
    await screenshot(grid.page, 'events-duplicate-390');

    await act(grid, id, 'escalate', reason('涉及公交站改造，网格无法处置'));
    const community = await actor(browser(), accounts.community!);
    opened.push(community);
    await act(community, id, 'escalate', reason('需街道协调'));

    // Two street staff have the event open; the second to act is told someone acted first.
    const street = await actor(browser(), accounts.street!);
    const street2 = await actor(browser(), accounts.street2!);
    opened.push(street, street2);
    await openEvent(street2, id);
    await act(street, id, 'escalate', reason('涉及多个区级部门'));
    await street2.page.getByTestId('action-escalate').click();
    await street2.page.getByTestId('input-reason').fill('需区级部门处置');
    await street2.page.getByTestId('action-confirm').click();
    const refused = street2.page.getByTestId('action-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('其他人已先办理');
    await street2.page.getByTestId('action-escalate').waitFor({ state: 'detached' });
    expect(street2.watch.problems.every((p) => p.includes('409'))).toBe(true);
    await screenshot(street2.page, 'events-refused-1440');

    // The district centre dispatches: the suggestion is pre-filled and marked.
    await openEvent(centre, id);
    // The district centre's routing answers the suggestion (a rule, else the catalogue): pre-filled and marked.
    await Promise.all([
      centre.page.waitForResponse((r) => r.url().endsWith(`/events/${id}/dispatch-suggestion`) && r.ok()),
      centre.page.getByTestId('action-dispatch').click(),
    ]);
    await centre.page.getByTestId('dispatch-suggestion').waitFor();
    const lead = centre.page.getByTestId('input-lead');
    await lead.getByText(names.transport!).waitFor();
    expect(await lead.textContent()).toContain('推荐');
    const cooperating = await centre.page.getByTestId('input-cooperating').textContent();
    for (const code of ['construction', 'agriculture_landscaping', 'traffic_police'])
      expect(cooperating).toContain(names[code]);
    await centre.page.waitForTimeout(600); // the dialog's opening animation (its motion classes) is over
    expect(await unstyledAntdClasses(centre.page)).toEqual([]);
    await screenshot(centre.page, 'events-dispatch-1440');
    await centre.page.getByTestId('action-confirm').click();
    await centre.page.getByTestId('event-departments').getByText(names.transport!).waitFor();

    // The lead department finds it in its to-do.
    const transport = await actor(browser(), accounts.transport!, true);
    opened.push(transport);
    // Department staff start on their to-do.
    await transport.page.goto(`${appUrl()}/`, { waitUntil: 'networkidle' });
    await transport.page.waitForURL(/\/events\/queue$/);
    await transport.page.getByTestId('list-card').getByText(title).waitFor();
    await settled(transport.page);
    await fitsWidth(transport.page);
    await screenshot(transport.page, 'events-queue-390');

    for (const [who, text] of [
      ['construction', '站台基础已改造'],
      ['landscaping', '花坛已移栽'],
      ['trafficPolice', '标线已调整'],
    ] as const) {
      const department = await actor(browser(), accounts[who]!);
      opened.push(department);
      await act(department, id, 'feedback', note(text));
    }
    await act(transport, id, 'complete', note('站台已迁移，乘客可直接上车'));
    await act(grid, id, 'verify');
    await act(centre, id, 'close');
    await act(centre, id, 'rate', async (page) => page.getByTestId('input-rating').getByText('5').click());

    // The timeline names every step and who took it, as the API records them.
    const event = await apiJson<EventView>(centre.page, `/events/${id}`);
    expect(event.state).toBe('rated');
    // The dispatch took the suggestion as offered: the step records it as followed.
    expect(event.steps[4]!.details).toMatchObject({ lead: 'transport', suggestion: { followed: true } });
    expect(event.steps.map((s) => s.action)).toEqual([
      'report',
      'escalate',
      'escalate',
      'escalate',
      'dispatch',
      'feedback',
      'feedback',
      'feedback',
      'complete',
      'verify',
      'close',
      'rate',
    ]);
    await openEvent(centre, id);
    const shown = centre.page.getByTestId('timeline-step');
    expect(await shown.count()).toBe(event.steps.length);
    const actors = await centre.page.getByTestId('step-actor').allTextContents();
    expect(actors).toEqual(event.steps.map((s) => s.actorName));
    // Each step names the role and office the actor had when taking it.
    const offices = await centre.page.getByTestId('step-office').allTextContents();
    expect(offices).toHaveLength(event.steps.length);
    expect(offices[0]).toContain('网格员');
    expect(offices[4]).toContain('区三化办');
    expect(offices[8]).toContain(names.transport!);
    expect(await centre.page.getByTestId('event-timeline').textContent()).toContain('派遣');
    expect(await centre.page.getByTestId('no-actions').count()).toBe(1);
    await screenshot(centre.page, 'events-page-1440');
    await openEvent(grid, id);
    await fitsWidth(grid.page);
    await screenshot(grid.page, 'events-page-390');

    // The list shows it, as a table and on the map.
    await centre.page.goto(`${appUrl()}/events`, { waitUntil: 'networkidle' });
    await centre.page.getByText(title).first().waitFor();
    // Deadlines past are marked red on the list (the demo history has open events past theirs).
    const firstPage = await apiJson<{ items: { overdue: boolean }[] }>(centre.page, '/events?limit=20');
    const overdue = centre.page.locator('[data-testid=due][data-mark=overdue]');
    expect(await overdue.count()).toBe(firstPage.items.filter((e) => e.overdue).length);
    if ((await overdue.count()) > 0)
      expect(await overdue.first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(207, 19, 34)');
    await screenshot(centre.page, 'events-list-1440');
    // "Overdue only" filters on the server: the rows are the API's first page of overdue events.
    await centre.page.getByTestId('filter-overdue').click();
    const overduePage = await apiJson<{ items: { number: string }[] }>(
      centre.page,
      '/events?overdue=true&limit=20',
    );
    if (overduePage.items.length > 0)
      await centre.page.getByText(overduePage.items[0]!.number).first().waitFor();
    await settled(centre.page);
    expect(await centre.page.locator('[data-testid=due]:not([data-mark=overdue])').count()).toBe(0);
    await centre.page.getByTestId('filter-overdue').click();
    // The map reads the points from the list's answer: no event is fetched one by one.
    const oneByOne: string[] = [];
    centre.page.on('request', (r) => {
      if (/\/api\/v1\/events\/\d+$/.test(new URL(r.url()).pathname)) oneByOne.push(r.url());
    });
    await centre.page.getByTestId('events-view').getByText('地图').click();
    const canvas = centre.page.getByTestId('events-map-canvas');
    await canvas.locator('path.event-marker, path.event-cluster').first().waitFor();
    expect(oneByOne).toEqual([]);
    await settled(centre.page);
    await screenshot(centre.page, 'events-map-1440');
    // A marker opens its event (a cluster first zooms in to its markers).
    for (let i = 0; i < 4 && (await canvas.locator('path.event-marker').count()) === 0; i++) {
      await canvas.locator('path.event-cluster').first().click();
      await centre.page.waitForTimeout(400);
    }
    await canvas.locator('path.event-marker').first().click({ force: true });
    await centre.page.waitForURL(/\/events\/\d+$/);
    await centre.page.getByTestId('event-page').waitFor();

    for (const a of opened) {
      const unexpected = a.watch.problems.filter((p) => !(a === street2 && p.includes('409')));
      expect(unexpected, a.username).toEqual([]);
    }
  }, 300_000);
});
