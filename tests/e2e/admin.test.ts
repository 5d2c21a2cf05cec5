import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch, signedInContext, type AxeViolation } from './browser';

const DEMO = 'motesplats-demo';
const report = (violations: AxeViolation[]) => JSON.stringify(violations, null, 1);

describe.skipIf(!baseUrl)('the administrator (keyboard only)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let lovisaPath = '';

  /** A page signed in as `email`. */
  const signedIn = async (email: string, javaScript = true) => {
    const context = await signedInContext(browser, email, { javaScript });
    contexts.push(context);
    return context.newPage();
  };

  /** Presses Tab until `target` has the focus, as a keyboard user would. */
  const tabTo = async (page: Page, target: Locator, most = 120) => {
    for (let i = 0; i < most; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  };
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}#${el.id}` : '';
    });
  const noViolations = async (page: Page, where: string) => {
    const violations = await axe(page);
    expect(violations, `${where}: ${report(violations)}`).toEqual([]);
  };

  beforeAll(async () => {
    browser = await launch();
    admin = await signedIn('admin@demo.example');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('finds the administration from the header and opens a municipality', async () => {
    await admin.goto('/sv/account', { waitUntil: 'networkidle' });
    const nav = admin.getByRole('navigation', { name: 'Huvudmeny' });
    const link = nav.getByRole('link', { name: 'Administration' });
    await tabTo(admin, link);
    await Promise.all([admin.waitForURL('**/sv/admin'), admin.keyboard.press('Enter')]);
    expect(await admin.locator('h1').textContent()).toBe('Administration');
    expect(await link.getAttribute('aria-current')).toBe('page');
    await noViolations(admin, 'administration (sv)');

    const lovisa = admin
      .locator('table.admin-municipalities')
      .getByRole('link', { name: 'Lovisa' });
    lovisaPath = (await lovisa.getAttribute('href'))!;
    await tabTo(admin, lovisa);
    await Promise.all([admin.waitForURL(`**${lovisaPath}`), admin.keyboard.press('Enter')]);
    await admin.waitForLoadState('networkidle');
    expect(await admin.locator('h1').textContent()).toBe('Kommunen Lovisa');
    expect(await admin.locator('table.admin-staff tbody tr').count()).toBe(1);
  });

  it('grants a staff role by e-mail with the keyboard; a refusal is said beside the field', async () => {
    const email = admin.getByLabel('Personens e-postadress');
    await tabTo(admin, email);
    await admin.keyboard.type('nobody@example.org');
    await admin.keyboard.press('Enter');
    const error = admin.locator('#field-email-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'Det finns inget konto med den här e-postadressen. Be personen skapa ett konto först.',
    );
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.inputValue()).toBe('nobody@example.org');
    await noViolations(admin, 'municipality page with a refused grant (sv)');

    await tabTo(admin, email);
    await admin.keyboard.press('Control+A');
    await admin.keyboard.type('resident@demo.example');
    await admin.keyboard.press('Tab');
    expect(await focused(admin)).toBe('select#field-role');
    // The second choice: staff administrator.
    await admin.keyboard.press('ArrowDown');
    expect(await admin.locator('#field-role').inputValue()).toBe('admin');
    await admin.keyboard.press('Tab');
    expect(await focused(admin)).toBe('button#');
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Ge rollen');
    await admin.keyboard.press('Enter');

    const notice = admin.getByRole('status');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'resident@demo.example har nu rollen Personaladministratör.',
    );
    const row = admin.locator('table.admin-staff tr[data-email="resident@demo.example"]');
    expect(await row.getAttribute('data-role')).toBe('admin');
    expect(await row.textContent()).toContain('en administratör');
    expect(await admin.locator('#field-email-error').count()).toBe(0);
    await noViolations(admin, 'municipality page after a grant (sv)');
  });

  it('the person is staff administrator of Lovisa at their next page', async () => {
    const resident = await signedIn('resident@demo.example', false);
    await resident.goto('/sv/account');
    // The municipality is named in the person's own language (English: Loviisa).
    expect(await resident.locator('.roles').textContent()).toContain(
      'Personaladministratör i Loviisa',
    );
    // Not an administrator of the installation: no way into the administration.
    expect(await resident.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect((await resident.goto('/sv/admin'))?.status()).toBe(403);
    expect((await resident.goto('/sv/staff/venues'))?.status()).toBe(200);
    expect(await resident.locator('main').textContent()).toContain('Lovisa');
  });

  it('revokes the role with the keyboard, and it ends', async () => {
    const revoke = admin.getByRole('button', {
      name: 'Återkalla rollen Personaladministratör för Ravi Sharma',
    });
    await tabTo(admin, revoke);
    await admin.keyboard.press('Enter');
    await admin
      .getByRole('status')
      .filter({ hasText: 'Rollen Personaladministratör har återkallats för Ravi Sharma.' })
      .waitFor();
    expect(
      await admin.locator('table.admin-staff tr[data-email="resident@demo.example"]').count(),
    ).toBe(0);
    const resident = await signedIn('resident@demo.example', false);
    expect((await resident.goto('/sv/staff/venues'))?.status()).toBe(403);
  });

  it('staff of a municipality see no administration and are refused it', async () => {
    const staff = await signedIn('staff.borga@demo.example', false);
    await staff.goto('/sv/account');
    expect(await staff.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const path of ['/sv/admin', `${lovisaPath}`, '/sv/admin/categories']) {
      const response = await staff.goto(path);
      expect(response?.status(), path).toBe(403);
      expect(await staff.locator('main').textContent()).not.toContain('staff.lovisa@demo.example');
    }
  });

  for (const lang of ['sv', 'fi', 'en', 'ar'] as const) {
    it(`the administration pages pass axe in ${lang}`, async () => {
      const id = lovisaPath.split('/').pop()!;
      for (const path of [
        '/admin',
        `/admin/municipalities/${id}`,
        '/admin/municipalities/new',
        '/admin/categories',
        '/admin/categories/language-cafe',
      ]) {
        const response = await admin.goto(`/${lang}${path}`, { waitUntil: 'networkidle' });
        expect(response?.status(), path).toBe(200);
        if (lang === 'ar') expect(await admin.locator('html').getAttribute('dir')).toBe('rtl');
        await noViolations(admin, `${path} (${lang})`);
      }
    });
  }
});

