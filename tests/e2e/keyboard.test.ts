// The event form by keyboard alone (issue 10): the skip link first, every field reached by
// Tab in reading order without passing the page's header again (no trap, no jump back), a
// refused form's errors announced, focused and linked to their fields, then the event saved.
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

const ZONE = 'Europe/Helsinki';

/**
 * Presses Tab until the element with this id (or a button with this text) has focus; fails
 * if focus reaches the header, the language switcher or the footer first: the fields come in
 * reading order after the previous one, and focus never jumps back or gets stuck.
 */
async function tabTo(
  page: Page,
  target: string | { button: string } | { radios: string },
  most = 200,
): Promise<void> {
  for (let i = 1; i <= most; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        id: el?.id ?? '',
        button: el?.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : null,
        radios: el instanceof HTMLInputElement && el.type === 'radio' ? el.name : null,
        outside: !!el?.closest('header, .lang-switch, footer'),
      };
    });
    if (
      typeof target === 'string'
        ? at.id === target
        : 'button' in target
          ? at.button === target.button
          : at.radios === target.radios
    )
      return;
    if (at.outside) throw new Error(`Tab left the form before ${JSON.stringify(target)}`);
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe.skipIf(!baseUrl)('the event form by keyboard alone', () => {
  let browser: Browser;
  let member: BrowserContext;

  beforeAll(async () => {
    browser = await launch();
    member = await browser.newContext({ baseURL: baseUrl!, locale: 'en-US' });
    const res = await member.request.post('/api/session', {
      data: { email: 'mll@demo.example', password: 'motesplats-demo' },
      headers: { origin: baseUrl! },
    });
    expect(res.status()).toBe(200);
  });
  afterAll(async () => {
    await member?.close();
    await browser?.close();
  });

  it('skip link, fields in order, errors announced and linked, then saved', async () => {
    const page = await member.newPage();
    await page.goto('/sv/events/new');

    // The first Tab is the skip link, visible when focused; Enter moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    expect(await page.locator('a.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('main');

    // A category by arrow keys; no title yet: the form must refuse.
    await tabTo(page, 'field-category');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#field-category').inputValue()).not.toBe('');
    // The focused field shows a focus ring (outline or box-shadow), not nothing.
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
    });
    expect(ring).toBe(true);

    await tabTo(page, 'field-languages-sv');
    await page.keyboard.press('Space');
    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo(page, { radios: 'booking' });
    for (let i = 0; i < 20 && !(await page.locator('#field-booking-address').isChecked()); i++)
      await page.keyboard.press('ArrowDown');
    expect(await page.locator('#field-booking-address').isChecked()).toBe(true);
    await tabTo(page, 'field-locationText');
    await page.keyboard.type('Strandparken, Borgå');

    const day = DateTime.now().setZone(ZONE).plus({ weeks: 3 });
    await tabTo(page, 'field-date');
    await page.keyboard.type(day.toFormat('MMddyyyy'));
    await tabTo(page, 'field-start');
    await page.keyboard.type('0600P');
    await tabTo(page, 'field-end');
    await page.keyboard.type('0800P');
    expect(await page.locator('#field-date').inputValue()).toBe(day.toISODate());
    expect(await page.locator('#field-start').inputValue()).toBe('18:00');

    // Submit by keyboard: on to the save button after the last field, Enter.
    await tabTo(page, { button: 'Spara som utkast' });
    await page.keyboard.press('Enter');
    await page.waitForLoadState('networkidle');

    // Refused: the summary is an alert and has focus; its link leads to the title field.
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
    ).toBe(true);
    // What was typed is kept.
    expect(await page.locator('#field-locationText').inputValue()).toBe('Strandparken, Borgå');
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).hash);
    expect(link).toBe('#field-title-sv');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('field-title-sv');
    // The error is tied to the field: the field, or the fieldset of its languages, is
    // described by the message shown beside it.
    const error = await page.locator('#field-title-sv').evaluate((el) => {
      const owner = el.getAttribute('aria-describedby') ? el : el.closest('fieldset');
      const ids = owner?.getAttribute('aria-describedby')?.split(' ') ?? [];
      return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
    });
    expect(error).toContain('Skriv rubriken på minst ett språk.');
    await page.keyboard.type('Strandstädning för alla');
    await tabTo(page, { button: 'Spara som utkast' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sv\/events\/[0-9a-f-]{36}\/manage\?created=1$/);
    expect(await page.locator('.event-status').getAttribute('data-status')).toBe('draft');
    await page.close();
  });
});
