import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

// On a slow line the page is readable and its fields usable before its scripts arrive.
// What a person types in that time must survive hydration: it is theirs, and a sign-in
// that silently empties the password field looks like a wrong password.
describe.skipIf(!baseUrl)('what is typed before the scripts arrive is kept', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  // The app's scripts wait at this gate while it is held.
  let gate = Promise.resolve();
  let release: () => void = () => {};
  const hold = () => {
    gate = new Promise<void>((resolve) => (release = resolve));
  };

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ baseURL: baseUrl! });
    page = await context.newPage();
    // Hold the app's scripts back until the fields are filled (not its styles: an inline
    // script waits for them, and so would the whole page).
    await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const hydrated = () =>
    page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 30_000 });

  const fillAll = async (selector: string) => {
    const fields = page.locator(selector);
    const count = await fields.count();
    for (let i = 0; i < count; i++) await fields.nth(i).fill(`skrivet ${i} åäö`);
    return { fields, count };
  };

  it('every field of the sign-up form keeps what was typed', async () => {
    hold();
    await page.goto('/sv/sign-up', { waitUntil: 'domcontentloaded' });
    const { fields, count } = await fillAll('form input[type=text], form input[type=email]');
    expect(count).toBeGreaterThan(1);
    release();
    await hydrated();
    for (let i = 0; i < count; i++)
      expect(await fields.nth(i).inputValue()).toBe(`skrivet ${i} åäö`);
  });

  it('a chosen option and a ticked box in the calendar filters are kept', async () => {
    hold();
    await page.goto('/sv', { waitUntil: 'domcontentloaded' });
    const category = page.locator('#filter-category');
    const second = await category.locator('option').nth(2).getAttribute('value');
    await category.selectOption(second!);
    await page.locator('input[name=free]').check();
    release();
    await hydrated();
    expect(await category.inputValue()).toBe(second);
    expect(await page.locator('input[name=free]').isChecked()).toBe(true);
  });

  it('the sign-in form keeps the address and the password, and signs in', async () => {
    hold();
    await page.goto('/sv/sign-in', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('html[data-hydrated]').count()).toBe(0);
    await page.locator('#field-email').fill('staff.borga@demo.example');
    await page.locator('#field-password').fill('motesplats-demo');
    release();
    await hydrated();
    expect(await page.locator('#field-email').inputValue()).toBe('staff.borga@demo.example');
    expect(await page.locator('#field-password').inputValue()).toBe('motesplats-demo');
    await page.locator('form.form button[type=submit]').click();
    await page.waitForURL('**/sv/account');
    expect(await page.locator('h1').textContent()).toBe('Mitt konto');
  });

  it('multi-line texts and the texts of each language are kept (a venue, by staff)', async () => {
    await page.goto('/sv/staff/venues');
    const href = await page.locator('table.staff-venues tbody a').first().getAttribute('href');
    hold();
    // Nothing is saved: the page is left without sending the form.
    await page.goto(href!, { waitUntil: 'domcontentloaded' });
    const { fields, count } = await fillAll('main form textarea, main form input[type=text]');
    expect(await page.locator('main form textarea').count()).toBeGreaterThan(0);
    release();
    await hydrated();
    for (let i = 0; i < count; i++)
      expect(await fields.nth(i).inputValue()).toBe(`skrivet ${i} åäö`);
  });
});
