// Booking a city room in the browser. A member of MLL (a verified association in Borgå)
// opens Fabrikssalen's page, goes to its booking form and asks for a weekly series using
// only the keyboard; staff of Borgå, in their own browser, approve one date and reject
// another with a reason; the member sees both outcomes, the reason and how to get in, then
// withdraws and cancels the rest; staff book the freed evening for the city itself. Then,
// without JavaScript: rules broken on named dates, and a clash whose suggested free slot
// fills the form again. axe checks every new page in Swedish and in Arabic (right to left).
//
// The app runs on the real clock (tests/setup/global-server.ts) and the demo data holds
// bookings up to 12 weeks ahead (packages/db/src/seed/clock.ts): the dates asked for here
// lie 16–20 weeks ahead, inside Fabrikssalen's horizon (180 days) and its opening hours
// (every day 08–22), on weekdays the seed leaves free there (Wednesday, Thursday).
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch, type AxeViolation } from './browser';
import { waitForMail } from './mailbox';

const DEMO = 'motesplats-demo';
const ZONE = 'Europe/Helsinki';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The next given ISO weekday (1 = Monday) at least `weeks` weeks from today, in Helsinki. */
function dayAhead(weeks: number, weekday: number): DateTime {
  const from = DateTime.now().setZone(ZONE).startOf('day').plus({ weeks });
  return from.plus({ days: (weekday - from.weekday + 7) % 7 });
}
const iso = (d: DateTime) => d.toISODate()!;

/** A venue of Borgå by its Swedish name, from the public API. */
async function borgaVenue(name: string): Promise<string> {
  const response = await fetch(
    new URL('/api/venues?lang=sv&municipality=borga&limit=50', baseUrl!),
  );
  const { items } = (await response.json()) as { items: { id: string; name: { text: string } }[] };
  const venue = items.find((v) => v.name.text === name);
  if (!venue) throw new Error(`No venue ${name} in Borgå's demo data.`);
  return venue.id;
}

const report = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes.map((n) => `  at ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');

/** Presses Tab until the focused element matches `selector` (and fails if it never does). */
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    if (there) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Types a date into the focused date input, as Chromium's segments take it (mm/dd/yyyy). */
async function typeDate(page: Page, date: DateTime, selector: string): Promise<void> {
  await page.keyboard.type(date.toFormat('MMddyyyy'));
  expect(await page.locator(selector).inputValue()).toBe(iso(date));
}

/** Types 'HH:mm' into the focused time input, whose segments are hh, mm and AM/PM. */
async function typeTime(page: Page, time: string, selector: string): Promise<void> {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const hh = String(h % 12 || 12).padStart(2, '0');
  await page.keyboard.type(`${hh}${String(m).padStart(2, '0')}${h < 12 ? 'A' : 'P'}`);
  expect(await page.locator(selector).inputValue()).toBe(time);
}

const signIn = async (page: Page, email: string, next: string) => {
  await page.goto(`/sv/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(DEMO);
  await page
    .locator('form', { has: page.locator('#field-password') })
    .locator('button[type=submit]')
    .click();
  await page.waitForURL(`**${next}`);
};