describe.skipIf(!baseUrl)('an association’s logo (no JavaScript)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    const res = await context.request.post('/api/session', {
      data: { email: 'map@demo.example', password: DEMO },
      headers: { origin: baseUrl! },
    });
    id = (await res.json()).roles.associations[0].association.id;
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('its administrator uploads a logo with alt text; the public page and the directory show it', async () => {
    await page.goto(`/fi/associations/${id}/manage`);
    expect(await page.locator('#logo-heading').textContent()).toBe('Logo');
    // An upload without alt text is refused, with what was typed kept.
    const logo = await sharp({
      create: { width: 600, height: 300, channels: 4, background: '#0a5ca8' },
    })
      .png()
      .toBuffer();
    await page.getByLabel(/^Kuvatiedosto/).setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: logo,
    });
    await page.getByRole('button', { name: 'Lataa logo' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#logo-alt-error').textContent()).toBe(
      'Kirjoita kuvaus ainakin yhdellä kielellä.',
    );

    await page.getByLabel(/^Kuvatiedosto/).setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: logo,
    });
    await page.locator('#field-logo-alt-fi').fill('Porvoon monikulttuurisen yhdistyksen logo');
    await page.locator('#field-logo-alt-sv').fill('Borgå mångkulturella förenings logotyp');
    await page.getByRole('button', { name: 'Lataa logo' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('Logo on tallennettu.');

    await page.goto(`/fi/associations/${id}`);
    const shown = page.getByAltText('Porvoon monikulttuurisen yhdistyksen logo');
    expect(await shown.count()).toBe(1);
    const src = (await shown.getAttribute('src'))!;
    expect(src).toMatch(/^\/media\/[0-9a-f-]{36}\.webp$/);
    const served = await page.request.get(src);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/webp');

    await page.goto('/sv/associations?municipality=borga&language=fa');
    const card = page.locator('.association-cards li', {
      has: page.getByRole('link', { name: 'Borgå mångkulturella förening' }),
    });
    expect(
      await card.getByAltText('Borgå mångkulturella förenings logotyp').getAttribute('src'),
    ).toBe(src);
  });

  it('the pages with a logo pass axe', async () => {
    const scripted = await browser.newContext({
      baseURL: baseUrl!,
      storageState: await context.storageState(),
    });
    try {
      for (const path of [
        `/ar/associations/${id}/manage`,
        `/sv/associations/${id}`,
        '/sv/associations',
      ]) {
        const p = await scripted.newPage();
        await p.goto(path);
        const violations = await axe(p);
        expect(violations, `${path}: ${report(violations)}`).toEqual([]);
        await p.close();
      }
    } finally {
      await scripted.close();
    }
  });

  it('removes the logo', async () => {
    await page.goto(`/sv/associations/${id}/manage`);
    await page.getByRole('button', { name: 'Ta bort logotypen' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Logotypen har tagits bort.',
    );
    await page.goto(`/sv/associations/${id}`);
    expect(await page.locator('img.association-logo').count()).toBe(0);
  });
});
