import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isIanaTimeZone } from './time-zone';
import { municipalityCreateInput } from './inputs';

describe('IANA time zones', () => {
  it('takes Area/Location names and UTC, spelled as the zone database spells them', () => {
    expect(canonicalTimeZone('Europe/Helsinki')).toBe('Europe/Helsinki');
    expect(canonicalTimeZone('europe/helsinki')).toBe('Europe/Helsinki');
    expect(canonicalTimeZone('Europe/Mariehamn')).toBe('Europe/Mariehamn');
    expect(canonicalTimeZone('America/St_Johns')).toBe('America/St_Johns');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses offsets, POSIX-style names, unknown zones and junk', () => {
    for (const name of [
      '+02:00',
      'EST5EDT',
      'GMT',
      'Mars/Olympus',
      'Europe/',
      '',
      'Europe/Helsinki ',
    ]) {
      expect(isIanaTimeZone(name), name).toBe(false);
    }
  });

  it('is what a municipality is created with, with a code a page can say', () => {
    const base = { slug: 'sibbo', name: { sv: 'Sibbo', fi: 'Sipoo' }, languages: ['fi', 'sv'] };
    expect(municipalityCreateInput.parse(base).timeZone).toBe('Europe/Helsinki');
    const bad = municipalityCreateInput.safeParse({ ...base, timeZone: '+02:00' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['timeZone'],
      params: { code: 'time_zone' },
    });
    const noFinnish = municipalityCreateInput.safeParse({ ...base, name: { sv: 'Sibbo' } });
    expect(noFinnish.error?.issues[0]).toMatchObject({ path: ['name', 'fi'] });
  });
});
