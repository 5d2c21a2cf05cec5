import { describe, expect, it } from 'vitest';
import { placeName } from './place-names';

describe('place names in the reader’s official language', () => {
  it('writes Borgå on a Swedish page and Porvoo on a Finnish one, whichever was entered', () => {
    expect(placeName('Porvoo', 'sv')).toBe('Borgå');
    expect(placeName('Borgå', 'sv')).toBe('Borgå');
    expect(placeName('Borgå', 'fi')).toBe('Porvoo');
    expect(placeName('Pargas', 'fi')).toBe('Parainen');
    expect(placeName('Turku', 'sv')).toBe('Åbo');
  });

  it('matches regardless of case and spaces around it', () => {
    expect(placeName(' porvoo ', 'sv')).toBe('Borgå');
    expect(placeName('HELSINGFORS', 'fi')).toBe('Helsinki');
  });

  it('keeps the name as entered in other languages and for places without a pair', () => {
    expect(placeName('Porvoo', 'en')).toBe('Porvoo');
    expect(placeName('Borgå', 'ar')).toBe('Borgå');
    expect(placeName('Jyväskylä', 'sv')).toBe('Jyväskylä');
    expect(placeName('Joensuu', 'fi')).toBe('Joensuu');
  });
});
