import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, searchTerms, toOneByte } from './fold-text';

describe('foldText', () => {
  it.each([
    ['Café Müller', 'cafe muller'],
    ['STRASSE Straße', 'strasse strasse'],
    ['ＣＯＮＴＯＳＯ', 'contoso'],
    ['Łódź Øresund Æbeltoft', 'lodz oresund aebeltoft'],
    ['Ünïcödé\u0301', 'unicode'],
    ['Plain ASCII, Ltd.', 'plain ascii, ltd.'],
  ])('folds %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('takes the ASCII shortcut only where the full fold would give the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        const full = text
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase();
        expect(foldText(text)).toBe(full);
      }),
    );
  });

  it('splits a search into folded words', () => {
    expect(searchTerms('  Rocket   CAFÉ ')).toEqual(['rocket', 'cafe']);
  });
});

describe('toOneByte', () => {
  // Strings weighted towards the characters it spells and the ones it spells them with.
  const tricky = fc.string({
    unit: fc.oneof(
      fc.constantFrom('a', 'b', '\x01', '\x02', '\x80', '\x9f', 'ł', 'Ā', '中', '\ud83d', '\ude00'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
      fc.string({ unit: 'binary', maxLength: 1 }),
    ),
  });

  it('keeps text of one-byte characters as it is', () => {
    expect(toOneByte('café, ltd.')).toBe('café, ltd.');
  });

  it('spells every text with characters up to U+00FF only', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect([...toOneByte(text)].every((char) => char.charCodeAt(0) <= 0xff)).toBe(true);
      }),
    );
  });

  it('finds a term in spelled text exactly where it is in the text', () => {
    fc.assert(
      fc.property(tricky, tricky, tricky, (before, term, after) => {
        for (const text of [before + term + after, before + after]) {
          expect(toOneByte(text).includes(toOneByte(term))).toBe(text.includes(term));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('spells search terms the same way', () => {
    expect(searchTerms('中国 Łódź')).toEqual([toOneByte('中国'), 'lodz']);
  });
});
