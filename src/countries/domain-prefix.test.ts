import { describe, expect, it } from 'vitest';
import {
  MAX_DOMAIN_PREFIX_LENGTH,
  ON_MICROSOFT_SUFFIX,
  domainPrefixProblem,
  initialDomainOf,
  suggestDomainPrefix,
  toDomainPrefix,
} from '@/countries/domain-prefix';

describe('suggestDomainPrefix', () => {
  it.each([
    ['Contoso Ltd', 'contoso'],
    ['Contoso', 'contoso'],
    ['Fabrikam, Inc.', 'fabrikam'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Straße AG', 'strasse'],
    ['Łódź Sp. z o.o.', 'lodz'],
    ['Ærøskøbing ApS', 'aeroskobing'],
    ['Đakovo d.o.o.', 'dakovo'],
    ['Fabrikam Électricité SA', 'fabrikamelectricite'],
    ['Tailspin Toys (Pty) Ltd', 'tailspintoys'],
    ['Northwind Traders Pty. Ltd.', 'northwindtraders'],
    ['Contoso Co., Ltd.', 'contoso'],
    ['Contoso S. de R.L. de C.V.', 'contoso'],
    ['Contoso Sdn. Bhd.', 'contoso'],
    ['Contoso Private Limited', 'contoso'],
    ['Wingtip L.L.C.', 'wingtip'],
    ['PT Contoso Indonesia Tbk', 'contosoindonesia'],
    ['UAB Fabrikam', 'fabrikam'],
    ['OOO Romashka', 'romashka'],
    ['AB InBev', 'abinbev'],
    ['McDonald’s Corporation', 'mcdonalds'],
    ['X.AI Corp', 'xai'],
    ['3M', '3m'],
    ['Co-op Ltd', 'coop'],
    ['Ｃｏｎｔｏｓｏ', 'contoso'],
    ['Contoso 日本 株式会社', 'contoso'],
  ])('%j → %j', (name, prefix) => {
    expect(suggestDomainPrefix(name)).toBe(prefix);
  });

  it.each([
    '株式会社',
    '株式会社テストシステムズ',
    'ООО «Ромашка»',
    'شركة',
    '',
    '   ',
    '!!!',
    'Ltd',
  ])('%j → nothing: the field stays empty', (name) => {
    expect(suggestDomainPrefix(name)).toBe('');
  });

  it('drops a legal form in Latin letters from a name that has no other', () => {
    expect(suggestDomainPrefix('株式会社テスト Co., Ltd.')).toBe('');
  });

  it('cuts a long name at a word boundary', () => {
    const prefix = suggestDomainPrefix('Contoso International Consolidated Holdings Worldwide');
    expect(prefix).toBe('contosointernational');
  });

  it('cuts a single long word at 27 characters', () => {
    expect(suggestDomainPrefix('Supercalifragilisticexpialidocious Ltd')).toBe(
      'supercalifragilisticexpiali',
    );
    expect(MAX_DOMAIN_PREFIX_LENGTH).toBe(27);
  });
});

describe('domainPrefixProblem', () => {
  it.each(['contoso', 'a', '3m', 'a'.repeat(27), 'contoso2024'])('accepts %j', (prefix) => {
    expect(domainPrefixProblem(prefix)).toBeUndefined();
  });

  it.each([
    ['', 'Enter the domain prefix for the new tenant, such as contoso.'],
    ['con-toso', 'A domain prefix can only have letters a–z and digits: remove “-”.'],
    ['con-to.so', 'A domain prefix can only have letters a–z and digits: remove “-” and “.”.'],
    ['café', 'A domain prefix can only have letters a–z and digits: replace “é” with “e”.'],
    [
      'straße-münchen',
      'A domain prefix can only have letters a–z and digits: remove “-” and replace “ß” with “ss” and “ü” with “u”.',
    ],
    ['con toso', 'A domain prefix can only have letters a–z and digits: remove the space.'],
    ['con toso x', 'A domain prefix can only have letters a–z and digits: remove the spaces.'],
    ['con\ttoso', 'A domain prefix can only have letters a–z and digits: remove the tab.'],
    [
      'con\u200Btoso',
      'A domain prefix can only have letters a–z and digits: remove the invisible character U+200B.',
    ],
    ['Contoso', 'A domain prefix is written in lowercase: type “contoso”.'],
    [
      'ÀÉÎÕÜÇÑ',
      'A domain prefix can only have letters a–z and digits: write accented letters without their accents.',
    ],
    [
      'Con-toso',
      'A domain prefix can only have letters a–z and digits: remove “-” and write it in lowercase.',
    ],
    [
      '株式会社テストシステムズ',
      'A domain prefix can only have letters a–z and digits: remove the characters that are not a–z or 0–9, such as “株” and “式”.',
    ],
    ['a'.repeat(31), 'A domain prefix can have at most 27 characters (this one has 31).'],
    [
      `${'a'.repeat(27)}-x`,
      'A domain prefix can only have letters a–z and digits: remove “-”. It can also have at most 27 characters (this one has 29).',
    ],
    [
      'contoso.onmicrosoft.com',
      'Enter only the part before .onmicrosoft.com (“contoso”): it is added for you.',
    ],
    ['.onmicrosoft.com', 'Enter the domain prefix for the new tenant, such as contoso.'],
  ])('%j: %s', (prefix, problem) => {
    expect(domainPrefixProblem(prefix)).toBe(problem);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(domainPrefixProblem('😀'.repeat(28))).toMatch(/\(this one has 28\)\.$/);
  });
});

describe('toDomainPrefix and initialDomainOf', () => {
  it.each([
    ['contoso', 'contoso'],
    [' Contoso ', 'contoso'],
    ['Contoso.OnMicrosoft.com', 'contoso'],
    ['contoso.onmicrosoft.com.onmicrosoft.com', 'contoso.onmicrosoft.com'],
  ])('%j', (value, prefix) => {
    expect(toDomainPrefix(value)).toBe(prefix);
    expect(initialDomainOf(value)).toBe(`${prefix}${ON_MICROSOFT_SUFFIX}`);
  });

  it('adds the suffix once', () => {
    expect(ON_MICROSOFT_SUFFIX).toBe('.onmicrosoft.com');
    expect(initialDomainOf('contoso')).toBe('contoso.onmicrosoft.com');
    expect(initialDomainOf(initialDomainOf('contoso'))).toBe('contoso.onmicrosoft.com');
  });
});
