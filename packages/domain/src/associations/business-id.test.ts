import { describe, expect, it } from 'vitest';
import { businessIdCheckDigit, isValidBusinessId, normalizeBusinessId } from './business-id';

describe('Finnish business ID (Y-tunnus)', () => {
  it('accepts IDs whose check digit is right', () => {
    // Published IDs (Nokia Oyj, Kela), and one computed by hand.
    for (const id of ['0112038-9', '0246246-0', '1492826-4'])
      expect(isValidBusinessId(id)).toBe(true);
  });

  it('refuses a wrong check digit, a wrong shape, and the impossible remainder 1', () => {
    expect(isValidBusinessId('0112038-8')).toBe(false);
    expect(isValidBusinessId('01120389')).toBe(false);
    expect(isValidBusinessId('112038-9')).toBe(false);
    expect(isValidBusinessId('０１１２０３８-９')).toBe(false);
    // 1000001: 7 + 2 = 9 → 11 − 9 = 2; 0000003: 2·3 = 6 → 5; 0000005: 10 → 1.
    expect(businessIdCheckDigit('1000001')).toBe(2);
    expect(businessIdCheckDigit('0000003')).toBe(5);
    expect(businessIdCheckDigit('0000005')).toBe(1);
    // 0000006: 12 mod 11 = 1: no check digit makes it valid.
    expect(businessIdCheckDigit('0000006')).toBeNull();
    expect(isValidBusinessId('0000006-0')).toBe(false);
    expect(businessIdCheckDigit('0000000')).toBe(0);
  });

  it('pads old six-digit IDs', () => {
    expect(normalizeBusinessId(' 112038-9 ')).toBe('0112038-9');
    expect(isValidBusinessId(normalizeBusinessId('112038-9'))).toBe(true);
  });
});
