import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraJpeg } from '../fixtures/images';
import { axe, baseUrl, launch } from './browser';
import { venueWithPhoto } from './demo';

const DEMO = 'motesplats-demo';

describe.skipIf(!baseUrl)('staff manage their venues (no JavaScript)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let venueId: string;

  beforeAll(async () => {
    browser = await launch();
    // Without JavaScript: every form here is a plain form post.
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    page = await context.newPage();
  });
  afterAll(async () => {
    await scripted?.close();
    await context?.close();
    await browser?.close();
  });

  /** axe needs JavaScript: it checks in a second, scripted window with the same session. */
  let scripted: BrowserContext | undefined;
  const noViolations = async (
    where: string,
    path = new URL(page.url()).pathname,
    html?: string,
  ) => {
    scripted ??= await browser.newContext({
      baseURL: baseUrl!,
      storageState: await context.storageState(),
    });
    const p = await scripted.newPage();
    await p.goto(path);
    // A page as the form post left it (errors shown, values kept) is checked as served.
    if (html) await p.setContent(html);
    const violations = await axe(p);
    await p.close();
    expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  };

  it('staff of Borgå sign in and find their venues from the account page', async () => {
    await page.goto('/sv/sign-in');
    await page.getByLabel('E-postadress').fill('staff.borga@demo.example');
    await page.getByLabel('Lösenord').fill(DEMO);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForURL('**/sv/account');
    await page.getByRole('link', { name: 'Sköt kommunens lokaler' }).click();
    await page.waitForURL('**/sv/staff/venues');
    expect(await page.locator('h1').textContent()).toBe('Kommunens lokaler');
    await noViolations('staff venue list (sv)');
    // Another test file looks at the first venue with a photo: leave that one alone.
    const taken = (await venueWithPhoto()).id;
    const links = await page
      .locator('table.staff-venues tbody a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const href = links.find((h) => !h.endsWith(taken))!;
    venueId = href.split('/').pop()!;
    await page.goto(href);
    expect(await page.locator('h1').textContent()).toMatch(/^Redigera /);
    await noViolations('venue form (sv)');
  });

  it('a refused edit names the field in the reader’s language and keeps what was typed', async () => {
    await page.locator('input[name="capacity"]').fill('57');
    await page.locator('input[name="hours.1.0.opens"]').fill('09:00');
    await page.locator('input[name="hours.1.0.closes"]').fill('12:00');
    await page.locator('input[name="hours.1.1.opens"]').fill('11:00');
    await page.locator('input[name="hours.1.1.closes"]').fill('13:00');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-hours-1-1-error').textContent()).toBe(
      'Tiden överlappar en annan öppettid.',
    );
    expect(await page.locator('input[name="hours.1.1.opens"]').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.locator('input[name="capacity"]').inputValue()).toBe('57');
    await noViolations('venue form with an error (sv)', undefined, await page.content());
  });

  it('saves capacity and opening hours, uploads a photo with alt text; the public page shows them', async () => {
    await page.locator('input[name="hours.1.1.opens"]').fill('');
    await page.locator('input[name="hours.1.1.closes"]').fill('');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Ändringarna är sparade.',
    );

    await page.getByLabel(/^Bildfil/).setInputFiles({
      name: 'salen.jpg',
      mimeType: 'image/jpeg',
      // About 1 MB, above SvelteKit's default body limit (512 kB) for a form action.
      buffer: Buffer.from(await cameraJpeg(2000, 1333, true)),
    });
    const upload = page.locator('form[action="?/photo"]');
    await upload.locator('input[name="alt.sv"]').fill('Testbild: salen med stolar i rader');
    await upload.locator('input[name="alt.fi"]').fill('Testikuva: sali ja tuolirivit');
    await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Bilden har lagts till.',
    );
    await noViolations('venue form after an upload (sv)');

    await page.goto(`/sv/venues/${venueId}`);
    const facts = await page.locator('dl.facts').first().textContent();
    expect(facts).toContain('57');
    const monday = page
      .locator('dl.facts dt', { hasText: 'måndag' })
      .locator('xpath=following-sibling::dd[1]');
    expect((await monday.textContent())?.replace(/\s+/g, '')).toBe('09.00–12.00'); // sv-FI writes 09.00;
    const photo = page.getByAltText('Testbild: salen med stolar i rader');
    expect(await photo.count()).toBe(1);
    expect(await photo.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}\.webp$/);
    const served = await page.request.get((await photo.getAttribute('src'))!);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/webp');
    await page.goto(`/fi/venues/${venueId}`);
    expect(await page.getByAltText('Testikuva: sali ja tuolirivit').count()).toBe(1);
  });

  it('edits a photo’s alt text and reorders the photos by keyboard, with and without JavaScript', async () => {
    // A second photo to reorder (no JavaScript: a plain multipart post).
    await page.goto(`/sv/staff/venues/${venueId}`);
    await page.getByLabel(/^Bildfil/).setInputFiles({
      name: 'scenen.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(await cameraJpeg(640, 480)),
    });
    const upload = page.locator('form[action="?/photo"]');
    await upload.locator('input[name="alt.sv"]').fill('Testbild två: scenen');
    await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
    await page.waitForLoadState();
    const order = async (p: Page) =>
      p
        .locator('form[action="?/photoAlt"] input[name="photoId"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const before = await order(page);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const last = before.at(-1)!;

    // Without JavaScript: "move up" is a form post; the photo comes one place earlier.
    await page.getByRole('button', { name: 'Flytta upp: Testbild två: scenen' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('Bilden har flyttats.');
    const moved = await order(page);
    expect(moved.indexOf(last)).toBe(before.length - 2);

    // With JavaScript, by keyboard only: type the alt texts, Enter saves them.
    scripted ??= await browser.newContext({
      baseURL: baseUrl!,
      storageState: await context.storageState(),
    });
    const p = await scripted.newPage();
    await p.goto(`/sv/staff/venues/${venueId}`);
    // Hydrated first: on a busy machine, selecting before the page's script has taken over
    // left the old text in the field and the new one typed after it.
    await p.waitForLoadState('networkidle');
    const sv = p.locator(`#photo-${last}-alt-sv`);
    await sv.focus();
    await p.keyboard.press('Control+A');
    await p.keyboard.type('Scenen med ridån nere');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Näyttämö, esirippu alhaalla');
    await p.keyboard.press('Enter');
    await p
      .getByRole('status')
      .filter({ hasText: 'Beskrivningen av bilden har sparats.' })
      .waitFor();
    expect(await p.locator(`#photo-${last}-alt-sv`).inputValue()).toBe('Scenen med ridån nere');
    expect(await p.locator(`#photo-${last}-alt-fi`).inputValue()).toBe(
      'Näyttämö, esirippu alhaalla',
    );
    expect(await p.getByAltText('Scenen med ridån nere').count()).toBe(1);

    // Move it down with the keyboard: the focus stays on the photo's move button.
    const down = p.getByRole('button', { name: 'Flytta ned: Scenen med ridån nere' });
    await down.focus();
    await p.keyboard.press('Enter');
    await p.getByRole('status').filter({ hasText: 'Bilden har flyttats.' }).waitFor();
    await expect.poll(() => order(p)).toEqual(before);
    // Last again: no "move down" any more, so the focus is on its "move up".
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe(`move-up-${last}`);
    await p.keyboard.press('Space');
    await expect.poll(() => order(p)).toEqual(moved);
    await expect
      .poll(() => p.evaluate(() => document.activeElement?.id))
      .toMatch(new RegExp(`^move-(up|down)-${last}$`));
    const violations = await axe(p);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await p.close();

    // The public page shows the new alt text, in Finnish too.
    await page.goto(`/fi/venues/${venueId}`);
    expect(await page.getByAltText('Näyttämö, esirippu alhaalla').count()).toBe(1);
  });

  it('edits the building of a venue', async () => {
    await page.goto(`/sv/staff/venues/${venueId}`);
    await page.getByRole('link', { name: 'Redigera byggnaden' }).click();
    await page.waitForURL(`**/sv/staff/venues/${venueId}/building`);
    await noViolations('building form (sv)');
    const street = await page.locator('input[name="street"]').inputValue();
    await page.locator('input[name="postalCode"]').fill('123');
    await page.locator('input[name="lat"]').fill('60.39');
    await page.locator('input[name="lon"]').fill('');
    await page.getByRole('button', { name: 'Spara byggnaden' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-lon-error').textContent()).toBe(
      'Ange både latitud och longitud, eller ingendera.',
    );
    await page.locator('input[name="lon"]').fill('25,66');
    await page.getByRole('button', { name: 'Spara byggnaden' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-postalCode-error').textContent()).toBe(
      'Ange ett postnummer med fem siffror.',
    );
    expect(await page.locator('input[name="lon"]').inputValue()).toBe('25,66');
    await noViolations('building form with an error (sv)', undefined, await page.content());
    await page.locator('input[name="postalCode"]').fill('06100');
    await page.locator('input[name="name.en"]').fill('The test building');
    await page.getByRole('button', { name: 'Spara byggnaden' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Byggnaden har sparats.',
    );
    expect(await page.locator('input[name="street"]').inputValue()).toBe(street);
    expect(await page.locator('input[name="lon"]').inputValue()).toBe('25.66');
    expect(await page.locator('input[name="name.en"]').inputValue()).toBe('The test building');
  });

  it('takes the venue out of booking and back', async () => {
    await page.goto(`/sv/staff/venues/${venueId}`);
    await page.getByRole('button', { name: 'Ta ur bokning' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('tagen ur bokning');
    await page.goto(`/sv/venues/${venueId}`);
    expect(await page.locator('main').textContent()).toContain('Kan inte bokas just nu');
    await page.goto(`/sv/staff/venues/${venueId}`);
    await page.getByRole('button', { name: 'Öppna för bokning igen' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('kan bokas igen');
  });

  it('creates a venue, then divides it into parts', async () => {
    await page.goto('/sv/staff/venues');
    await page.getByRole('link', { name: 'Ny lokal' }).click();
    await page.waitForURL('**/sv/staff/venues/new');
    await noViolations('new venue form (sv)');
    // Nothing typed: the API names both missing fields.
    await page.locator('input[name="capacity"]').fill('');
    await page.getByRole('button', { name: 'Skapa lokalen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#field-capacity-error').textContent()).toBe('Ange ett heltal.');
    expect(await page.locator('.field-error').first().textContent()).toBe(
      'Skriv lokalens namn på minst ett språk.',
    );
    await page.locator('input[name="name.sv"]').fill('Övningssalen');
    await page.locator('input[name="name.fi"]').fill('Harjoitussali');
    await page.locator('input[name="capacity"]').fill('40');
    await page.getByRole('button', { name: 'Skapa lokalen' }).click();
    await page.waitForURL(/\/sv\/staff\/venues\/[0-9a-f-]{36}\?created=1$/);
    expect(await page.locator('h1').textContent()).toBe('Redigera Övningssalen');
    await page.locator('input[name="space.sv"]').fill('Scenen');
    await page.locator('input[name="spaceCapacity"]').fill('15');
    await page.getByRole('button', { name: 'Lägg till en del' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('Delen har lagts till.');
    expect(await page.locator('#spaces-heading + p + ul').textContent()).toContain('Scenen: 15');
    // A part nobody has booked can go again.
    await page.getByRole('button', { name: 'Ta bort delen: Scenen' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Delen har tagits bort.',
    );
    expect(await page.locator('#spaces-heading + p + ul').textContent()).not.toContain('Scenen');
  });

  it('refuses to remove a half that is booked, naming the dates of its bookings', async () => {
    await page.goto('/sv/staff/venues');
    const hall = page.locator('table.staff-venues tbody a', { hasText: 'Fabrikssalen' });
    await page.goto((await hall.getAttribute('href'))!);
    await page.getByRole('button', { name: 'Ta bort delen: Norra halvan' }).click();
    await page.waitForLoadState();
    expect((await page.getByRole('alert').textContent())?.trim()).toMatch(
      /^\S+ \d{1,2} .+ \d{4}: Delen kan inte tas bort: bokningar som väntar på beslut eller är godkända använder den/,
    );
    expect(await page.getByRole('button', { name: 'Ta bort delen: Norra halvan' }).count()).toBe(1);
  });

  for (const lang of ['fi', 'en', 'ar'] as const) {
    it(`the staff pages pass axe in ${lang}`, async () => {
      await page.goto(`/${lang}/staff/venues`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await noViolations(`staff venue list (${lang})`);
      await page.goto(`/${lang}/staff/venues/${venueId}`);
      await noViolations(`venue form (${lang})`);
    });
  }

  // Staff of another municipality get a 404 from the API and the page alike: proved in
  // tests/api/staff-venues.test.ts, not here, as every sign-in from this one address counts
  // against the per-address sign-in throttle that tests/e2e/accounts.test.ts also spends.
  it('sends a signed-out visitor to sign in first', async () => {
    const other = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    const p = await other.newPage();
    await p.goto(`/sv/staff/venues/${venueId}`);
    expect(new URL(p.url()).pathname).toBe('/sv/sign-in');
    expect(new URL(p.url()).searchParams.get('next')).toBe(`/sv/staff/venues/${venueId}`);
    await other.close();
  });
});
