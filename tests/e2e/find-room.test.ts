import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, heardTexts, launch, type AxeViolation } from './browser';

/**
 * Issue 7, "Finding a room", in the browser: the catalogue filtered by a weekly free slot
 * (a plain GET form, without JavaScript), then the venue's availability per space read by
 * keyboard. The demo data is seeded relative to today: Fabrikssalen's two halves are booked
 * every Tuesday 18:00–20:00 (Helsinki time, 30 minutes' buffer); nothing holds it on
 * Wednesday evenings. Every venue closes on 24–26 December, 1 and 6 January.
 */
const ZONE = 'Europe/Helsinki';
const HOLIDAYS = ['12-24', '12-25', '12-26', '01-01', '01-06'];
const isHoliday = (d: DateTime) => HOLIDAYS.includes(d.toFormat('MM-dd'));

/** Four weeks from a Monday at least a week ahead, with no holiday on a Tuesday or Wednesday. */
function period() {
  let monday = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 });
  for (;;) {
    const days = [0, 1, 2, 3].flatMap((w) => [1, 2].map((d) => monday.plus({ weeks: w, days: d })));
    if (!days.some(isHoliday)) break;
    monday = monday.plus({ weeks: 1 });
  }
  return {
    from: monday.toISODate()!,
    until: monday.plus({ days: 27 }).toISODate()!,
  };
}

