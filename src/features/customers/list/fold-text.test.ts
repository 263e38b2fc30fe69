import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, searchTerms } from './fold-text';

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