describe.skipIf(!baseUrl)('booking a room: request, decisions, clashes', () => {
  let browser: Browser;
  let member: BrowserContext;
  let staff: BrowserContext;
  let me: Page;
  let clerk: Page;
  let venueId = '';
  let requestId = '';

  // The series: four Wednesdays 18:00–20:00, the third skipped.
  const first = dayAhead(16, 3);
  const dates = [0, 1, 2, 3].map((w) => first.plus({ weeks: w }));
  const [approveDate, rejectDate, skipDate, waitDate] = dates.map(iso) as [
    string,
    string,
    string,
    string,
  ];
  const REASON = 'Salen används för stadens valförrättning den dagen.';

  const noViolations = async (page: Page, where: string) => {
    const violations = await axe(page);
    expect(violations, `${where}:\n${report(violations)}`).toEqual([]);
  };

  beforeAll(async () => {
    browser = await launch();
    venueId = await borgaVenue('Fabrikssalen');
    member = await browser.newContext({ baseURL: baseUrl!, locale: 'en-US' });
    staff = await browser.newContext({ baseURL: baseUrl!, locale: 'en-US' });
    me = await member.newPage();
    clerk = await staff.newPage();
  });
  afterAll(async () => {
    await member?.close();
    await staff?.close();
    await browser?.close();
  });

  it('sends a signed-out visitor to sign in, and back to the booking form', async () => {
    await me.goto(`/sv/venues/${venueId}/book`);
    expect(new URL(me.url()).pathname).toBe('/sv/sign-in');
    const next = new URL(me.url()).searchParams.get('next');
    expect(next).toBe(`/sv/venues/${venueId}/book`);
    await signIn(me, 'mll@demo.example', next!);
    expect(await me.locator('h1').textContent()).toBe('Bokningsansökan: Fabrikssalen');
  });

  it('the member asks for a weekly series by keyboard alone and sees it pending', async () => {
    await me.goto(`/sv/venues/${venueId}`, { waitUntil: 'networkidle' });
    // The venue page links its booking form; the member follows it by keyboard.
    await tabTo(me, `a[href="/sv/venues/${venueId}/book"]`);
    await me.keyboard.press('Enter');
    await me.waitForURL(`**/sv/venues/${venueId}/book`);
    await me.waitForLoadState('networkidle');
    await noViolations(me, 'booking form (sv)');
    // One verified association: it is named (in the page's language), not asked for.
    expect(await me.locator('form#booking-form').textContent()).toContain(
      'Du ansöker för Mannerheims Barnskyddsförbund, Borgå förening.',
    );

    // The whole hall is chosen already; Tab passes its radio group once.
    await tabTo(me, '#field-date');
    await typeDate(me, dates[0]!, '#field-date');
    await tabTo(me, '#field-start');
    await typeTime(me, '18:00', '#field-start');
    await tabTo(me, '#field-end');
    await typeTime(me, '20:00', '#field-end');
    await tabTo(me, '#field-repeat');
    await me.keyboard.press('Space');
    await tabTo(me, '#field-until');
    await typeDate(me, dates[3]!, '#field-until');
    // The dates of the series, to skip one: a round trip that sends nothing.
    await tabTo(me, 'button[formaction="?/refill"]');
    await me.keyboard.press('Enter');
    await me.locator('input[name="except"]').nth(3).waitFor();
    // Focus is on the dates to skip, not back at the page's start.
    expect(await me.evaluate(() => document.activeElement?.id)).toBe('field-except');
    expect(
      await me
        .locator('input[name="except"]')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
    ).toEqual(dates.map(iso));
    // What was typed is still there.
    expect(await me.locator('#field-start').inputValue()).toBe('18:00');
    expect(await me.locator('#field-repeat').isChecked()).toBe(true);
    await tabTo(me, `input[name="except"][value="${skipDate}"]`);
    await me.keyboard.press('Space');
    await tabTo(me, '#field-purpose');
    await me.keyboard.type('Familjecafé med lek och språkstöd');
    await tabTo(me, '#field-attendance');
    await me.keyboard.type('30');
    await tabTo(me, '#field-publicEvent');
    await me.keyboard.press('Space');
    await tabTo(me, '#field-terms');
    await me.keyboard.press('Space');
    await tabTo(me, 'form#booking-form .actions > button[type="submit"]:not([formaction])');
    await me.keyboard.press('Enter');

    await me.waitForURL(new RegExp(`/sv/bookings/(${UUID})\\?created=1$`));
    requestId = new URL(me.url()).pathname.split('/').pop()!;
    expect(await me.getByRole('status').first().textContent()).toContain('Ansökan är skickad.');
    const rows = me.locator('table.booking-dates tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-date')))).toEqual([
      approveDate,
      rejectDate,
      waitDate,
    ]);
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))),
    ).toEqual(['pending', 'pending', 'pending']);
    expect(await rows.first().textContent()).toContain('Väntar på beslut');
    expect(await rows.first().textContent()).toMatch(/18[.:]00–20[.:]00/);
    expect(await me.locator('main').textContent()).toContain('Utom');
    expect(await me.locator('.history').textContent()).toContain('Ansökan skickades');
    // No way in is shown before a date is approved.
    expect(await me.locator('#access-heading').count()).toBe(0);
    await noViolations(me, 'request page (sv)');

    await me.goto('/sv/account');
    await me.getByRole('link', { name: 'Mina bokningsansökningar' }).click();
    await me.waitForURL('**/sv/bookings');
    const row = me.locator(`table.bookings tr[data-id="${requestId}"]`);
    expect(await row.textContent()).toContain('Fabrikssalen');
    expect(await row.textContent()).toContain('Väntar på beslut');
    await noViolations(me, 'booking requests (sv)');
  });

  it('staff approve one date and reject another, a reason required, in the queue', async () => {
    await signIn(clerk, 'staff.borga@demo.example', '/sv/account');
    await clerk.getByRole('link', { name: 'Bokningsansökningar som väntar på beslut' }).click();
    await clerk.waitForURL('**/sv/staff/bookings');
    await clerk.waitForLoadState('networkidle');
    await noViolations(clerk, 'staff queue (sv)');
    const item = () => clerk.locator(`article[data-id="${requestId}"]`);
    expect(await item().locator('h3').textContent()).toContain('Mannerheims Barnskyddsförbund');
    expect(await item().locator('.rules').textContent()).toContain('Högst 180 dagar framåt');
    const created = await clerk
      .locator('article.queue-item')
      .evaluateAll((items) => items.map((a) => a.getAttribute('data-id')));
    // Oldest first: the seed's own requests come before this one.
    expect(created.indexOf(requestId)).toBe(created.length - 1);

    await item().locator(`input[name="dates"][value="${approveDate}"]`).check();
    await item().getByRole('button', { name: 'Godkänn valda datum' }).click();
    await clerk.getByRole('status').filter({ hasText: 'Beslutet är sparat' }).waitFor();
    expect(await item().locator(`tr[data-date="${approveDate}"]`).getAttribute('data-status')).toBe(
      'approved',
    );

    // A rejection without a reason is refused beside the reason field.
    await item().locator(`input[name="dates"][value="${rejectDate}"]`).check();
    await item().getByRole('button', { name: 'Avslå valda datum' }).click();
    const reason = item().locator(`#reason-${requestId}`);
    await item().locator(`#reason-${requestId}-error`).waitFor();
    expect(await item().locator(`#reason-${requestId}-error`).textContent()).toBe(
      'Fyll i det här fältet.',
    );
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    // The chosen date stays chosen.
    expect(await item().locator(`input[name="dates"][value="${rejectDate}"]`).isChecked()).toBe(
      true,
    );
    await reason.fill(REASON);
    await item().getByRole('button', { name: 'Avslå valda datum' }).click();
    await clerk.getByRole('status').filter({ hasText: 'avslagna' }).waitFor();
    expect(await item().locator(`tr[data-date="${rejectDate}"]`).getAttribute('data-status')).toBe(
      'rejected',
    );
    expect(await item().locator(`tr[data-date="${rejectDate}"]`).textContent()).toContain(REASON);
    await noViolations(clerk, 'staff queue after decisions (sv)');
  });

  it('the member sees both outcomes, the reason and how to get in; the mail links here', async () => {
    await me.goto(`/sv/bookings/${requestId}`);
    const row = (date: string) => me.locator(`table.booking-dates tr[data-date="${date}"]`);
    expect(await row(approveDate).getAttribute('data-status')).toBe('approved');
    expect(await row(approveDate).textContent()).toContain('Godkänd');
    expect(await row(rejectDate).getAttribute('data-status')).toBe('rejected');
    expect(await row(rejectDate).textContent()).toContain('Avslagen');
    expect(await row(rejectDate).textContent()).toContain(REASON);
    expect(await row(waitDate).getAttribute('data-status')).toBe('pending');
    expect(await me.locator('#access-heading').textContent()).toBe('Så kommer ni in');
    const history = await me
      .locator('.history li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
    expect(history).toEqual(['request', 'approve', 'reject']);
    expect(await me.locator('.history').textContent()).toContain(REASON);
    // The approved date can be cancelled until its deadline, shown on its row.
    expect(await row(approveDate).locator('input[name="dates"]').count()).toBe(1);
    expect(await row(approveDate).locator('td').last().textContent()).toMatch(/\d{4}/);

    // Two mails, approval and rejection, each linking this page (in MLL's own language).
    const mails = [
      await waitForMail('mll@demo.example', { link: `/bookings/${requestId}` }),
      await waitForMail('mll@demo.example', { link: `/bookings/${requestId}` }),
    ];
    expect(mails.filter((m) => m.text.includes(REASON))).toHaveLength(1);
    const mailed = mails[0]!.links.find((l) => l.includes(`/bookings/${requestId}`))!;
    await me.goto(new URL(mailed).pathname);
    expect(await row(rejectDate).getAttribute('data-status')).toBe('rejected');

    await me.goto(`/ar/bookings/${requestId}`);
    expect(await me.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await row(rejectDate).textContent()).toContain('مرفوض');
    await noViolations(me, 'request page (ar)');
    await me.goto('/ar/bookings');
    await noViolations(me, 'booking requests (ar)');
    await me.goto(`/ar/venues/${venueId}/book`, { waitUntil: 'networkidle' });
    expect(await me.locator('html').getAttribute('dir')).toBe('rtl');
    await noViolations(me, 'booking form (ar)');
    await clerk.goto('/ar/staff/bookings', { waitUntil: 'networkidle' });
    await noViolations(clerk, 'staff queue (ar)');
  });

  it('the member withdraws the date still waiting', async () => {
    await me.goto(`/sv/bookings/${requestId}`, { waitUntil: 'networkidle' });
    await me.locator(`tr[data-date="${waitDate}"] input[name="dates"]`).check();
    await me.getByRole('button', { name: 'Återkalla valda datum' }).click();
    await me.getByRole('status').filter({ hasText: 'återkallade' }).waitFor();
    expect(await me.locator(`tr[data-date="${waitDate}"]`).getAttribute('data-status')).toBe(
      'withdrawn',
    );
    expect(await me.locator(`tr[data-date="${approveDate}"]`).getAttribute('data-status')).toBe(
      'approved',
    );
  });

  it('the member cancels the approved date before its deadline; the room is freed', async () => {
    await me.getByRole('button', { name: 'Avboka alla godkända datum (1)' }).click();
    await me.getByRole('status').filter({ hasText: 'avbokade' }).waitFor();
    expect(await me.locator(`tr[data-date="${approveDate}"]`).getAttribute('data-status')).toBe(
      'cancelled',
    );
    // Nothing approved any more: no way in is shown, nothing is left to withdraw or cancel.
    expect(await me.locator('#access-heading').count()).toBe(0);
    expect(await me.locator('input[name="dates"]').count()).toBe(0);
    expect(
      await me.locator('.history li').evaluateAll((lis) => lis.map((li) => li.dataset.action)),
    ).toEqual(['request', 'approve', 'reject', 'withdraw', 'cancel']);
  });

  it('staff with no association of their own are told why, and offered the city’s own use', async () => {
    await clerk.goto(`/sv/venues/${venueId}/book`);
    expect(await clerk.locator('#cannot-book-heading').textContent()).toBe(
      'Du kan inte ansöka om lokaler ännu',
    );
    expect(await clerk.locator('form#booking-form').count()).toBe(0);
    await clerk.getByRole('link', { name: 'Boka för stadens eget bruk' }).click();
    await clerk.waitForURL(`**/sv/venues/${venueId}/book?use=city`);
    expect(await clerk.locator('.note').textContent()).toContain('godkänns direkt');
    expect(await clerk.locator('#field-terms').count()).toBe(0);
    await noViolations(clerk, 'city-use booking form (sv)');

    // Booked at once, on the date the member cancelled: it is free again.
    await clerk.locator('#field-date').fill(approveDate);
    await clerk.locator('#field-start').fill('17:00');
    await clerk.locator('#field-end').fill('21:00');
    await clerk.locator('#field-purpose').fill('Stadens invånarmöte om integrationsprogrammet');
    await clerk.locator('#field-attendance').fill('120');
    await clerk.getByRole('button', { name: 'Boka för stadens bruk' }).click();
    await clerk.waitForURL(new RegExp(`/sv/bookings/${UUID}\\?created=1$`));
    expect(await clerk.getByRole('status').first().textContent()).toContain('gjord och godkänd');
    expect(await clerk.locator('table.booking-dates tbody tr').getAttribute('data-status')).toBe(
      'approved',
    );
    expect(await clerk.locator('.history').textContent()).toContain('Bokad för stadens eget bruk');
  });
});

