// The booking form's reading of local dates and times, run under two odd process zones
// (vitest.config.ts: Asia/Kathmandu, America/St_Johns), so nothing depends on the server's
// own zone; and its sorting of the API's issues by field, dates merged.
import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { seriesRhythm, weeklyDates } from '#lib/booking.ts';
import {
  bookingErrors,
  bookingInput,
  localInstant,
  refill,
  type BookingValues,
} from './booking-form.ts';

const ZONE = 'Europe/Helsinki';
const target = { venueId: '00000000-0000-4000-8000-000000000001', zone: ZONE, cityUse: false };

const form = (v: Partial<BookingValues>): BookingValues => ({
  use: '',
  association: '00000000-0000-4000-8000-0000000000a1',
  space: '',
  date: '2027-03-16',
  start: '18:00',
  end: '20:00',
  endsNextDay: '',
  repeat: '',
  until: '',
  except: '',
  purpose: 'Familjecafé',
  attendance: '25',
  publicEvent: '',
  terms: '1',
  ...v,
});

const json = (v: Partial<BookingValues>, t = target) => {
  const input = bookingInput(form(v), t, false);
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  return input.json;
};
const errors = (v: Partial<BookingValues>, t = target) => {
  const input = bookingInput(form(v), t, false);
  if (input.ok) throw new Error('accepted');
  return Object.fromEntries(
    Object.entries(input.errors).map(([field, list]) => [field, list!.map((e) => e.code)]),
  );
};

describe('local date and time → instants with the zone’s offset', () => {
  it('reads Helsinki wall-clock time on both sides of the change to summer time', () => {
    expect(json({ date: '2027-03-16' })).toMatchObject({
      start: '2027-03-16T18:00:00+02:00',
      end: '2027-03-16T20:00:00+02:00',
    });
    // Summer time begins 2027-03-28 at 03:00.
    expect(json({ date: '2027-03-30' })).toMatchObject({
      start: '2027-03-30T18:00:00+03:00',
      end: '2027-03-30T20:00:00+03:00',
    });
  });

  it('ends the next day when asked, and otherwise refuses an end before the start', () => {
    expect(
      json({ date: '2026-12-04', start: '22:00', end: '01:00', endsNextDay: '1' }),
    ).toMatchObject({ start: '2026-12-04T22:00:00+02:00', end: '2026-12-05T01:00:00+02:00' });
    // The night the clocks go back (at 04:00 summer time to 03:00): 03:30 comes twice, and
    // the form takes the second, in winter time.
    expect(
      json({ date: '2026-10-24', start: '23:00', end: '03:30', endsNextDay: '1' }),
    ).toMatchObject({ start: '2026-10-24T23:00:00+03:00', end: '2026-10-25T03:30:00+02:00' });
    expect(errors({ start: '22:00', end: '01:00' })).toEqual({ end: ['end_before_start'] });
    expect(errors({ start: '18:00', end: '18:00' })).toEqual({ end: ['end_before_start'] });
  });

  it('refuses a time the clock skips', () => {
    expect(errors({ date: '2027-03-28', start: '03:30', end: '05:00' })).toEqual({
      start: ['time_in_gap'],
    });
  });

  it('names every missing or malformed field at once', () => {
    expect(
      errors({
        association: '',
        date: '2027-02-30',
        start: '7',
        end: '',
        purpose: ' ',
        attendance: 'tjugo',
        terms: '',
      }),
    ).toEqual({
      association: ['required'],
      date: ['invalid_date'],
      start: ['time_format'],
      end: ['required'],
      purpose: ['required'],
      attendance: ['invalid_type'],
      terms: ['terms_not_accepted'],
    });
    expect(errors({ attendance: '0' })).toEqual({ attendance: ['too_small'] });
  });

  it('asks the city’s own use for neither an association nor the terms', () => {
    expect(json({ association: '', terms: '' }, { ...target, cityUse: true })).toMatchObject({
      cityUse: true,
      acceptTerms: false,
    });
    expect(json({ association: '', terms: '' }, { ...target, cityUse: true })).not.toHaveProperty(
      'associationId',
    );
  });

  it('sends a weekly repeat with its skipped dates, and checks its last date', () => {
    expect(
      json({ repeat: 'weekly', until: '2027-04-06', except: '2027-03-23,2027-03-30' }),
    ).toMatchObject({
      repeat: { weekly: { until: '2027-04-06', except: ['2027-03-23', '2027-03-30'] } },
    });
    expect(errors({ repeat: 'weekly', until: '' })).toEqual({ until: ['required'] });
    expect(errors({ repeat: 'weekly', until: '2027-03-09' })).toEqual({
      until: ['until_before_start'],
    });
    // Without the repeat ticked, a last date typed earlier is not sent.
    expect(json({ until: '2027-04-06' })).not.toHaveProperty('repeat');
  });
});

