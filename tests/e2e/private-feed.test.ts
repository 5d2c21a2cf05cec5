import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch, signedInContext } from './browser';

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

describe.skipIf(!baseUrl)('private links on the staff bookings and association pages', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: BrowserContext;
  let pargasId = '';
  let vasaStaff: Page;

  const signedIn = async (email: string, javaScript = false) => {
    const context = await signedInContext(browser, email, { javaScript });
    contexts.push(context);
    return context;
  };
  const section = (page: Page, name: string) =>
    page.locator('section').filter({
      has: page.getByRole('heading', { name: `Privat kalenderlänk: ${name}`, exact: true }),
    });
  const tokenOf = (url: string) => url.split('/').pop()!.split('.')[0]!;
  /** The feed's lines unfolded (RFC 5545 §3.1), its text values unescaped. */
  const unfolded = async (res: { text(): Promise<string> }) =>
    (await res.text()).replace(/\r\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1');

  beforeAll(async () => {
    browser = await launch();
    // Vasa's staff member is made staff of Pargas too (taken back after these tests).
    admin = await signedIn('admin@demo.example');
    const towns = await (await admin.request.get('/api/admin/municipalities?lang=sv')).json();
    pargasId = towns.items.find((t: { slug: string }) => t.slug === 'pargas').id;
    const granted = await admin.request.post(
      `/api/admin/municipalities/${pargasId}/staff-roles?lang=sv`,
      { data: { email: 'staff.vasa@demo.example', role: 'staff' }, headers: { origin: baseUrl! } },
    );
    expect(granted.status()).toBe(201);
    vasaStaff = await (await signedIn('staff.vasa@demo.example')).newPage();
  });
  afterAll(async () => {
    const pargas = await (
      await admin.request.get(`/api/admin/municipalities/${pargasId}?lang=sv`)
    ).json();
    const person = pargas.staff.find(
      (s: { email: string }) => s.email === 'staff.vasa@demo.example',
    );
    if (person)
      await admin.request.delete(
        `/api/admin/municipalities/${pargasId}/staff-roles/${person.userId}/staff?lang=sv`,
        { headers: { origin: baseUrl! } },
      );
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('staff of two municipalities have a link for each; one made is shown in its own section only', async () => {
    await vasaStaff.goto('/sv/staff/bookings');
    expect(await section(vasaStaff, 'Vasa').count()).toBe(1);
    expect(await section(vasaStaff, 'Pargas').count()).toBe(1);

    await section(vasaStaff, 'Pargas').getByRole('button', { name: 'Skapa privat länk' }).click();
    await vasaStaff.waitForLoadState();
    const pargas = section(vasaStaff, 'Pargas');
    const url = await pargas.getByLabel('Kalenderadress').inputValue();
    expect(url).toMatch(/\/feeds\/private\/[A-Za-z0-9_-]{43}\.ics\?lang=sv$/);
    expect(await section(vasaStaff, 'Vasa').getByLabel('Kalenderadress').count()).toBe(0);
    expect(
      await section(vasaStaff, 'Vasa').getByRole('button', { name: 'Skapa privat länk' }).count(),
    ).toBe(1);
    // The link is Pargas's calendar, named so.
    const feed = await vasaStaff.request.get(url);
    expect(feed.status()).toBe(200);
    const ics = await unfolded(feed);
    expect(ics).toContain('X-WR-CALNAME:Pargas');
    expect(ics).not.toContain('X-WR-CALNAME:Vasa');

    // Again loaded: Pargas has a live link (renew, revoke), Vasa none, and no token anywhere.
    await vasaStaff.goto('/sv/staff/bookings');
    expect(await vasaStaff.content()).not.toContain(tokenOf(url));
    expect(
      await section(vasaStaff, 'Pargas').getByRole('button', { name: 'Återkalla länken' }).count(),
    ).toBe(1);
    expect(
      await section(vasaStaff, 'Vasa').getByRole('button', { name: 'Återkalla länken' }).count(),
    ).toBe(0);
    await section(vasaStaff, 'Pargas').getByRole('button', { name: 'Återkalla länken' }).click();
    await vasaStaff.waitForLoadState();
    expect(await section(vasaStaff, 'Pargas').getByText('Länken är återkallad').count()).toBe(1);
    expect(await section(vasaStaff, 'Vasa').getByText('Länken är återkallad').count()).toBe(0);
    expect((await vasaStaff.request.get(url)).status()).toBe(404);
  });

  it('staff of one municipality have one section, without a name in its heading', async () => {
    const page = await (await signedIn('staff.borga@demo.example')).newPage();
    await page.goto('/sv/staff/bookings');
    expect(
      await page.getByRole('heading', { name: 'Privat kalenderlänk', exact: true }).count(),
    ).toBe(1);
  });

  it('the association’s administrator makes its link on the manage page; it lists the association’s bookings', async () => {
    const member = await signedIn('map@demo.example');
    const me = await (await member.request.get('/api/session')).json();
    const { id } = me.roles.associations[0].association;
    // The link's language is Swedish: so is the name the feed gives.
    const association = await (await member.request.get(`/api/associations/${id}?lang=sv`)).json();
    const page = await member.newPage();
    await page.goto(`/sv/associations/${association.id}/manage`);
    await page.getByRole('button', { name: 'Skapa privat länk' }).click();
    await page.waitForLoadState();
    const url = await page.getByLabel('Kalenderadress').inputValue();
    const feed = await member.request.get(url);
    expect(feed.status()).toBe(200);
    const ics = await unfolded(feed);
    expect(ics).toContain(`X-WR-CALNAME:${association.name.text}`);
    expect(ics).toContain('BEGIN:VEVENT');
    // Every booking in it is the association's own.
    const summaries = [...ics.matchAll(/^SUMMARY:(.*)\r?$/gm)].map((s) => s[1]!);
    expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) expect(s.startsWith(association.name.text)).toBe(true);
    await page.getByRole('button', { name: 'Återkalla länken' }).click();
    await page.waitForLoadState();
    expect((await member.request.get(url)).status()).toBe(404);
  });

  it('the staff bookings page with two sections passes axe in Swedish and Arabic', async () => {
    const scripted = await signedIn('staff.vasa@demo.example', true);
    const page = await scripted.newPage();
    for (const lang of ['sv', 'ar']) {
      await page.goto(`/${lang}/staff/bookings`);
      const violations = await axe(page);
      expect(violations, `${lang}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    }
  });
});