describe.skipIf(!baseUrl)('booking without JavaScript: broken rules and clashes', () => {
  let browser: Browser;
  let context: BrowserContext;
  let scripted: BrowserContext | undefined;
  let page: Page;
  let venueId = '';
  const day = dayAhead(17, 4); // a Thursday
  const week = day.plus({ weeks: 1 });

  beforeAll(async () => {
    browser = await launch();
    venueId = await borgaVenue('Fabrikssalen');
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    page = await context.newPage();
    await signIn(page, 'mll@demo.example', `/sv/venues/${venueId}/book`);
  });
  afterAll(async () => {
    await scripted?.close();
    await context?.close();
    await browser?.close();
  });

  /** axe needs JavaScript: the page as the form post left it, in a scripted window. */
  const noViolations = async (where: string) => {
    scripted ??= await browser.newContext({
      baseURL: baseUrl!,
      storageState: await context.storageState(),
    });
    const p = await scripted.newPage();
    await p.goto(new URL(page.url()).pathname);
    await p.setContent(await page.content());
    const violations = await axe(p);
    await p.close();
    expect(violations, `${where}:\n${report(violations)}`).toEqual([]);
  };

  const fill = async (v: { date: string; start: string; end: string; until?: string }) => {
    await page.locator('#field-date').fill(v.date);
    await page.locator('#field-start').fill(v.start);
    await page.locator('#field-end').fill(v.end);
    if (v.until) {
      await page.locator('#field-repeat').check();
      await page.locator('#field-until').fill(v.until);
    }
  };
  const send = async () => {
    await page.locator('form#booking-form .actions > button[type="submit"]').last().click();
    await page.waitForLoadState();
  };

  it('names what is missing beside each field and keeps what was typed', async () => {
    await page.goto(`/sv/venues/${venueId}/book`);
    await fill({ date: iso(day), start: '21:00', end: '23:00' });
    await page.locator('#field-attendance').fill('12');
    await send();
    expect(await page.locator('#field-purpose-error').textContent()).toBe('Fyll i det här fältet.');
    expect(await page.locator('#field-terms-error').textContent()).toBe(
      'Godkänn användningsvillkoren för att skicka ansökan.',
    );
    const summary = page.locator('.error-summary a');
    expect(await summary.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#field-purpose',
      '#field-terms',
    ]);
    expect(await summary.first().textContent()).toBe(
      'Vad lokalen används till: Fyll i det här fältet.',
    );
    expect(await page.locator('#field-date').inputValue()).toBe(iso(day));
    expect(await page.locator('#field-start').inputValue()).toBe('21:00');
    expect(await page.locator('#field-attendance').inputValue()).toBe('12');
    await noViolations('booking form with missing fields (sv)');
  });

  it('a series outside the opening hours is refused once, beside the start time, naming its dates', async () => {
    await fill({ date: iso(day), start: '21:00', end: '23:00', until: iso(week) });
    await page.locator('#field-purpose').fill('Kvällskurs i svenska');
    await page.locator('#field-terms').check();
    await send();
    const error = await page.locator('#field-start-error').textContent();
    const named = (d: DateTime) =>
      new Intl.DateTimeFormat('sv-FI', {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${iso(d)}T12:00:00Z`));
    expect(error).toBe(
      `${named(day)} och ${named(week)}: Lokalen är inte öppen under hela tiden. Se öppettiderna.`,
    );
    expect(await page.locator('#field-start').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-purpose').inputValue()).toBe('Kvällskurs i svenska');
    expect(await page.locator('#field-terms').isChecked()).toBe(true);
    expect(await page.locator('#field-until').inputValue()).toBe(iso(week));
    await noViolations('booking form with a broken rule (sv)');
  });

  it('a clash shows the taken time and free slots; one fills the form again, and books', async () => {
    // First the whole hall 10:00–12:00 that Thursday: it holds the room while pending.
    await page.goto(`/sv/venues/${venueId}/book`);
    await fill({ date: iso(day), start: '10:00', end: '12:00' });
    await page.locator('#field-purpose').fill('Styrelsemöte');
    await page.locator('#field-attendance').fill('8');
    await page.locator('#field-terms').check();
    await send();
    expect(page.url()).toMatch(new RegExp(`/sv/bookings/${UUID}\\?created=1$`));

    // The same time again, on the north half: the whole hall holds both halves.
    await page.goto(`/sv/venues/${venueId}/book`);
    await page.getByLabel('Norra halvan').check();
    await fill({ date: iso(day), start: '10:30', end: '12:30' });
    await page.locator('#field-purpose').fill('Språkcafé för föräldrar');
    await page.locator('#field-attendance').fill('15');
    await page.locator('#field-terms').check();
    await send();
    const report = page.locator('#clash-report');
    expect(await report.locator('h2').textContent()).toBe('Tiden är redan bokad');
    expect(await report.locator('.clash-list > li').getAttribute('data-date')).toBe(iso(day));
    // Held 10:00–12:00 with the hall's 30-minute break after it (never whose it is).
    expect(await report.textContent()).toMatch(/upptaget 10[.:]00–12[.:]30/);
    // Up to three free slots of the same length within a week, earliest first; on that
    // Thursday the nearest is right after the held time and its 30-minute buffer.
    const slots = (await report
      .locator('button[name="slot"]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('value')!))) as string[];
    const local = (instant: string) =>
      DateTime.fromISO(instant, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
    const sameDay = slots.find((v) => local(v.split('|')[0]!).startsWith(iso(day)));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.length).toBeLessThanOrEqual(3);
    expect(sameDay && sameDay.split('|').map(local)).toEqual([
      `${iso(day)} 12:30`,
      `${iso(day)} 14:30`,
    ]);
    expect(await page.locator('.error-summary').textContent()).toContain('Tiden är redan bokad');
    await noViolations('booking form with a clash (sv)');

    await report.locator(`button[name="slot"][value="${sameDay}"]`).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('den lediga tiden');
    expect(await page.locator('#field-date').inputValue()).toBe(iso(day));
    expect(await page.locator('#field-start').inputValue()).toBe('12:30');
    expect(await page.locator('#field-end').inputValue()).toBe('14:30');
    // Nothing else that was typed is lost.
    expect(await page.locator('#field-purpose').inputValue()).toBe('Språkcafé för föräldrar');
    expect(await page.locator('#field-attendance').inputValue()).toBe('15');
    expect(await page.getByLabel('Norra halvan').isChecked()).toBe(true);
    expect(await page.locator('#field-terms').isChecked()).toBe(true);
    await send();
    expect(page.url()).toMatch(new RegExp(`/sv/bookings/${UUID}\\?created=1$`));
    expect(await page.locator('table.booking-dates tbody tr').textContent()).toMatch(
      /12[.:]30–14[.:]30/,
    );
  });

  it('a series that clashes on one date offers to book only its free dates', async () => {
    // Thursdays 10:00–12:00 for three weeks: the first is held (above).
    await page.goto(`/sv/venues/${venueId}/book`);
    await fill({
      date: iso(day),
      start: '10:00',
      end: '12:00',
      until: iso(day.plus({ weeks: 2 })),
    });
    await page.locator('#field-purpose').fill('Läxhjälp');
    await page.locator('#field-attendance').fill('10');
    await page.locator('#field-terms').check();
    await send();
    const report = page.locator('#clash-report');
    expect(await report.locator('h2').textContent()).toBe('Några datum är redan bokade');
    expect(
      await report
        .locator('.clash-list > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date'))),
    ).toEqual([iso(day)]);
    expect(await report.locator('.free-dates li').count()).toBe(2);
    await report.getByRole('button', { name: 'Ansök bara om de lediga datumen (2)' }).click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(new RegExp(`/sv/bookings/${UUID}\\?created=1$`));
    expect(
      await page
        .locator('table.booking-dates tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-date'))),
    ).toEqual([iso(day.plus({ weeks: 1 })), iso(day.plus({ weeks: 2 }))]);
  });
});