describe('the API’s issues beside their fields', () => {
  it('says a rule broken on several dates once, with its dates, beside the right field', () => {
    const series = form({ repeat: 'weekly', date: '2027-03-17', until: '2027-04-07' });
    const hours = (date: string) => ({
      path: 'startsAt',
      code: 'outside_opening_hours',
      params: { start: `${date} 21:00`, end: `${date} 23:00`, date },
      message: '',
    });
    expect(
      bookingErrors(
        [
          hours('2027-03-17'),
          hours('2027-03-24'),
          {
            path: 'startsAt',
            code: 'blackout_date',
            params: { dates: '2027-03-31', date: '2027-03-31' },
            message: '',
          },
          {
            path: 'startsAt',
            code: 'too_far_ahead',
            params: { maximum: 180, until: '2027-04-01', date: '2027-04-07' },
            message: '',
          },
          {
            path: 'startsAt',
            code: 'too_soon',
            params: { minimum: 48, actual: 30, date: '2027-03-17' },
            message: '',
          },
          {
            path: 'expectedAttendance',
            code: 'over_capacity',
            params: { maximum: 40, actual: 41 },
            message: '',
          },
          {
            path: 'openRequests',
            code: 'too_many_open_requests',
            params: { maximum: 5, current: 5 },
            message: '',
          },
        ],
        series,
      ),
    ).toEqual({
      start: [
        {
          code: 'outside_opening_hours',
          params: {
            start: '2027-03-17 21:00',
            end: '2027-03-17 23:00',
            date: '2027-03-17,2027-03-24',
          },
        },
      ],
      // A later date of the series closed that day: skip it; past the horizon: end sooner.
      except: [{ code: 'blackout_date', params: { dates: '2027-03-31', date: '2027-03-31' } }],
      until: [
        {
          code: 'too_far_ahead',
          params: { maximum: 180, until: '2027-04-01', date: '2027-04-07' },
        },
      ],
      date: [{ code: 'too_soon', params: { minimum: 48, actual: 30, date: '2027-03-17' } }],
      attendance: [{ code: 'over_capacity', params: { maximum: 40, actual: 41 } }],
      form: [{ code: 'too_many_open_requests', params: { maximum: 5, current: 5 } }],
    });
  });

  it('puts the series’ own refusals on its last date and skipped dates', () => {
    expect(
      bookingErrors(
        [
          { path: 'repeat.until', code: 'too_many_dates', params: { maximum: 80 }, message: '' },
          {
            path: 'repeat.except.1',
            code: 'except_not_in_series',
            params: { date: '2027-03-18' },
            message: '',
          },
          { path: 'acceptTerms', code: 'terms_not_accepted', message: '' },
        ],
        form({ repeat: 'weekly' }),
      ),
    ).toEqual({
      until: [{ code: 'too_many_dates', params: { maximum: 80 } }],
      except: [{ code: 'except_not_in_series', params: { date: '2027-03-18' } }],
      terms: [{ code: 'terms_not_accepted' }],
    });
  });
});

