import { describe, expect, it } from 'vitest';
import { pickText, pickTextOr } from './pick-text';

describe('pickText', () => {
  it('returns the wanted language when present', () => {
    expect(pickText({ sv: 'Språkcafé', fi: 'Kielikahvila' }, 'fi', ['sv', 'fi'])).toEqual({
      text: 'Kielikahvila',
      lang: 'fi',
      fallback: false,
    });
  });

  it('falls back through the municipality languages in order, then English', () => {
    const texts = { fi: 'Kielikahvila', sv: 'Språkcafé', en: 'Language café' };
    expect(pickText(texts, 'ar', ['sv', 'fi'])).toEqual({
      text: 'Språkcafé',
      lang: 'sv',
      fallback: true,
    });
    expect(pickText({ en: 'Language café', ru: 'x' }, 'ar', ['sv', 'fi'])).toMatchObject({
      lang: 'en',
    });
  });

  it('treats empty and whitespace-only texts as missing', () => {
    expect(pickText({ ar: '  ', sv: '', fi: 'Kielikahvila' }, 'ar', ['sv', 'fi'])).toMatchObject({
      lang: 'fi',
      fallback: true,
    });
  });

  it('uses any other language in sorted key order as a last resort, and null when none', () => {
    expect(pickText({ uk: 'Мовне кафе', so: 'Kafee luqadeed' }, 'sv', ['sv', 'fi'])).toMatchObject({
      lang: 'so',
    });
    expect(pickText({ sv: ' ' }, 'sv', ['fi'])).toBeNull();
    expect(pickText({}, 'sv', [])).toBeNull();
  });

  it('pickTextOr returns the default in the wanted language when nothing is written', () => {
    expect(pickTextOr({}, 'fi', ['sv'], 'Nimetön')).toEqual({
      text: 'Nimetön',
      lang: 'fi',
      fallback: false,
    });
    expect(pickTextOr({ sv: 'Bazar' }, 'fi', ['sv'], 'Nimetön')).toMatchObject({
      text: 'Bazar',
      fallback: true,
    });
  });
});
