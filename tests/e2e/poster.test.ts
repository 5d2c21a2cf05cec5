// The event poster (issue 10): printing an event page gives one A4 page for the notice board
// with the title, the dates, the place and a QR code that leads back to the page.
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';
import { eventAtVenue, eventTitle } from './demo';

describe.skipIf(!baseUrl)('the printed event poster', () => {
  let browser: Browser;
  let event: { id: string; venueId: string };
  beforeAll(async () => {
    browser = await launch();
    event = await eventAtVenue();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['sv', 'ar'])(
    'in %s: only the poster prints, one A4 page, its QR code reads as the page',
    async (lang) => {
      const context = await browser.newContext({ baseURL: baseUrl! });
      try {
        const page = await context.newPage();
        await page.goto(`/${lang}/events/${event.id}`);
        // On screen: no poster; the print button once the script runs.
        expect(await page.locator('.poster').isVisible()).toBe(false);
        await page
          .locator('button', { hasText: lang === 'sv' ? 'Skriv ut affisch' : 'اطبع ملصقًا' })
          .waitFor();

        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.poster').isVisible()).toBe(true);
        for (const hidden of ['header', '.site-footer', '.screen-only'])
          expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
        const title = await eventTitle(event.id, lang);
        expect((await page.locator('.poster-title').textContent())?.trim()).toBe(title.text);
        expect(await page.locator('.poster-dates li').count()).toBeGreaterThan(0);
        expect(await page.locator('.poster-place').textContent()).toMatch(/\d{5} /);

        // The QR code, photographed as printed and decoded, is the page's address.
        const shot = await page.locator('.poster-qr svg').screenshot();
        const { data, info } = await sharp(shot)
          .flatten({ background: '#ffffff' })
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
        expect(code?.data).toBe(`${baseUrl}/${lang}/events/${event.id}`);

        // Printed to PDF as A4: one page.
        const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
        expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      } finally {
        await context.close();
      }
    },
  );

  it('without JavaScript the page says how to print instead of offering a button', async () => {
    const context = await browser.newContext({ baseURL: baseUrl!, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`/en/events/${event.id}`);
      expect(await page.locator('main').textContent()).toContain(
        'Print this page to get a poster for the notice board.',
      );
      expect(await page.locator('button', { hasText: 'Print a poster' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
