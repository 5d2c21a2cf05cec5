import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch } from './browser';

const DEMO = 'motesplats-demo';
const STAFF = 'staff.borga@demo.example';
// The demo data lies around the server's today (weeks before it, months after).
const YEAR = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Helsinki' }).format(
  new Date(),
);
const NEXT = String(Number(YEAR) + 1);

interface Figure {
  value: number | null;
  previous: number | null;
}
interface Indicators {
  period: { from: string; to: string };
  summary: Record<string, Figure>;
  months: { month: string; bookings: number; previous: { bookings: number } | null }[];
  venues: { id: string; bookings: Figure }[];
  categories: unknown[];
  languages: unknown[];
}

const clean = (s: string | null) => (s ?? '').replace(/\s/gu, ' ').trim();
/** A count as the page writes it, its thousands space (U+00A0) read as a space, as `clean` does. */
const count = (n: number | null) =>
  n === null ? '–ingen uppgift' : clean(new Intl.NumberFormat('sv-FI').format(n));

describe.skipIf(!baseUrl)('the staff reports page', () => {
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

  const signIn = async (email: string, javaScript = false) => {
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: javaScript });
    page = await context.newPage();
    const res = await context.request.post('/api/session', {
      data: { email, password: DEMO },
      headers: { origin: baseUrl! },
    });
    expect(res.status()).toBe(200);
  };

  /** What the API says for the same period, with the same session. */
  const indicators = async (year: string): Promise<Indicators> => {
    const res = await context.request.get(
      `/api/reports/indicators?municipality=borga&year=${year}&lang=sv`,
    );
    expect(res.status()).toBe(200);
    return (await res.json()) as Indicators;
  };

  /** The summary row of a figure: [this period, previous period]. */
  const summaryRow = async (figure: string) =>
    (
      await page
        .locator(`table[data-table="summary"] tr[data-figure="${figure}"] td`)
        .allTextContents()
    )
      .slice(0, 2)
      .map(clean);

  const expectSummaryLike = async (report: Indicators) => {
    let changes = 0;
    for (const figure of [
      'venuesAvailable',
      'bookings',
      'events',
      'participants',
      'activeAssociations',
    ]) {
      const { value, previous } = report.summary[figure]!;
      expect(await summaryRow(figure), figure).toEqual([count(value), count(previous)]);
      // The change: the difference, a space, then the relative change in brackets.
      const change = clean(
        (await page
          .locator(`table[data-table="summary"] tr[data-figure="${figure}"] td.change`)
          .textContent())!,
      );
      if (value !== null && previous !== null && previous > 0 && value !== previous) {
        expect(change, figure).toMatch(/^[+−]\d[\d\s]* \([+−]\d[\d\s]*\s%\)$/u);
        changes++;
      }
    }
    return changes;
    expect(await page.locator('table[data-table="months"] tbody tr').count()).toBe(
      report.months.length,
    );
    expect(await page.locator('table[data-table="venues"] tbody tr').count()).toBe(
      report.venues.length,
    );
    for (const v of report.venues) {
      const cells = await page
        .locator(`table[data-table="venues"] tr[data-venue="${v.id}"] td`)
        .allTextContents();
      expect(clean(cells[0]!)).toBe(count(v.bookings.value));
    }
  };

  it('staff open the report from their account page and see the API’s figures', async () => {
    await signIn(STAFF);
    await page.goto('/sv/account');
    await page.getByRole('link', { name: 'Rapporter' }).first().click();
    await page.waitForURL('**/sv/staff/reports');
    expect(await page.locator('h1').textContent()).toBe('Rapporter');
    // With no period asked for, the page shows this year.
    expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe(YEAR);
    const report = await indicators(YEAR);
    expect(report.summary.bookings!.value).toBeGreaterThan(0);
    expect(await expectSummaryLike(report), 'figures that changed from last year').toBeGreaterThan(
      0,
    );
    expect(clean(await page.locator('.report-scope').textContent())).toBe(
      `Borgå: ${YEAR} jämfört med ${Number(YEAR) - 1}`,
    );

    // Three charts, each an image with a name, each drawn with bars (one per month and period).
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBe(3);
    expect(await charts.nth(0).getAttribute('aria-label')).toContain('bokningar per månad');
    const withBookings = report.months.filter((mo) => mo.bookings > 0).length;
    const bars = await charts
      .nth(0)
      .locator('rect[fill="#1d4f91"]')
      .evaluateAll((rects) => rects.filter((r) => Number(r.getAttribute('height')) > 0).length);
    expect(bars).toBe(withBookings);
    for (const table of ['summary', 'months', 'venues', 'utilisation', 'categories', 'languages']) {
      expect(await page.locator(`table[data-table="${table}"] caption`).count(), table).toBe(1);
    }
  });

  it('changes the year through the form without JavaScript, and says what is wrong with a bad one', async () => {
    await signIn(STAFF);
    await page.goto(`/sv/staff/reports?year=${YEAR}`);
    await page.getByLabel('År', { exact: true }).fill(NEXT);
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    await page.waitForURL((u) => u.searchParams.get('year') === NEXT);
    await expectSummaryLike(await indicators(NEXT));
    expect(clean(await page.locator('.report-scope').textContent())).toBe(
      `Borgå: ${NEXT} jämfört med ${YEAR}`,
    );

    await page.getByLabel('År', { exact: true }).fill('20x6');
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    await page.waitForURL((u) => u.searchParams.get('year') === '20x6');
    const year = page.getByLabel('År', { exact: true });
    expect(await year.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-year-error').textContent()).toBe(
      'Skriv året med fyra siffror, till exempel 2026.',
    );
    expect(await year.getAttribute('aria-describedby')).toContain('report-year-error');
    expect(await page.locator('table[data-table="summary"]').count()).toBe(0);

    // A date range the wrong way round: the reason stands beside "Till och med".
    await page.goto('/sv/staff/reports?period=range&from=2026-05-01&to=2026-01-31');
    expect(await page.locator('#report-to-error').textContent()).toBe(
      'Slutdatumet ligger före startdatumet.',
    );
    const to = page.getByLabel('Till och med', { exact: true });
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect((await to.getAttribute('aria-describedby'))?.split(' ')).toEqual([
      'report-to-error',
      'report-range-hint',
    ]);
    expect(await to.inputValue()).toBe('2026-01-31');
  });

  it('downloads each table as CSV, plain and for Excel', async () => {
    await signIn(STAFF);
    await page.goto(`/sv/staff/reports?year=${YEAR}`);
    const links = page.locator('.downloads a');
    expect(await links.count()).toBe(12);
    const plain = await page
      .getByRole('link', { name: 'Ladda ner som CSV: Per månad' })
      .getAttribute('href');
    expect(plain).toBe(
      `/api/reports/indicators.csv?municipality=borga&year=${YEAR}&lang=sv&table=months&excel=0`,
    );
    const res = await context.request.get(plain!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]!.startsWith('month,bookings,bookings_previous,')).toBe(true);
    expect(lines.filter((l) => /^\d{4}-\d{2},/.test(l))).toHaveLength(12);

    const excel = await page
      .getByRole('link', { name: 'CSV för Excel: Lokaler' })
      .getAttribute('href');
    const xres = await context.request.get(excel!);
    expect(xres.status()).toBe(200);
    expect(xres.headers()['content-type']).toMatch(/^text\/csv/);
    const body = await xres.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.subarray(3).toString('utf8').startsWith('venue;municipality;')).toBe(true);
  });

  it('administrators report on the whole installation, a region or any municipality', async () => {
    await signIn('admin@demo.example');
    await page.goto(`/en/staff/reports?year=${YEAR}`);
    expect(clean(await page.locator('.report-scope').textContent())).toMatch(
      new RegExp(`^All municipalities: ${YEAR} compared with`),
    );
    const all = await context.request.get(`/api/reports/indicators?year=${YEAR}&lang=en`);
    const installation = (await all.json()) as Indicators;
    expect(await summaryRow('bookings')).toEqual([
      new Intl.NumberFormat('en-GB').format(installation.summary.bookings!.value!),
      new Intl.NumberFormat('en-GB').format(installation.summary.bookings!.previous!),
    ]);

    const region = page.getByLabel('Region');
    const regions = (await region.locator('option').allTextContents()).slice(1);
    expect(regions.length).toBeGreaterThan(0);
    await region.selectOption(regions[0]!);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.waitForURL((u) => u.searchParams.get('region') === regions[0]);
    expect(clean(await page.locator('.report-scope').textContent())).toContain(regions[0]!);

    await page.getByLabel('Municipality').selectOption('vasa');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.waitForURL((u) => u.searchParams.get('municipality') === 'vasa');
    expect(clean(await page.locator('.report-scope').textContent())).toMatch(/^Vaasa|^Vasa/);
  });

  it('sends someone who is not signed in to the sign-in page', async () => {
    context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`/sv/staff/reports?year=${YEAR}`);
    expect(new URL(page.url()).pathname).toBe('/sv/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/sv/staff/reports?year=${YEAR}`);
    expect((await context.request.get(`/api/reports/indicators?year=${YEAR}`)).status()).toBe(401);
  });

  it('refuses a member who is not staff', async () => {
    await signIn('map@demo.example');
    const response = await page.goto('/fi/staff/reports');
    expect(response?.status()).toBe(403);
    expect(await page.locator('table').count()).toBe(0);
  });

  it('prints as a report: no menu, no form, no links to download, the charts kept', async () => {
    await signIn(STAFF);
    await page.goto(`/sv/staff/reports?year=${YEAR}`);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.lang-switch', '.report-filters', '.downloads'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator('svg.chart').first().isVisible()).toBe(true);
    expect(await page.locator('table[data-table="months"]').isVisible()).toBe(true);
    expect(
      await page
        .locator('table[data-table="months"] tbody tr')
        .first()
        .evaluate((tr) => getComputedStyle(tr).breakInside),
    ).toBe('avoid');
    expect((await page.pdf({ format: 'A4' })).subarray(0, 4).toString()).toBe('%PDF');
  });

  /**
   * Paper does not scroll: the tables (printed) that do not fit the A4 page's width, 186 mm
   * between its margins (~703 CSS px), and so would be cut off at their right edge.
   */
  async function tablesCutOffOnA4(): Promise<string[]> {
    await page.setViewportSize({ width: 703, height: 1000 });
    const cut = await page
      .locator('table[data-table]')
      .evaluateAll((tables) =>
        tables
          .filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((t) => `${t.getAttribute('data-table')}: ${Math.round(t.scrollWidth)} px`),
      );
    await page.setViewportSize({ width: 1280, height: 720 });
    return cut;
  }

  it('gives the council the same report as a document on A4, in Swedish and in Finnish', async () => {
    await signIn(STAFF, true);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    // An English reader is offered the council's languages, each named in itself.
    await page.goto(`/en/staff/reports?municipality=borga&year=${YEAR}`);
    expect(
      await page.locator('.council-links a').evaluateAll((links) =>
        links.map((a) => {
          const href = new URL((a as HTMLAnchorElement).href);
          return [a.getAttribute('lang'), a.textContent?.trim(), href.pathname + href.search];
        }),
      ),
    ).toEqual([
      [
        'sv',
        'Årsrapport till nämnden, på svenska',
        `/sv/staff/reports/council?municipality=borga&year=${YEAR}`,
      ],
      [
        'fi',
        'Vuosiraportti lautakunnalle, suomeksi',
        `/fi/staff/reports/council?municipality=borga&year=${YEAR}`,
      ],
      // And in the reader's own language, to read before the meeting.
      [
        'en',
        'Yearly report for the council, in English',
        `/en/staff/reports/council?municipality=borga&year=${YEAR}`,
      ],
    ]);
    const report = await indicators(YEAR);

    await page.locator('.council-links a[lang="sv"]').click();
    await page.waitForURL(/\/sv\/staff\/reports\/council/);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(clean(await page.locator('h1').textContent())).toBe(
      `Årsrapport ${YEAR}: mötesplatser, evenemang och lokaler`,
    );
    expect(clean(await page.locator('.council-scope').textContent())).toBe('Borgå');
    // The staff page's figures, charts and tables; no form, no downloads.
    await expectSummaryLike(report);
    for (const table of ['summary', 'months', 'venues', 'utilisation', 'categories', 'languages'])
      expect(await page.locator(`table[data-table="${table}"]`).count(), table).toBe(1);
    expect(await page.locator('svg.chart[role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.report-filters, .downloads, a[download]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // On paper: A4 pages, the menu and the screen's hints left out, numbered pages.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.council-cover .screen-only'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    for (const shown of ['h1', '.council-scope', '.council-made', 'svg.chart'])
      expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
    expect(await tablesCutOffOnA4()).toEqual([]);
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
      'latin1',
    );
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const [, width, height] of boxes) {
      // A4 is 210 × 297 mm: 595.3 × 841.9 points.
      expect(Math.abs(Number(width) - 595.3)).toBeLessThan(2);
      expect(Math.abs(Number(height) - 841.9)).toBeLessThan(2);
    }
    await page.emulateMedia({ media: 'screen' });

    // The same in Finnish, the way back to the staff page kept.
    await page.goto(`/fi/staff/reports/council?municipality=borga&year=${YEAR}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(clean(await page.locator('h1').textContent())).toBe(
      `Vuosiraportti ${YEAR}: kohtaamispaikat, tapahtumat ja tilat`,
    );
    expect(clean(await page.locator('.council-scope').textContent())).toBe('Porvoo');
    expect((await summaryRow('bookings'))[0]).toBe(count(report.summary.bookings!.value));
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await tablesCutOffOnA4()).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Takaisin raporttisivulle' }).click();
    await page.waitForURL(/\/fi\/staff\/reports\?municipality=borga&year=/);
    expect(refused).toEqual([]);
  });

  it('sends a council report of a bad period back to the reports page, and refuses members', async () => {
    await signIn(STAFF);
    await page.goto('/sv/staff/reports/council?municipality=borga&year=abc');
    expect(clean(await page.locator('main').textContent())).toContain(
      'Perioden går inte att visa. Välj den på rapportsidan.',
    );
    expect(await page.locator('table').count()).toBe(0);
    await context.close();
    await signIn('map@demo.example');
    expect((await page.goto(`/sv/staff/reports/council?year=${YEAR}`))?.status()).toBe(403);
  });

  for (const lang of ['sv', 'ar']) {
    it(`the report in ${lang} passes axe, and the page's CSP refuses nothing`, async () => {
      await signIn(STAFF, true);
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') refused.push(message.text());
      });
      await page.goto(`/${lang}/staff/reports?year=${YEAR}`);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await axe(page)).toEqual([]);
      expect(refused).toEqual([]);
    });
  }
});
