import { describe, expect, it } from 'vitest';
import { formatRule, parseRule } from './rule';

const messages = (text: string): string[] => {
  const r = parseRule(text);
  if (r.ok || r.error.kind !== 'invalid') throw new Error(`expected invalid: ${text}`);
  return r.error.issues.map((i) => i.message);
};

describe('parseRule', () => {
  it('parses a weekly rule with several days and an interval, in canonical day order', () => {
    const r = parseRule('RRULE:FREQ=WEEKLY;BYDAY=TH,MO;INTERVAL=2;COUNT=10');
    expect(r).toEqual({
      ok: true,
      value: { freq: 'WEEKLY', interval: 2, byDay: ['MO', 'TH'], count: 10, until: null },
    });
  });

  it('parses monthly ordinal weekdays (three Tuesdays a month, last Friday)', () => {
    const r = parseRule('FREQ=MONTHLY;BYDAY=3TU,1TU,2TU,-1FR');
    expect(r.ok && r.value).toMatchObject({
      freq: 'MONTHLY',
      byDay: [
        { ordinal: -1, weekday: 'FR' },
        { ordinal: 1, weekday: 'TU' },
        { ordinal: 2, weekday: 'TU' },
        { ordinal: 3, weekday: 'TU' },
      ],
    });
  });

  it('parses BYMONTHDAY and both UNTIL forms', () => {
    const a = parseRule('FREQ=MONTHLY;BYMONTHDAY=15,-1;UNTIL=20261231T215959Z');
    expect(a.ok && a.value).toMatchObject({
      byMonthDay: [-1, 15],
      until: { type: 'instant', at: new Date('2026-12-31T21:59:59Z') },
    });
    const b = parseRule('freq=weekly;byday=tu;until=20261231');
    expect(b.ok && b.value.until).toEqual({ type: 'date', date: '2026-12-31' });
  });

  it('formatRule round-trips to the same rule', () => {
    for (const text of [
      'FREQ=WEEKLY;BYDAY=TU',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10',
      'FREQ=MONTHLY;BYDAY=1TU,2TU,3TU;UNTIL=20261231T220000Z',
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1,15;UNTIL=20270101',
    ]) {
      const r = parseRule(text);
      if (!r.ok) throw new Error(text);
      expect(formatRule(r.value)).toBe(text);
      expect(parseRule(formatRule(r.value))).toEqual(r);
    }
  });

  it('refuses unsupported frequencies and parts, naming them', () => {
    expect(messages('FREQ=DAILY')).toEqual(['FREQ=DAILY is not supported; use WEEKLY or MONTHLY.']);
    expect(messages('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1')).toEqual(['BYSETPOS is not supported.']);
    expect(messages('FREQ=WEEKLY;BYDAY=TU;WKST=SU')[0]).toContain('WKST=SU');
    expect(messages('BYDAY=TU')[0]).toContain('FREQ is required');
  });

  it('refuses malformed values with a message naming the part', () => {
    expect(messages('FREQ=WEEKLY;BYDAY=TX')[0]).toContain("BYDAY item 'TX'");
    expect(messages('FREQ=WEEKLY;BYDAY=1TU')[0]).toContain('only supported with FREQ=MONTHLY');
    expect(messages('FREQ=MONTHLY;BYDAY=TU')[0]).toContain('needs an ordinal');
    expect(messages('FREQ=MONTHLY;BYDAY=6TU')[0]).toContain("'6TU'");
    expect(messages('FREQ=MONTHLY;BYMONTHDAY=32')[0]).toContain('BYMONTHDAY');
    expect(messages('FREQ=WEEKLY;BYDAY=TU;INTERVAL=0')[0]).toContain('INTERVAL');
    expect(messages('FREQ=WEEKLY;BYDAY=TU;COUNT=-1')[0]).toContain('COUNT');
    expect(messages('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T220000')[0]).toContain('UNTIL');
    expect(messages('FREQ=WEEKLY;BYDAY=TU;UNTIL=20260231')[0]).toContain('UNTIL');
  });

  it('refuses contradictory or incomplete combinations', () => {
    expect(messages('FREQ=WEEKLY;BYDAY=TU;COUNT=3;UNTIL=20261231')).toEqual([
      'COUNT and UNTIL cannot both be given.',
    ]);
    expect(messages('FREQ=WEEKLY')[0]).toContain('BYDAY is required');
    expect(messages('FREQ=MONTHLY')[0]).toContain('exactly one of BYDAY');
    expect(messages('FREQ=MONTHLY;BYDAY=1TU;BYMONTHDAY=1')[0]).toContain('exactly one of BYDAY');
    expect(messages('FREQ=WEEKLY;FREQ=WEEKLY;BYDAY=TU')[0]).toBe('FREQ appears twice.');
    expect(messages('FREQ=WEEKLY;BYDAY=TU,TU')[0]).toContain('twice');
    expect(messages('')).toEqual(['The rule is empty.']);
    expect(messages('FREQ=WEEKLY;BYDAY')[0]).toContain('KEY=VALUE');
  });

  it('each issue points at the rrule field with a code', () => {
    const r = parseRule('FREQ=YEARLY');
    expect(!r.ok && r.error.kind === 'invalid' && r.error.issues[0]).toMatchObject({
      path: 'rrule',
      code: 'invalid_rrule',
    });
  });
});