const report = (violations: AxeViolation[]) =>
  violations
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`)
    .join('\n');

describe.skipIf(!baseUrl)('finding a room', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: Parameters<Browser['newContext']>[0] = {}) {
    const context = await browser.newContext({
      baseURL: baseUrl!,
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    return { context, page: await context.newPage() };
  }

  /** Fills the catalogue's filters for a weekly slot in Borgå and submits them. */
  async function searchWeekly(page: Page, weekday: string, p: { from: string; until: string }) {
    await page.getByLabel('Kommun').selectOption('borga');
    await page.getByLabel('Från klockan').fill('18:00');
    await page.getByLabel('Till klockan').fill('19:00');
    await page.getByLabel('Varje vecka under en period').check();
    await page.getByLabel('Veckodag').selectOption({ label: weekday });
    await page.getByLabel('Första datum').fill(p.from);
    await page.getByLabel('Sista datum').fill(p.until);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('weekday') !== null),
      page.locator('form[role="search"] button[type="submit"]').click(),
    ]);
  }
  const venueNames = async (page: Page) =>
    (await page.locator('main .venue-card h2').allTextContents()).map((t) => t.trim());

  it('filters the catalogue by a weekly free slot without JavaScript; the URL holds the filter', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    try {
      const p = period();
      await page.goto('/sv/venues');
      const all = await venueNames(page);
      expect(all).toContain('Fabrikssalen');

      await searchWeekly(page, 'tisdag', p);
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        municipality: 'borga',
        repeat: 'weekly',
        weekday: '2',
        from: p.from,
        until: p.until,
        start: '18:00',
        end: '19:00',
      });
      // The page says what it looked for, and keeps the form filled in.
      const first = DateTime.fromISO(p.from, { zone: ZONE }).plus({ days: 1 });
      await expect(page.locator('.free-at-summary').textContent()).resolves.toContain(
        `varje tisdag kl. 18.00–19.00 från ${first.day} ${first.setLocale('sv').toFormat('MMMM')}`,
      );
      expect(await page.getByLabel('Veckodag').inputValue()).toBe('2');
      expect(await page.getByLabel('Varje vecka under en period').isChecked()).toBe(true);
      const tuesdays = await venueNames(page);
      // Both halves are rehearsed in on Tuesdays: the hall is not free, Avantisalen is.
      expect(tuesdays).not.toContain('Fabrikssalen');
      expect(tuesdays).toContain('Avantisalen');
      // The studio is closed for renovation; it is never offered as free.
      expect(tuesdays).not.toContain('Verkstaden Studio');

      await searchWeekly(page, 'onsdag', p);
      const wednesdays = await venueNames(page);
      expect(wednesdays).toContain('Fabrikssalen');
      const hall = page.locator('main .venue-card', { hasText: 'Fabrikssalen' });
      await expect(hall.locator('.free-spaces').textContent()).resolves.toContain(
        'Ledigt: Hela salen, Norra halvan och Södra halvan',
      );
      // An impossible period comes back beside its field, in Swedish, with the values kept.
      await page.goto(
        `/sv/venues?municipality=borga&repeat=weekly&weekday=2&from=${p.from}&until=2099-12-31&start=18:00&end=19:00`,
      );
      await expect(page.locator('.form-error').textContent()).resolves.toContain(
        'Sökningen kunde inte göras',
      );
      await expect(page.locator('#filter-until-error').textContent()).resolves.toBe(
        'Perioden kan vara högst 26 veckor lång.',
      );
      expect(await page.locator('main .venue-card').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('reads the venue page’s availability per space by keyboard: next week, next month', async () => {
    const { context, page } = await open();
    try {
      const p = period();
      await page.goto(
        `/sv/venues?municipality=borga&repeat=weekly&weekday=3&from=${p.from}&until=${p.until}&start=18:00&end=19:00`,
      );
      const link = page.getByRole('link', { name: 'Fabrikssalen' });
      await link.focus();
      await Promise.all([
        page.waitForURL(/\/sv\/venues\/[0-9a-f-]{36}$/),
        page.keyboard.press('Enter'),
      ]);

      const week = page.locator('table.availability.week');
      const weekCaption = () => week.locator('caption').textContent();
      const before = await weekCaption();
      // Column headers: the day, the opening hours, then the whole hall and each half (their
      // names as a screen reader hears them: the drawn hour scale under each is hidden).
      const columns = await heardTexts(week.locator('thead th[scope="col"]'));
      expect(columns).toEqual(['Dag', 'Öppet', 'Hela salen', 'Norra halvan', 'Södra halvan']);
      expect(await week.locator('tbody th[scope="row"]').count()).toBe(7);

      // Tab to "Nästa vecka" and follow it with Enter.
      const next = page.getByRole('link', { name: 'Nästa vecka' });
      await tabTo(page, next);
      const monday = new URL((await next.getAttribute('href'))!, page.url()).searchParams.get(
        'week',
      )!;
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('week') === monday),
        page.keyboard.press('Enter'),
      ]);
      await page.waitForFunction(
        (old) => document.querySelector('table.availability.week caption')?.textContent !== old,
        before,
      );

      // That week's Tuesday: both halves and the whole hall booked 18.00–20.30 (buffer included),
      // as text; Wednesday evening free. Never who booked.
      const tuesday = DateTime.fromISO(monday, { zone: ZONE }).plus({ days: 1 });
      const row = week.locator(`tbody tr:has(time[datetime="${tuesday.toISODate()}"])`);
      const cells = await heardTexts(row.locator('td'));
      expect(cells[0]).toBe('8.00–22.00');
      for (const cell of cells.slice(1)) {
        expect(cell).toMatch(/^Bokat: (.*, )?18\.00–20\.30(, .*)? Ledigt: 8\.00–17\.30/);
      }
      const wednesday = week.locator(
        `tbody tr:has(time[datetime="${tuesday.plus({ days: 1 }).toISODate()}"]) td`,
      );
      const [north] = await heardTexts(wednesday.nth(2));
      expect(north).toMatch(/Ledigt: .*(\d+\.\d\d–22\.00)$/);
      expect(await page.locator('#availability').textContent()).not.toMatch(
        /förening|association|@|Sectional|Kansantanssi/i,
      );

      // The month table: Tab on to "Nästa månad"; the week stays where it was.
      const month = page.locator('table.availability.month');
      const monthBefore = await month.locator('caption').textContent();
      const nextMonth = page.getByRole('link', { name: 'Nästa månad' });
      await tabTo(page, nextMonth);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('month') !== null),
        page.keyboard.press('Enter'),
      ]);
      await page.waitForFunction(
        (old) => document.querySelector('table.availability.month caption')?.textContent !== old,
        monthBefore,
      );
      const url = new URL(page.url());
      expect(url.searchParams.get('week')).toBe(monday);
      const shown = DateTime.fromISO(`${url.searchParams.get('month')}-01`, { zone: ZONE });
      expect((await month.locator('caption').textContent())?.trim()).toBe(
        shown.setLocale('sv').toFormat('MMMM yyyy'),
      );
      expect(await month.locator('tbody th[scope="row"]').count()).toBe(shown.daysInMonth);

      // The rules in plain words, and the marked place where a booking request starts.
      const rules = await page.locator('#rules').textContent();
      expect(rules).toContain('Efter varje bokning hålls lokalen tom i 30 minuter');
      const request = page.getByRole('link', { name: 'Ansök om lokalen' });
      expect(await request.getAttribute('href')).toMatch(/^\/sv\/venues\/[0-9a-f-]{36}\/book$/);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['sv', 'ar']) {
    it(`the filtered catalogue and the venue page in ${lang} pass axe (WCAG 2.1 AA)`, async () => {
      const { context, page } = await open();
      try {
        const p = period();
        await page.goto(
          `/${lang}/venues?municipality=borga&repeat=weekly&weekday=3&from=${p.from}&until=${p.until}&start=18:00&end=19:00`,
        );
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(
          lang === 'ar' ? 'rtl' : 'ltr',
        );
        const list = await axe(page);
        expect(list, report(list)).toEqual([]);
        await page.locator('main .venue-card h2 a').first().click();
        await page.waitForURL(/\/venues\/[0-9a-f-]{36}$/);
        await page.locator('table.availability.month').waitFor();
        const venue = await axe(page);
        expect(venue, report(venue)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

/** Presses Tab until `target` has the focus (at most 150 times). */
async function tabTo(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Tab never reached the link');
}
