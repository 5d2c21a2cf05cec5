import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch } from './browser';

const DEMO = 'motesplats-demo';

describe.skipIf(!baseUrl)('signing in and out', () => {
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

  const open = async (javaScript: boolean) => {
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: javaScript });
    page = await context.newPage();
  };

  for (const javaScript of [false, true]) {
    it(`staff sign in through the form and the session works for pages and the API (JS ${javaScript ? 'on' : 'off'})`, async () => {
      await open(javaScript);
      await page.goto('/sv');
      await page.getByRole('link', { name: 'Logga in' }).click();
      await page.waitForURL('**/sv/sign-in');
      await page.getByLabel('E-postadress').fill('staff.borga@demo.example');
      await page.getByLabel('Lösenord').fill(DEMO);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.waitForURL('**/sv/account');
      expect(await page.locator('h1').textContent()).toBe('Mitt konto');
      expect(await page.locator('.roles').textContent()).toContain('Personaladministratör i Borgå');
      expect(await page.getByRole('link', { name: 'Mitt konto' }).count()).toBe(1);

      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === 'motesplats.session_token');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      // The same cookie signs the API in directly.
      const me = await page.request.get('/api/session');
      expect(me.status()).toBe(200);
      expect((await me.json()).user.email).toBe('staff.borga@demo.example');

      await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
      await page.waitForURL('**/sv?signedOut=1');
      expect(await page.getByRole('status').textContent()).toContain('Du har loggats ut.');
      expect(await page.getByRole('link', { name: 'Logga in' }).count()).toBe(1);
      expect((await page.request.get('/api/session')).status()).toBe(401);
    });
  }

  it('a wrong password is said in Arabic beside the form, and the address is kept', async () => {
    await open(false);
    await page.goto('/ar/sign-in');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel('البريد الإلكتروني').fill('map@demo.example');
    await page.getByLabel('كلمة المرور').fill('not the password');
    await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain(
      'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    );
    expect(await page.getByLabel('البريد الإلكتروني').inputValue()).toBe('map@demo.example');
    expect(await page.getByLabel('كلمة المرور').inputValue()).toBe('');
  });

  it('sign-up names each bad field in Finnish and keeps what was typed', async () => {
    await open(false);
    await page.goto('/fi/sign-up');
    await page.getByLabel('Nimesi').fill('Aino');
    await page.getByLabel('Sähköpostiosoite').fill('aino-at-example');
    await page.getByLabel('Salasana').fill('lyhyt');
    await page.getByRole('button', { name: 'Luo tili' }).click();
    await page.waitForLoadState();
    const email = page.getByLabel('Sähköpostiosoite');
    expect(await email.inputValue()).toBe('aino-at-example');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const emailError = await email.getAttribute('aria-describedby');
    expect(await page.locator(`#${emailError}`).textContent()).toContain('Anna sähköpostiosoite');
    expect(await page.locator('#field-password-error').textContent()).toBe('Vähintään 10 merkkiä.');
    expect(await page.getByLabel('Nimesi').inputValue()).toBe('Aino');
  });

  it('the account page asks a signed-out visitor to sign in first, then returns there', async () => {
    await open(false);
    await page.goto('/en/account');
    await page.waitForURL('**/en/sign-in?next=%2Fen%2Faccount');
    await page.getByLabel('E-mail address').fill('resident@demo.example');
    await page.getByLabel('Password').fill(DEMO);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/en/account');
    expect(await page.locator('main').textContent()).toContain('You have no role yet.');
  });

  for (const lang of ['sv', 'ar']) {
    for (const path of ['sign-in', 'sign-up', 'password/forgot', 'password/reset?token=x']) {
      it(`/${lang}/${path} passes axe`, async () => {
        await open(true);
        const response = await page.goto(`/${lang}/${path}`);
        expect(response?.status()).toBe(200);
        expect(await axe(page)).toEqual([]);
      });
    }
  }

  for (const lang of ['sv', 'ar']) {
    it(`the signed-in account page in ${lang} passes axe`, async () => {
      await open(true);
      // The enhanced form (scripts loaded) is what this page is checked with.
      await page.goto(`/${lang}/sign-in`, { waitUntil: 'networkidle' });
      await page.locator('#field-email').fill('map@demo.example');
      await page.locator('#field-password').fill(DEMO);
      await page.locator('form.form button[type=submit]').click();
      await page.waitForURL(`**/${lang}/account`);
      // The association's name is marked as Finnish inside the Arabic or Swedish sentence.
      expect(await page.locator('.roles span[lang="fi"]').textContent()).toBe(
        'Porvoon monikulttuurinen yhdistys',
      );
      expect(await axe(page)).toEqual([]);
    });
  }
});
