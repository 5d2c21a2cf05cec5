import { describe, expect, it } from 'vitest';
import { PICTOGRAMS, PICTOGRAM_SYMBOLS, categoryText } from './limits';

const graphemes = (s: string) => [
  ...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s),
];

describe('pictograms as text', () => {
  it('gives every pictogram one distinct emoji, drawn in colour', () => {
    expect(Object.keys(PICTOGRAM_SYMBOLS).sort()).toEqual([...PICTOGRAMS].sort());
    const symbols = Object.values(PICTOGRAM_SYMBOLS);
    expect(new Set(symbols).size).toBe(PICTOGRAMS.length);
    for (const symbol of symbols) {
      expect(graphemes(symbol)).toHaveLength(1);
      expect(symbol).toMatch(/^\p{Emoji_Presentation}$|^\p{Emoji}\uFE0F$/u);
    }
  });

  it('leads a category name with its pictogram, and an unknown one with none', () => {
    expect(categoryText('language-cafe', 'Kielikahvila')).toBe('💬 Kielikahvila');
    expect(categoryText('peace-cafe', 'مقهى السلام')).toBe('☮️ مقهى السلام');
    expect(categoryText('a-newer-one', 'Sport')).toBe('Sport');
  });
});
