import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

const SWEDISH_WEEKDAY = /(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)/;
const SWEDISH_MONTH =
  /(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)/;

describe.skipIf(!baseUrl)('home page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh context (own cookies) and page; closed by the caller. */
  async function open(options: Parameters<Browser['newContext']>[0] = {}) {
    const context = await browser.newContext({
      baseURL: baseUrl!,
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    return { context, page: await context.newPage() };
  }

  const htmlAttributes = (page: Page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));

  it.each([
    ['sv-FI,sv;q=0.9,en;q=0.5', '/sv'],
    ['fi-FI,fi;q=0.9', '/fi'],
  ])('/ with Accept-Language %s leads to %s', async (acceptLanguage, expected) => {
    const { context, page } = await open({
      extraHTTPHeaders: { 'Accept-Language': acceptLanguage },
    });
    try {
      const response = await page.goto('/');
      expect(new URL(page.url()).pathname).toBe(expected);
      expect(response?.status()).toBe(200);
      expect(response?.request().redirectedFrom()?.url()).toBe(`${baseUrl}/`);
    } finally {
      await context.close();
    }
  });

  it('the Swedish home page lists demo events in Swedish, with pictograms hidden from screen readers', async () => {
    const { context, page } = await open({ locale: 'sv-FI' });
    try {
      await page.goto('/sv');
      expect(await htmlAttributes(page)).toEqual({ lang: 'sv', dir: 'ltr' });

      const cards = page.locator('main .card');
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(5);

      const swedishTitles = await page.locator('main .card h3 a > [lang="sv"]').allTextContents();
      expect(swedishTitles.length).toBeGreaterThanOrEqual(3);
      for (const title of swedishTitles) expect(title.trim()).not.toBe('');

      const dates = await page.locator('main .card time').allTextContents();
      expect(dates).toHaveLength(count);
      for (const date of dates) {
        expect(date).toMatch(SWEDISH_WEEKDAY);
        expect(date).toMatch(SWEDISH_MONTH);
      }

      // Each card leads with the event's image, else its category's pictogram, both
      // decorative beside the words.
      const pictograms = page.locator('main .card > svg.pictogram');
      const images = page.locator('main .card > img.card-image');
      expect((await pictograms.count()) + (await images.count())).toBe(count);
      expect(await images.count(), 'the demo has events with images').toBeGreaterThan(0);
      expect(await pictograms.count(), 'and events without').toBeGreaterThan(0);
      for (const pictogram of await pictograms.all()) {
        expect(await pictogram.getAttribute('aria-hidden')).toBe('true');
        const box = await pictogram.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(16);
      }
      for (const image of await images.all()) {
        expect(await image.getAttribute('alt')).toBe('');
        await image.scrollIntoViewIfNeeded();
        // A card draws its picture 8rem wide: the browser takes the 640 px rendition from
        // the srcset, not the 1280 px one.
        // (naturalWidth is then 640 px over the density the srcset gives: 128 at 8rem.)
        const small = /(\S+) 640w/.exec((await image.getAttribute('srcset')) ?? '')?.[1];
        expect(small, 'a 640 px rendition in the srcset').toBeTruthy();
        expect(
          await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        ).toBe(128);
        expect(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).toBe(
          new URL(small!, page.url()).href,
        );
        expect((await image.boundingBox())!.width).toBeGreaterThanOrEqual(80);
      }
      // Nothing in the cards is exposed as an image to assistive technology.
      expect(await page.locator('main .card').getByRole('img').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('groups the list by local day under one heading each, and offers quick ranges', async () => {
    const { context, page } = await open();
    try {
      await page.goto('/sv?municipality=borga');
      const days = page.locator('main section.list-day');
      expect(await days.count()).toBeGreaterThanOrEqual(2);
      const dates = await days
        .locator('h2 time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      // One heading per day, in order.
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      const helsinkiDate = (instant: string) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(instant));
      for (const [i, date] of dates.entries()) {
        const starts = await days
          .nth(i)
          .locator('.card time')
          .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
        expect(starts.length).toBeGreaterThan(0);
        for (const start of starts) expect(helsinkiDate(start)).toBe(date);
      }
      const today = helsinkiDate(new Date().toISOString());
      const heading = (await days.first().locator('h2').textContent())!.trim();
      if (dates[0] === today) expect(heading).toMatch(/^I dag, /);
      expect(heading).toMatch(SWEDISH_WEEKDAY);

      // "I helgen": Saturday and Sunday of this week, the municipality kept.
      await page.locator('nav.quick-ranges a', { hasText: 'I helgen' }).click();
      await page.waitForURL(/[?&]from=/);
      const url = new URL(page.url());
      expect(url.searchParams.get('municipality')).toBe('borga');
      const from = url.searchParams.get('from')!;
      const to = url.searchParams.get('to')!;
      // Saturday, or today when the weekend has begun.
      expect(from === today || new Date(`${from}T12:00:00Z`).getUTCDay() === 6).toBe(true);
      expect(new Date(`${to}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(await page.locator('nav.quick-ranges a[aria-current="page"]').textContent()).toContain(
        'I helgen',
      );
      const weekend = await page
        .locator('main section.list-day h2 time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      for (const date of weekend) {
        expect(date >= from && date <= to).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it('the Arabic home page is right-to-left and its layout is mirrored', async () => {
    const boxes = async (lang: string) => {
      const { context, page } = await open();
      try {
        await page.goto(`/${lang}`);
        const brand = await page.locator('header .brand').boundingBox();
        const nav = await page.locator('header .site-nav').boundingBox();
        if (!brand || !nav) throw new Error('The header has no product name or navigation.');
        return { html: await htmlAttributes(page), brand, nav };
      } finally {
        await context.close();
      }
    };
    const ar = await boxes('ar');
    const sv = await boxes('sv');

    expect(ar.html).toEqual({ lang: 'ar', dir: 'rtl' });
    // Arabic: the product name stands right of the navigation, Swedish: left of it.
    expect(ar.brand.x).toBeGreaterThanOrEqual(ar.nav.x + ar.nav.width);
    expect(sv.brand.x + sv.brand.width).toBeLessThanOrEqual(sv.nav.x);
  });

  it('the Arabic home page marks content in a fallback language with its own lang and a visible note', async () => {
    const { context, page } = await open();
    try {
      await page.goto('/ar');
      const notes = page.locator('main .card .fallback-note');
      expect(await notes.count()).toBeGreaterThan(0);

      const note = notes.first();
      await note.scrollIntoViewIfNeeded();
      expect(await note.isVisible()).toBe(true);
      expect(await note.getAttribute('lang')).toBe('ar');
      expect((await note.textContent())?.trim()).not.toBe('');

      // One note per card, however many of its texts fall back; the texts carry their own
      // language (not Arabic) and direction.
      for (const card of await page.locator('main .card').all()) {
        expect(await card.locator('.fallback-note').count()).toBeLessThanOrEqual(1);
      }
      const card = page.locator('main .card', { has: page.locator('.fallback-note') }).first();
      const fallbackTexts = await card
        .locator('[lang]:not(.fallback-note):not(svg)')
        .evaluateAll((els) =>
          els
            .filter((e) => e.getAttribute('lang') !== 'ar')
            .map((e) => ({
              lang: e.getAttribute('lang'),
              dir: e.getAttribute('dir'),
              text: e.textContent,
            })),
        );
      expect(fallbackTexts.length).toBeGreaterThan(0);
      for (const text of fallbackTexts) {
        expect(text.lang).toMatch(/^[a-z]{2,3}$/);
        expect(text.dir).toBe('ltr');
        expect(text.text?.trim()).not.toBe('');
      }
      // The note names those languages, in Arabic.
      const named = new Set(fallbackTexts.map((t) => t.lang!));
      const noteText = (await card.locator('.fallback-note').textContent())!;
      for (const lang of named) {
        const name = new Intl.DisplayNames(['ar-u-nu-latn'], { type: 'language' }).of(lang)!;
        expect(noteText).toContain(name);
      }
    } finally {
      await context.close();
    }
  });

  it('filters work without JavaScript: the chosen category is all that is listed', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    try {
      await page.goto('/sv');
      const select = page.getByLabel('Kategori');
      const chosen = 'family-cafe';
      const label = (await select.locator(`option[value="${chosen}"]`).textContent())?.trim();
      expect(label).toBeTruthy();

      await select.selectOption(chosen);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('category') === chosen),
        page.locator('form[role="search"] button[type="submit"]').click(),
      ]);

      // Still the server-rendered page, no script ran: the select keeps the choice.
      expect(await page.getByLabel('Kategori').inputValue()).toBe(chosen);
      const categories = await page.locator('main .card .category').allTextContents();
      expect(categories.length).toBeGreaterThan(0);
      for (const category of categories) expect(category.trim()).toBe(label);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['/sv?page=9999', 'Sidan hittades inte', 'sv'],
    ['/ar?page=5000', 'الصفحة غير موجودة', 'ar'],
    ['/sv?page=502', 'Sidan hittades inte', 'sv'],
    ['/sv?page=30', 'Sidan hittades inte', 'sv'],
  ])(
    "a page number past the last page (%s) is not found, in the reader's language",
    async (path, heading, lang) => {
      const { context, page } = await open();
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe(heading);
      expect((await htmlAttributes(page)).lang).toBe(lang);
      await context.close();
    },
  );
});
