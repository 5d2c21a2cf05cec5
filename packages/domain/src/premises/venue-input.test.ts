import { describe, expect, it } from 'vitest';
import { openingHoursInput, plainText, venueUpdateInput } from './venue-input';

const codes = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; params?: Record<string, unknown>; code: string }[] };
}) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')} ${String(i.params?.code ?? i.code)}`);

describe('opening hours as staff enter them', () => {
  it('accepts split days, overnight spans and 24:00, sorted by weekday and time', () => {
    const hours = openingHoursInput.parse([
      { weekday: 5, opens: '18:00', closes: '02:00' },
      { weekday: 1, opens: '13:00', closes: '24:00' },
      { weekday: 1, opens: '09:00', closes: '12:00' },
      { weekday: 6, opens: '02:00', closes: '04:00' },
    ]);
    expect(hours.map((h) => `${h.weekday} ${h.opens}`)).toEqual([
      '1 09:00',
      '1 13:00',
      '5 18:00',
      '6 02:00',
    ]);
  });

  it('refuses empty and overlapping spans, also across midnight and the week’s end', () => {
    expect(
      codes(openingHoursInput.safeParse([{ weekday: 2, opens: '10:00', closes: '10:00' }])),
    ).toEqual(['0 empty_span']);
    expect(
      codes(
        openingHoursInput.safeParse([
          { weekday: 2, opens: '09:00', closes: '12:00' },
          { weekday: 2, opens: '11:59', closes: '13:00' },
        ]),
      ),
    ).toEqual(['1 overlapping_span']);
    expect(
      codes(
        openingHoursInput.safeParse([
          { weekday: 3, opens: '22:00', closes: '02:00' },
          { weekday: 4, opens: '01:00', closes: '08:00' },
        ]),
      ),
    ).toEqual(['1 overlapping_span']);
    expect(
      codes(
        openingHoursInput.safeParse([
          { weekday: 1, opens: '00:00', closes: '01:00' },
          { weekday: 7, opens: '23:00', closes: '00:30' },
        ]),
      ),
    ).toEqual(['1 overlapping_span']);
    // Touching spans do not overlap.
    expect(
      openingHoursInput.safeParse([
        { weekday: 2, opens: '09:00', closes: '12:00' },
        { weekday: 2, opens: '12:00', closes: '13:00' },
      ]).success,
    ).toBe(true);
  });

  it('reports malformed times by field, without throwing', () => {
    expect(
      codes(openingHoursInput.safeParse([{ weekday: 1, opens: '25:00', closes: '9' }])),
    ).toEqual(['0.opens invalid_format', '0.closes invalid_format']);
  });
});

describe('texts as staff write them', () => {
  it('normalizes to NFC and trims; refuses hidden controls and lone surrogates', () => {
    expect(plainText(20).parse('  Cafe\u0301 ')).toBe('Café');
    expect(plainText(20).safeParse('a\u202Eb').success).toBe(false);
    expect(plainText(20).safeParse('a\ud800').success).toBe(false);
    expect(plainText(20, true).parse('rad 1\nrad 2')).toBe('rad 1\nrad 2');
    expect(plainText(20).safeParse('rad 1\nrad 2').success).toBe(false);
  });

  it('drops empty languages and refuses unknown ones', () => {
    expect(venueUpdateInput.parse({ name: { sv: 'Salen', fi: ' ' } }).name).toEqual({
      sv: 'Salen',
    });
    expect(venueUpdateInput.safeParse({ name: { klingon: 'x' } }).success).toBe(false);
  });
});