describe('a suggested free slot in the form', () => {
  it('takes the date and times for a single slot, past midnight included', () => {
    expect(
      refill(form({}), '2027-03-17T14:30:00.000Z|2027-03-17T16:30:00.000Z', ZONE),
    ).toMatchObject({
      date: '2027-03-17',
      start: '16:30',
      end: '18:30',
      endsNextDay: '',
      purpose: 'Familjecafé',
    });
    expect(
      refill(form({}), '2027-03-17T20:00:00.000Z|2027-03-17T23:00:00.000Z', ZONE),
    ).toMatchObject({
      date: '2027-03-17',
      start: '22:00',
      end: '01:00',
      endsNextDay: '1',
    });
  });

  it('keeps a series’ first date and takes only the times', () => {
    const series = form({ repeat: 'weekly', until: '2027-04-06', except: '2027-03-23' });
    expect(refill(series, '2027-03-30T17:30:00.000Z|2027-03-30T19:30:00.000Z', ZONE)).toMatchObject(
      {
        date: '2027-03-16',
        start: '20:30',
        end: '22:30',
        until: '2027-04-06',
        except: '2027-03-23',
      },
    );
  });

  it('ignores a slot that is not one', () => {
    expect(refill(form({}), 'yesterday|today', ZONE)).toBeNull();
    expect(refill(form({}), '2027-03-17T16:30:00Z|2027-03-17T14:30:00Z', ZONE)).toBeNull();
  });
});

describe('the dates of a weekly series', () => {
  it('steps seven calendar days, across month ends and the change of time', () => {
    expect(weeklyDates('2027-03-16', '2027-04-06')).toEqual([
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
    ]);
    expect(weeklyDates('2026-12-29', '2027-01-12')).toEqual([
      '2026-12-29',
      '2027-01-05',
      '2027-01-12',
    ]);
    expect(weeklyDates('2027-03-16', '2027-03-15')).toEqual([]);
    expect(weeklyDates('', '2027-03-15')).toEqual([]);
  });

  it('stops one past the most a request may hold, so the page can say so', () => {
    expect(weeklyDates('2027-01-05', '2030-01-01')).toHaveLength(81);
  });
});

describe('how a stored series repeats', () => {
  it('reads weekly, every n weeks and monthly rules off the RRULE', () => {
    expect(seriesRhythm('FREQ=WEEKLY;BYDAY=WE;UNTIL=20270414')).toEqual({
      kind: 'weekly',
      interval: 1,
    });
    expect(seriesRhythm('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20270215')).toEqual({
      kind: 'weekly',
      interval: 2,
    });
    expect(seriesRhythm('FREQ=MONTHLY;BYDAY=2SA;UNTIL=20270213')).toEqual({ kind: 'monthly' });
    expect(seriesRhythm('FREQ=DAILY;UNTIL=20270213')).toBeNull();
    expect(seriesRhythm(null)).toBeNull();
  });
});

describe('localInstant: a typed date and time in the venue’s zone', () => {
  const realNow = Settings.now;
  afterEach(() => {
    Settings.now = realNow;
  });

  it.each(['2026-07-01T12:00:00Z', '2026-12-01T12:00:00Z'])(
    'takes the later 03:30 of the fall-back night, in any season (now = %s)',
    (now) => {
      Settings.now = () => Date.parse(now);
      const at = localInstant('2026-10-25', '03:30', 'Europe/Helsinki');
      expect(at !== 'invalid' && at !== 'gap' && at.toISO()).toBe('2026-10-25T03:30:00.000+02:00');
      expect(localInstant('2026-03-29', '03:30', 'Europe/Helsinki')).toBe('gap');
      expect(localInstant('2026-02-30', '18:00', 'Europe/Helsinki')).toBe('invalid');
      expect(localInstant('2026-12-05', '25:00', 'Europe/Helsinki')).toBe('invalid');
    },
  );
});
