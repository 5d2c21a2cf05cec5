// The association directory in the browser, without JavaScript: a newcomer signs up,
// confirms the address by the link in the real mail (SMTP listener), registers an
// association; staff of Borgå verify it (or reject it with a reason) in their own browser;
// the applicant sees the outcome. Then invitations, the public directory, and axe.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch, openDisclosures, type AxeViolation } from './browser';
import { readFeed } from './ics';
import { linkIn, waitForMail } from './mailbox';

const DEMO = 'motesplats-demo';
const PASSWORD = 'ett långt lösenord';
const stamp = Date.now().toString(36);
const APPLICANT = `leila.${stamp}@example.org`;

/** A demo association that organizes an upcoming event (its page has events to list). */
async function organizerOfAnUpcomingEvent(): Promise<string> {
  const list = await (await fetch(new URL('/api/occurrences?lang=sv&limit=1', baseUrl!))).json();
  const event = await (
    await fetch(new URL(`/api/events/${list.items[0].event.id}`, baseUrl!))
  ).json();
  return event.organizer.id as string;
}

/** The sign-in page's e-mail and password form (the page may offer other ways to sign in). */
const passwordForm = (page: Page) => page.locator('form', { has: page.locator('#field-password') });

const report = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes.map((n) => `  at ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');

describe.skipIf(!baseUrl)('associations: register, verify, reject, invite (no JavaScript)', () => {
  let browser: Browser;
  let applicant: BrowserContext;
  let staff: BrowserContext;
  let me: Page;
  let clerk: Page;
  let verifiedId = '';
  let rejectedId = '';

  const signIn = async (page: Page, email: string, password: string, lang = 'sv') => {
    // With JavaScript on: the enhanced form, once its scripts have run.
    await page.goto(`/${lang}/sign-in`, { waitUntil: 'networkidle' });
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(password);
    await passwordForm(page).locator('button[type=submit]').click();
    await page.waitForURL(`**/${lang}/account`, { timeout: 15_000 }).catch(async (e: Error) => {
      const alert = await page
        .locator('[role=alert]')
        .allTextContents()
        .catch(() => []);
      throw new Error(`${email} not signed in, at ${page.url()}: ${alert.join(' ')}`, {
        cause: e,
      });
    });
  };

  /** Fills the registration form in Swedish and sends it; answers the new association's id. */
  const register = async (name: string) => {
    await me.goto('/sv/associations/new');
    await me.getByLabel('Kommun', { exact: true }).selectOption('borga');
    await me.getByLabel('Namn (svenska)').fill(name);
    await me.getByLabel('Beskrivning (svenska)').fill('Läxhjälp och språkcafé för familjer.');
    await me.getByLabel('Kontaktadress (e-post)').fill(`styrelsen.${stamp}@example.org`);
    await me.getByRole('button', { name: 'Skicka för verifiering' }).click();
    await me.waitForURL('**/sv/account?registered=*');
    return new URL(me.url()).searchParams.get('registered')!;
  };

  beforeAll(async () => {
    browser = await launch();
    applicant = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    staff = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    me = await applicant.newPage();
    clerk = await staff.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up and opens the verification link from the mail received over SMTP', async () => {
    await me.goto('/sv/sign-up');
    await me.getByLabel('Ditt namn').fill('Leila Haddad');
    await me.getByLabel('E-postadress').fill(APPLICANT);
    await me.getByLabel('Lösenord').fill(PASSWORD);
    await me.getByRole('button', { name: 'Skapa konto' }).click();
    await me.waitForLoadState();
    expect(await me.getByRole('status').textContent()).toContain(APPLICANT);

    const mail = await waitForMail(APPLICANT, { link: '/verify-email' });
    const link = linkIn(mail, '/verify-email');
    expect(new URL(link).origin).toBe(baseUrl);
    await me.goto(link);
    await me.waitForURL('**/sv/account?verified=1');
    expect(await me.locator('h1').textContent()).toBe('Mitt konto');
    expect(await me.locator('main').textContent()).toContain(APPLICANT);
  });

  it('the registration form names each bad field, keeps what was typed, and adds a language on demand', async () => {
    await me.goto('/sv/account');
    await me.getByRole('link', { name: 'Registrera en förening' }).click();
    await me.waitForURL('**/sv/associations/new');
    // The contacts are said to be for staff only.
    expect(await me.locator('#contacts-hint').textContent()).toContain(
      'visas bara för kommunens personal',
    );
    await me.getByLabel('Kommun', { exact: true }).selectOption('borga');
    await me.getByLabel('Beskrivning (svenska)').fill('Utan namn ännu.');
    await me.getByLabel('FO-nummer (frivilligt)').fill('0112038-8');
    await me.getByLabel('Kontaktadress (e-post)').fill('inte-en-adress');
    await me.getByLabel('arabiska', { exact: true }).check();
    await me.getByRole('button', { name: 'Skicka för verifiering' }).click();
    await me.waitForLoadState();

    expect(await me.locator('#texts-error').textContent()).toBe('Ange namnet på minst ett språk.');
    expect(await me.locator('#field-businessId-error').textContent()).toContain(
      'inget giltigt FO-nummer',
    );
    expect(await me.getByLabel('FO-nummer (frivilligt)').getAttribute('aria-invalid')).toBe('true');
    expect(await me.locator('#field-contactEmail-error').textContent()).toContain(
      'Ange en e-postadress',
    );
    expect(await me.getByLabel('FO-nummer (frivilligt)').inputValue()).toBe('0112038-8');
    expect(await me.getByLabel('Beskrivning (svenska)').inputValue()).toBe('Utan namn ännu.');
    expect(await me.getByLabel('Kommun', { exact: true }).inputValue()).toBe('borga');
    expect(await me.getByLabel('arabiska', { exact: true }).isChecked()).toBe(true);

    // One more language, without JavaScript: the chosen language gets fields of its own.
    expect(await me.locator('#field-name-ar').count()).toBe(0);
    await me.locator('#field-extraLanguage').selectOption('ar');
    await me.getByLabel('Namn på detta språk').fill('جمعية بورغو للعائلات');
    await me.getByRole('button', { name: 'Lägg till fält för ett annat språk' }).click();
    await me.waitForLoadState();
    const arabic = me.getByLabel('Namn (arabiska)');
    expect(await arabic.inputValue()).toBe('جمعية بورغو للعائلات');
    expect(await arabic.getAttribute('lang')).toBe('ar');
    expect(await me.getByLabel('Beskrivning (svenska)').inputValue()).toBe('Utan namn ännu.');
  });

  it('registers an association, which waits for verification', async () => {
    verifiedId = await register(`Borgå familjeförening ${stamp}`);
    expect(await me.getByRole('status').textContent()).toContain(
      'väntar på att kommunens personal verifierar den',
    );
    const item = me.locator(`li[data-association="${verifiedId}"]`);
    expect(await item.getAttribute('data-verification')).toBe('pending');
    expect(await item.textContent()).toContain('Väntar på verifiering av kommunens personal.');
    // Not public yet.
    expect((await me.goto(`/sv/associations/${verifiedId}`))?.status()).toBe(404);
  });

  it('staff of Borgå verify it from their queue, in their own browser', async () => {
    await signIn(clerk, 'staff.borga@demo.example', DEMO);
    await clerk.getByRole('link', { name: 'Föreningar som väntar på verifiering' }).click();
    await clerk.waitForURL('**/sv/staff/associations');
    const application = clerk.locator(`article[data-id="${verifiedId}"]`);
    const text = await application.textContent();
    expect(text).toContain(`Borgå familjeförening ${stamp}`);
    expect(text).toContain(`styrelsen.${stamp}@example.org`);
    await application.getByRole('button', { name: 'Verifiera' }).click();
    await clerk.waitForLoadState();
    expect(await clerk.getByRole('status').textContent()).toContain('Föreningen har verifierats');
    expect(await clerk.locator(`article[data-id="${verifiedId}"]`).count()).toBe(0);
    expect(
      await clerk.locator(`table.decided tr[data-id="${verifiedId}"]`).textContent(),
    ).toContain('verifierad');
  });

  it('the member sees it verified, by mail and on the account page; the public sees it', async () => {
    const mail = await waitForMail(APPLICANT, { link: '/sv/account' });
    expect(mail.text).toContain(`Borgå familjeförening ${stamp}`);
    await me.goto('/sv/account');
    const item = me.locator(`li[data-association="${verifiedId}"]`);
    expect(await item.getAttribute('data-verification')).toBe('verified');
    expect(await item.textContent()).toContain('Verifierad');
    expect(await me.locator('.roles').textContent()).toContain('verifierad');

    const visitor = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    const page = await visitor.newPage();
    await page.goto('/sv/associations');
    await page.getByLabel('Namnet innehåller').fill(stamp);
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(`**/sv/associations?q=${stamp}*`);
    const card = page.getByRole('link', { name: `Borgå familjeförening ${stamp}` });
    await card.click();
    await page.waitForURL(`**/sv/associations/${verifiedId}`);
    expect(await page.locator('h1').textContent()).toBe(`Borgå familjeförening ${stamp}`);
    expect(await page.locator('h1').getAttribute('lang')).toBe('sv');
    // No contacts on the public page.
    expect(await page.locator('main').textContent()).not.toContain('example.org');
    await visitor.close();
  });

  it('staff reject another with a reason, and the applicant sees the reason', async () => {
    rejectedId = await register(`Borgå kulturklubb ${stamp}`);
    await clerk.goto('/sv/staff/associations');
    const application = clerk.locator(`article[data-id="${rejectedId}"]`);
    // A rejection needs its reason: said beside the field.
    await application.getByRole('button', { name: 'Avslå' }).click();
    await clerk.waitForLoadState();
    expect(await clerk.locator(`#reason-${rejectedId}-error`).textContent()).toBe(
      'Fyll i det här fältet.',
    );
    await clerk
      .locator(`#reason-${rejectedId}`)
      .fill('Utdraget ur föreningsregistret saknas. Skicka det till oss.');
    await clerk
      .locator(`article[data-id="${rejectedId}"]`)
      .getByRole('button', { name: 'Avslå' })
      .click();
    await clerk.waitForLoadState();
    expect(await clerk.getByRole('status').textContent()).toContain('Föreningen har avslagits');

    await me.goto('/sv/account');
    const item = me.locator(`li[data-association="${rejectedId}"]`);
    expect(await item.getAttribute('data-verification')).toBe('rejected');
    expect(await item.locator('blockquote').textContent()).toBe(
      'Utdraget ur föreningsregistret saknas. Skicka det till oss.',
    );
    // The manage page says it too, and saving the fixed profile sends it back to the queue.
    await item.getByRole('link', { name: 'Hantera föreningen' }).click();
    await me.waitForURL(`**/sv/associations/${rejectedId}/manage`);
    expect(await me.locator('blockquote').textContent()).toContain(
      'Utdraget ur föreningsregistret',
    );
    expect(await me.getByLabel('Namn (svenska)').inputValue()).toBe(`Borgå kulturklubb ${stamp}`);
    await me.getByLabel('FO-nummer (frivilligt)').fill('1492826-4');
    await me.getByRole('button', { name: 'Spara profilen' }).click();
    await me.waitForLoadState();
    expect(await me.getByRole('status').textContent()).toContain('Profilen har sparats.');
    expect(await me.locator('.verification-state').getAttribute('data-verification')).toBe(
      'pending',
    );
    await clerk.goto('/sv/staff/associations');
    expect(await clerk.locator(`article[data-id="${rejectedId}"]`).textContent()).toContain(
      '1492826-4',
    );
  });

  it('an administrator invites by e-mail; the invitee signs in through the link and joins', async () => {
    await me.goto(`/sv/associations/${verifiedId}/manage`);
    await me.getByLabel('Personens e-postadress').fill('resident@demo.example');
    await me.getByLabel('Inbjudans språk').selectOption('fi');
    await me.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await me.waitForLoadState();
    expect(await me.getByRole('status').textContent()).toContain('resident@demo.example');
    expect(await me.locator('.invitations').textContent()).toContain('resident@demo.example');

    const mail = await waitForMail('resident@demo.example', { link: '/invitations/' });
    const link = linkIn(mail, '/fi/invitations/');
    const invitee = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    const page = await invitee.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Kirjaudu sisään hyväksyäksesi' }).click();
    await page.waitForURL('**/fi/sign-in?next=*');
    await page.locator('#field-email').fill('resident@demo.example');
    await page.locator('#field-password').fill(DEMO);
    await passwordForm(page).locator('button[type=submit]').click();
    await page.waitForURL(`**${new URL(link).pathname}`);
    await page.getByRole('button', { name: 'Liity yhdistykseen' }).click();
    await page.waitForURL(`**/fi/account?joined=${verifiedId}`);
    expect(await page.getByRole('status').textContent()).toContain(
      `Borgå familjeförening ${stamp}`,
    );
    // The link is used up.
    await page.goto(link);
    await page.getByRole('button', { name: 'Liity yhdistykseen' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Kutsu on virheellinen');
    await invitee.close();

    // The administrator sees the new member and removes them; the last administrator stays.
    await me.goto(`/sv/associations/${verifiedId}/manage`);
    await me.getByLabel('Personens e-postadress').fill('resident@demo.example');
    await me.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await me.waitForLoadState();
    expect(await me.locator('#field-email-error').textContent()).toBe('Personen är redan medlem.');
    expect(await me.getByLabel('Personens e-postadress').inputValue()).toBe(
      'resident@demo.example',
    );
    await me.getByRole('button', { name: /^Ta bort .*Leila Haddad/ }).click();
    await me.waitForLoadState();
    expect(await me.getByRole('alert').textContent()).toContain(
      'Den sista administratören kan inte tas bort',
    );
    const members = me.locator('table.members');
    expect(await members.textContent()).toContain('resident@demo.example');
    await me.getByRole('button', { name: /^Ta bort (?!.*Leila)/ }).click();
    await me.waitForLoadState();
    expect(await me.getByRole('status').textContent()).toContain('Medlemmen har tagits bort.');
    expect(await me.locator('table.members').textContent()).not.toContain('resident@demo.example');
  });

  it("an association's public page lists its upcoming events, and only its own", async () => {
    const id = await organizerOfAnUpcomingEvent();
    const visitor = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    const page = await visitor.newPage();
    await page.goto(`/sv/associations/${id}`);
    const events = page.locator('section[aria-labelledby=upcoming-heading] li.card a');
    expect(await events.count()).toBeGreaterThan(0);
    for (const href of await events.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      const eventId = href!.split('/').pop();
      const event = await (await fetch(new URL(`/api/events/${eventId}`, baseUrl!))).json();
      expect(event.organizer.id).toBe(id);
    }
    // Its Subscribe control: the association's feed, named after it, with its events only.
    const https = (await page.locator('a.feed-https').getAttribute('href'))!;
    expect(https).toBe(new URL(`/feeds/associations/${id}.ics?lang=sv`, page.url()).href);
    expect(await page.locator('a.feed-webcal').getAttribute('href')).toBe(
      https.replace(/^https?:/, 'webcal:'),
    );
    const feed = readFeed(await (await fetch(https)).text());
    const name = await page.locator('h1').textContent();
    expect(feed.name).toBe(`${name?.trim()} – evenemang (Mötesplats)`);
    const listed = await (
      await fetch(new URL(`/api/occurrences?lang=sv&association=${id}&limit=100`, baseUrl!))
    ).json();
    const own = new Set(listed.items.map((o: { event: { id: string } }) => o.event.id));
    const fed = new Set(feed.entries.filter((e) => e.end > Date.now()).map((e) => e.eventId));
    expect(fed.size).toBeGreaterThan(0);
    expect([...fed].sort()).toEqual([...own].sort());
    await visitor.close();
  });

  describe('axe (WCAG 2.1 A/AA) on every association page kind', () => {
    let signedIn: BrowserContext;
    let staffIn: BrowserContext;
    let organizerId = '';
    beforeAll(async () => {
      organizerId = await organizerOfAnUpcomingEvent();
      signedIn = await browser.newContext({ baseURL: baseUrl! });
      await signIn(await signedIn.newPage(), APPLICANT, PASSWORD);
      staffIn = await browser.newContext({ baseURL: baseUrl! });
      await signIn(await staffIn.newPage(), 'staff.borga@demo.example', DEMO);
    });
    afterAll(async () => {
      await signedIn?.close();
      await staffIn?.close();
    });

    const kinds = {
      directory: { who: 'visitor', path: () => '/associations' },
      association: { who: 'visitor', path: () => `/associations/${organizerId}` },
      invitation: { who: 'visitor', path: () => '/invitations/not-a-real-token' },
      register: { who: 'member', path: () => '/associations/new' },
      manage: { who: 'member', path: () => `/associations/${verifiedId}/manage` },
      account: { who: 'member', path: () => '/account' },
      staff: { who: 'staff', path: () => '/staff/associations' },
    } as const;

    for (const lang of ['sv', 'ar']) {
      for (const [kind, { who, path }] of Object.entries(kinds)) {
        it(`${kind} page in ${lang} has no violations`, async () => {
          const context =
            who === 'member'
              ? signedIn
              : who === 'staff'
                ? staffIn
                : await browser.newContext({ baseURL: baseUrl! });
          const page = await context.newPage();
          try {
            const response = await page.goto(`/${lang}${path()}`);
            expect(response?.status()).toBe(200);
            if (lang === 'ar') expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
            await openDisclosures(page);
            const violations = await axe(page);
            expect(violations, report(violations)).toEqual([]);
          } finally {
            await page.close();
            if (who === 'visitor') await context.close();
          }
        });
      }
    }
  });
});
