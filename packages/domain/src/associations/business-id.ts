/**
 * Finnish business ID (Y-tunnus / FO-nummer): seven digits, a hyphen and a check digit.
 * The check digit is 11 − (Σ digitᵢ·weightᵢ mod 11) with weights 7 9 10 5 8 4 2, or 0 when
 * the remainder is 0; a remainder of 1 gives no valid ID (PRH / Verohallinto).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export function businessIdCheckDigit(first7: string): number | null {
  if (!/^\d{7}$/.test(first7)) return null;
  const sum = [...first7].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Accepts `1234567-8`; old six-digit IDs are written with a leading zero (`0123456-7`). */
export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  return businessIdCheckDigit(match[1]!) === Number(match[2]);
}

/** Trims, and pads an old six-digit ID ("123456-7" → "0123456-7"). */
export const normalizeBusinessId = (value: string): string => {
  const trimmed = value.trim();
  return /^\d{6}-\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
};
