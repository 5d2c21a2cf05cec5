import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch } from './browser';

const DEMO = 'motesplats-demo';

describe.skipIf(!baseUrl)('the audit log and one’s own data', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  const signIn = async (lang: string, email: string, javaScript = false) => {
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: javaScript });
    page = await context.newPage();
    // Signing in through the form is tested in accounts.test.ts; here the API does it, and
    // the browser context keeps the cookie for the pages.
    const res = await context.request.post('/api/session', {
      data: { email, password: DEMO },
      headers: { origin: baseUrl! },
    });
    expect(res.status()).toBe(200);
    await page.goto(`/${lang}/account`);
  };

  it('staff open their municipality’s audit log from the account page and filter it', async () => {
    await signIn('sv', 'staff.borga@demo.example');
    await page.getByRole('link', { name: 'Granskningslogg' }).click();
    await page.waitForURL('**/sv/staff/audit');
    expect(await page.locator('h1').textContent()).toBe('Granskningslogg');
    const rows = page.locator('table.audit tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByLabel('Objekt').selectOption('association');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL('**entity=association**');
    const actions = await page.locator('table.audit tbody td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.trim().startsWith('association.'))).toBe(true);
    expect(actions.map((a) => a.trim())).toContain('association.verify');
  });

  it('someone who is not staff gets the site’s 403 page, not the log', async () => {
    await signIn('fi', 'map@demo.example');
    const response = await page.goto('/fi/staff/audit?municipality=borga');
    expect(response?.status()).toBe(403);
    expect(await page.locator('main').textContent()).not.toContain('association.verify');
  });

  for (const lang of ['sv', 'ar']) {
    it(`the audit log in ${lang} passes axe`, async () => {
      await signIn(lang, 'staff.borga@demo.example', true);
      await page.goto(`/${lang}/staff/audit?municipality=borga`);
      expect(await axe(page)).toEqual([]);
    });
  }

  it('a person downloads their data and deletes their account', async () => {
    await signIn('en', 'staff.vasa@demo.example');
    const exported = await page.request.get('/api/account/export');
    expect(exported.status()).toBe(200);
    expect((await exported.json()).account.email).toBe('staff.vasa@demo.example');
    expect(await page.getByRole('link', { name: 'Download my data' }).getAttribute('href')).toBe(
      '/api/account/export',
    );

    const form = page.locator('form[action="?/deleteAccount"]');
    await form.getByLabel('Password').fill('not my password');
    await form.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-password-error').textContent()).toBe(
      'The current password is wrong.',
    );
    await page.locator('form[action="?/deleteAccount"]').getByLabel('Password').fill(DEMO);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.waitForURL('**/en?accountDeleted=1');
    expect(await page.getByRole('status').textContent()).toContain(
      'Your account has been deleted.',
    );
    expect((await page.request.get('/api/session')).status()).toBe(401);
  });
});
