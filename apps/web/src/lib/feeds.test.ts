import { describe, expect, it } from 'vitest';
import { calendarFeedPath, feedUrls } from './feeds.ts';

describe('calendarFeedPath', () => {
  it("writes the API's canonical form: the municipality first, the rest sorted, empty ones left out", () => {
    expect(
      calendarFeedPath({
        q: 'språk café',
        language: 'ar',
        category: 'language-cafe',
        municipality: 'borga',
        venue: '',
        audience: undefined,
        free: true,
      }),
    ).toBe(
      '/feeds/calendar.ics?municipality=borga&category=language-cafe&free=true&language=ar&q=spr%C3%A5k+caf%C3%A9',
    );
  });

  it('never writes free=false (the API reads it as "with a price only")', () => {
    expect(calendarFeedPath({ free: false })).toBe('/feeds/calendar.ics');
  });
});

describe('feedUrls', () => {
  it('adds the language and gives the same address as webcal and as Google Calendar’s cid', () => {
    const urls = feedUrls(
      '/feeds/calendar.ics?municipality=borga',
      'fi',
      'https://motesplats.example',
    );
    expect(urls.https).toBe(
      'https://motesplats.example/feeds/calendar.ics?municipality=borga&lang=fi',
    );
    expect(urls.webcal).toBe(
      'webcal://motesplats.example/feeds/calendar.ics?municipality=borga&lang=fi',
    );
    expect(urls.google).toBe(
      'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fmotesplats.example%2Ffeeds%2Fcalendar.ics%3Fmunicipality%3Dborga%26lang%3Dfi',
    );
  });
});
