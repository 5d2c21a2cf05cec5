// Seven interface languages (issue 10): each is offered in its own name, keeps the reader on
// the same page with the same filters, is chosen from Accept-Language on the first visit,
// sets html lang and dir, formats dates its own way, and the accessibility statement is
// there in each, without axe violations.
import { readFileSync } from 'node:fs';
import { UI_LOCALES, ownName, textDirection } from '@motesplats/domain/locales';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, launch } from './browser';

const messages = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../apps/web/messages/${lang}.json`, import.meta.url), 'utf8'),
  ) as Record<string, string>;

describe.skipIf(!baseUrl)('languages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: Parameters<Browser['newContext']>[0] = {}) {
    const context = await browser.newContext({ baseURL: baseUrl!, ...options });
    return { context, page: await context.newPage() };
  }
  const html = (page: Page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));

  it.each([
    ['ru-RU,ru;q=0.9,en;q=0.5', '/ru'],
    ['uk', '/uk'],
    ['et-EE,et;q=0.8,fi;q=0.6', '/et'],
    ['de-DE,de;q=0.9,uk;q=0.7', '/uk'],
  ])('a first visit with Accept-Language %s opens %s', async (acceptLanguage, expected) => {
    const { context, page } = await open({
      extraHTTPHeaders: { 'Accept-Language': acceptLanguage },
    });
    try {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(expected);
    } finally {
      await context.close();
    }
  });

  it('the switcher names every language in itself and keeps the page and its filters', async () => {
    const { context, page } = await open();
    try {
      await page.goto('/sv/venues?municipality=borga&minCapacity=20');
      const links = page.locator('nav.lang-switch a');
      expect(await links.count()).toBe(UI_LOCALES.length);
      for (const [i, locale] of UI_LOCALES.entries()) {
        const link = links.nth(i);
        expect(await link.textContent()).toBe(ownName(locale));
        expect(await link.getAttribute('lang')).toBe(locale);
        expect(await link.getAttribute('hreflang')).toBe(locale);
      }
      await page.locator('nav.lang-switch a[hreflang="uk"]').click();
      await page.waitForURL('**/uk/venues?*');
      const url = new URL(page.url());
      expect(url.pathname).toBe('/uk/venues');
      expect(url.searchParams.get('municipality')).toBe('borga');
      expect(url.searchParams.get('minCapacity')).toBe('20');
      expect(await html(page)).toEqual({ lang: 'uk', dir: 'ltr' });
      expect(await page.locator('nav.site-nav').textContent()).toContain(messages('uk').nav_venues);
    } finally {
      await context.close();
    }
  });

  it.each(['ru', 'uk', 'et'])(
    'the %s calendar is in that language: messages, weekdays and months',
    async (lang) => {
      const { context, page } = await open();
      try {
        expect((await page.goto(`/${lang}`))?.status()).toBe(200);
        expect(await html(page)).toEqual({ lang, dir: textDirection(lang) });
        const body = (await page.locator('main').textContent()) ?? '';
        expect(await page.locator('nav.site-nav').textContent()).toContain(
          messages(lang).nav_events,
        );
        // Some weekday of the coming week, as Intl writes it in this language.
        const weekdays = Array.from({ length: 7 }, (_, d) =>
          new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
            new Date(Date.UTC(2026, 10, 30 + d)),
          ),
        );
        expect(weekdays.some((w) => body.toLowerCase().includes(w.toLowerCase()))).toBe(true);
        // No Swedish message leaks through as a fallback on the calendar.
        const swedish = messages('sv');
        for (const key of ['nav_events', 'nav_venues', 'skip_to_content', 'footer_text'])
          expect(await page.content()).not.toContain(swedish[key]);
      } finally {
        await context.close();
      }
    },
  );

  it.each(['sv', 'fi', 'ar', 'ru', 'uk', 'et'])(
    'the accessibility statement in %s: linked from every footer, feedback contact, no axe violations',
    async (lang) => {
      const { context, page } = await open();
      try {
        await page.goto(`/${lang}`);
        await page.locator('footer.site-footer a').click();
        await page.waitForURL(`**/${lang}/accessibility`);
        const m = messages(lang);
        expect(await page.locator('h1').textContent()).toBe(m.a11y_title);
        expect(await page.locator('main a[href^="mailto:"]').getAttribute('href')).toBe(
          'mailto:saavutettavuus@borga.example',
        );
        expect(await page.locator(`main a[href="${m.a11y_enforcement_url}"]`).count()).toBe(1);
        expect(await html(page)).toEqual({ lang, dir: textDirection(lang) });
        const violations = await axe(page);
        expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it.each(['et', 'ru'])('the %s venue list has no axe violations', async (lang) => {
    const { context, page } = await open();
    try {
      expect((await page.goto(`/${lang}/venues`))?.status()).toBe(200);
      const violations = await axe(page);
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
