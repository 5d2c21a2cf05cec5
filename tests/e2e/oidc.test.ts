import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch } from './browser';

/** The loopback identity provider the server under test trusts (tests/setup/global-server.ts). */
const oidc = inject('oidc');

describe.skipIf(!baseUrl || !oidc)(
  'staff sign in through the municipality’s identity provider',
  () => {
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

    for (const javaScript of [false, true]) {
      it(`from the Finnish sign-in page through the provider's login form to the account page (JS ${javaScript ? 'on' : 'off'})`, async () => {
        context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: javaScript });
        // The provider's development pages load a web font; nothing leaves the machine.
        await context.route(/^https:\/\/fonts\./, (route) => route.abort());
        page = await context.newPage();
        await page.goto('/fi/sign-in');
        expect(await page.getByRole('heading', { name: 'Kunnan henkilöstö' }).count()).toBe(1);

        const started = performance.now();
        await page.getByRole('button', { name: `Kirjaudu sisään: ${oidc!.name}` }).click();
        // On the identity provider's own page now, at another origin.
        await page.waitForURL((url) => url.pathname.startsWith('/interaction/'));
        expect(new URL(page.url()).origin).not.toBe(baseUrl);
        await page.getByPlaceholder('Enter any login').fill(oidc!.login);
        await page.getByPlaceholder('and password').fill('any password');
        await page.getByRole('button', { name: 'Sign-in' }).click();
        // The provider asks for consent the first time this browser comes.
        await page.waitForURL(
          (url) =>
            url.pathname.endsWith('/account') ||
            (/\/interaction\/[^/]+$/.test(url.pathname) && url.origin !== baseUrl),
        );
        if (!page.url().endsWith('/fi/account')) {
          await page.getByRole('button', { name: 'Continue' }).click();
        }
        await page.waitForURL(`${baseUrl}/fi/account`);
        console.info(
          `OIDC sign-in in Chromium (JS ${javaScript ? 'on' : 'off'}): ${(performance.now() - started).toFixed(0)} ms`,
        );

        expect(await page.locator('h1').textContent()).toBe('Oma tili');
        expect(await page.locator('.roles').textContent()).toContain('Kunnan työntekijä: Porvoo');
        const me = await page.request.get('/api/session');
        expect(me.status()).toBe(200);
        expect((await me.json()).user).toMatchObject({
          email: oidc!.email,
          emailVerified: true,
          locale: 'fi',
        });
      });
    }

    it('the sign-in page with the provider’s button passes axe in Arabic', async () => {
      context = await browser.newContext({ baseURL: baseUrl! });
      page = await context.newPage();
      await page.goto('/ar/sign-in');
      expect(
        await page.getByRole('button', { name: `تسجيل الدخول عبر ${oidc!.name}` }).count(),
      ).toBe(1);
      expect(await axe(page)).toEqual([]);
    });
  },
);
