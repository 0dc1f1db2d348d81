import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTotpCode } from '../../server/modules/auth';
import { appUrl, demoAccount, freshDemoCode, openPage, screenshot, useBrowser, watchPage } from './harness';

const ROWS = '.ant-table-tbody tr.ant-table-row';

describe('sign-in (against a running server with the small demo district)', () => {
  const browser = useBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser());
  });

  it('a wrong password shows the API message, the right one opens the page asked for, sign-out', async () => {
    const watch = watchPage(page);
    await page.goto(`${appUrl()}/residents`, { waitUntil: 'networkidle' });
    await page.getByTestId('login-card').waitFor();
    await screenshot(page, 'login');
    await page.getByTestId('login-username').fill(demoAccount.username);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('api-error').waitFor();
    expect(((await page.getByTestId('api-error').textContent()) ?? '').length).toBeGreaterThan(3);
    await page.getByTestId('login-password').fill(demoAccount.password);
    await page.getByTestId('login-submit').click();
    // The URL asked for before signing in opens.
    await page.locator(ROWS).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/residents');
    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-card').waitFor();
    // Only the expected refusals: no session yet (/auth/me) and the wrong password (/auth/login).
    expect(watch.problems.every((p) => /401/.test(p) && /\/auth\/(me|login)/.test(p))).toBe(true);
  });

  it('an account with two-factor sign-in is asked for its authenticator code, then the app opens', async () => {
    const p = await openPage(browser());
    const watch = watchPage(p);
    await p.goto(`${appUrl()}/residents`, { waitUntil: 'networkidle' });
    await p.getByTestId('login-username').fill('centre002');
    await p.getByTestId('login-password').fill(demoAccount.password);
    await p.getByTestId('login-submit').click();
    // The server answered totp_required: a prompt, not an error.
    await p.getByTestId('totp-prompt').waitFor();
    expect(await p.getByTestId('api-error').count()).toBe(0);
    await screenshot(p, 'login-totp');
    const code = demoTotpCode();
    await p.getByTestId('login-totp').fill(code === '000000' ? '111111' : '000000');
    await p.getByTestId('login-submit').click();
    await p.getByTestId('api-error').waitFor();
    expect(await p.getByTestId('api-error').textContent()).toContain('bad_totp');
    // Each code signs in once: another test may have signed this account in within the same 30 s.
    for (let attempt = 0; ; attempt++) {
      await p.getByTestId('login-totp').fill(await freshDemoCode(attempt));
      const [answer] = await Promise.all([
        p.waitForResponse((r) => r.url().endsWith('/auth/login')),
        p.getByTestId('login-submit').click(),
      ]);
      if (answer.ok()) break;
      expect(attempt).toBeLessThan(2);
    }
    await p.locator(ROWS).first().waitFor();
    expect(new URL(p.url()).pathname).toBe('/residents');
    expect(watch.problems.every((x) => /401/.test(x) && /\/auth\/(me|login)/.test(x))).toBe(true);
    await p.context().close();
  });
});
