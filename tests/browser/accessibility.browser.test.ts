import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_RESOURCES } from '../../core/policy/capabilities';
import { DEMO_PASSWORD } from '../../server/modules/auth';
import { apiJson, appUrl, DESKTOP_ZH, openPage, screenshot, settled, signIn, useBrowser } from './harness';
import { unstyledAntdClasses } from './unstyled';

// axe-core itself, injected into the page: @axe-core/playwright needs Node 22, the project supports Node 20.
const AXE = resolve('node_modules/axe-core/axe.min.js');
// The app's Content-Security-Policy forbids inline scripts, the injected axe among them: these pages let it in.
const WITH_AXE = { ...DESKTOP_ZH, bypassCSP: true };
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: '390', viewport: { width: 390, height: 844 } },
] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical violations on the page as it is now, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: Violation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length}× e.g. ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Opens `path` at both widths in the signed-in page and returns what axe finds, by width. */
async function audit(page: Page, path: string, shot: string): Promise<string[]> {
  const found: string[] = [];
  for (const { name, viewport } of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.goto(`${appUrl()}${path}`, { waitUntil: 'networkidle' });
    await settled(page);
    for (const v of await seriousViolations(page)) found.push(`${path} @${name}: ${v}`);
    for (const c of await unstyledAntdClasses(page))
      found.push(`${path} @${name}: unstyled antd component .${c}`);
    await screenshot(page, `a11y-${shot}-${name}`);
  }
  return found;
}

const report = (found: string[]) =>
  `serious/critical axe violations, unstyled components:\n${found.join('\n')}`;

describe('accessibility (axe-core): no serious or critical violations, no unstyled component, on the main screens', () => {
  const browser = useBrowser();
  let centre: Page;
  let firstResident = 0;
  let firstEvent = 0;
  let gridWorker = '';

  beforeAll(async () => {
    centre = await openPage(browser(), WITH_AXE);
    await signIn(centre, { username: 'centre001', password: DEMO_PASSWORD });
    const page = await apiJson<{ items: { id: number }[] }>(centre, '/registry/residents?limit=1');
    firstResident = page.items[0]!.id;
    firstEvent = (await apiJson<{ items: { id: number }[] }>(centre, '/events?limit=1')).items[0]!.id;
    const tree = await apiJson<{
      roots: { code: string; children: { children: { children: { code: string }[] }[] }[] }[];
    }>(centre, '/areas/tree');
    gridWorker = `grid${tree.roots[0]!.children[0]!.children[0]!.children[0]!.code.slice(6)}`;
  });
  afterAll(async () => {
    await centre?.context().close();
  });

  it('sign-in screen', async () => {
    const page = await openPage(browser(), WITH_AXE);
    const found = await audit(page, '/', 'login');
    await page.context().close();
    expect(found, report(found)).toEqual([]);
  });

  // The district centre sees every screen and may use every form.
  it.each([
    ['overview', '/'],
    ['help', '/help?role=district_centre&screen='],
    ['resident-detail', '/residents/{id}'],
    ['resident-form', '/residents/new'],
    ['house-form', '/houses/new'],
    ['events-list', '/events'],
    ['events-map', '/events?view=map'],
    ['events-queue', '/events/queue'],
    ['event-page', '/events/{event}'],
  ])('%s', async (shot, path) => {
    const found = await audit(
      centre,
      path.replace('{id}', String(firstResident)).replace('{event}', String(firstEvent)),
      shot,
    );
    expect(found, report(found)).toEqual([]);
  });

  it.each(REGISTRY_RESOURCES)('list: %s', async (resource) => {
    const found = await audit(centre, `/${resource}`, `list-${resource}`);
    expect(found, report(found)).toEqual([]);
  });

  it('my grid (grid worker)', async () => {
    const page = await openPage(browser(), WITH_AXE);
    await signIn(page, { username: gridWorker, password: DEMO_PASSWORD });
    const found = await audit(page, '/my-grid', 'my-grid');
    found.push(...(await audit(page, '/events/new', 'event-report')));
    await page.context().close();
    expect(found, report(found)).toEqual([]);
  });

  it('audit log (auditor)', async () => {
    const page = await openPage(browser(), WITH_AXE);
    await signIn(page, { username: 'auditor001', password: DEMO_PASSWORD });
    const found = await audit(page, '/audit', 'audit');
    await page.context().close();
    expect(found, report(found)).toEqual([]);
  });
});
