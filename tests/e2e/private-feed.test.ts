import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch } from './browser';

const DEMO = 'motesplats-demo';

describe.skipIf(!baseUrl)('a private calendar link on the staff venue page (no JavaScript)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let venuePath: string;

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** axe needs JavaScript: a second, scripted window with the same session. */
  const noViolations = async (where: string, path: string) => {
    const scripted = await browser.newContext({
      baseURL: baseUrl!,
      storageState: await context.storageState(),
    });
    const p = await scripted.newPage();
    await p.goto(path);
    const violations = await axe(p);
    await scripted.close();
    expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  };

  it('staff make the link, see it once; the feed answers text/calendar; revoked, it is gone', async () => {
    await page.goto('/sv/sign-in');
    await page.getByLabel('E-postadress').fill('staff.borga@demo.example');
    await page.getByLabel('Lösenord').fill(DEMO);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForURL('**/sv/account');
    await page.goto('/sv/staff/venues');
    const href = await page.locator('table.staff-venues tbody a').first().getAttribute('href');
    venuePath = href!;
    await page.goto(venuePath);
    await page.getByRole('button', { name: 'Skapa privat länk' }).click();
    await page.waitForLoadState();
    await expect
      .poll(() => page.getByText('Kopiera den nu; att förnya ger en ny länk').count())
      .toBe(1);
    const url = await page.getByLabel('Kalenderadress').inputValue();
    expect(url).toMatch(/\/feeds\/private\/[A-Za-z0-9_-]{43}\.ics\?lang=sv$/);
    const feed = await context.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers()['cache-control']).toBe('private, max-age=900');

    // Shown once: the page loaded again has no link, only that one exists.
    await page.goto(venuePath);
    expect(await page.getByLabel('Kalenderadress').count()).toBe(0);
    expect(await page.content()).not.toContain(url.split('/').pop()!.split('.')[0]!);
    // Nor the public venue page.
    const publicPage = await context.request.get(venuePath.replace('/staff', ''));
    expect(await publicPage.text()).not.toContain(url.split('/').pop()!.split('.')[0]!);

    await page.getByRole('button', { name: 'Återkalla länken' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('Länken är återkallad').count()).toBe(1);
    const gone = await context.request.get(url);
    expect(gone.status()).toBe(404);
    expect(gone.headers()['content-type']).toContain('application/problem+json');
  });

  it('the page passes axe in Swedish and Arabic', async () => {
    await noViolations('staff venue page (sv)', venuePath);
    await noViolations('staff venue page (ar)', venuePath.replace('/sv/', '/ar/'));
  });
});
