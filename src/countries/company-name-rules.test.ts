import { describe, expect, it } from 'vitest';
import { COMPANY_NAME_GUIDANCE, checkCompanyName } from '@/countries/company-name-rules';

const MAKE_SURE =
  'make sure the company name is correct, since Partner Center uses it to approve the account.';

describe('checkCompanyName: refused', () => {
  it.each([
    ['', 'Enter the company’s legal name.'],
    ['   ', 'The company name is only spaces or tabs: enter the company’s legal name.'],
    ['\t \t', 'The company name is only spaces or tabs: enter the company’s legal name.'],
    ['\u200B\u00A0', 'The company name is only spaces or tabs: enter the company’s legal name.'],
    [
      'A',
      'A company name needs more than one letter or digit: enter the company’s full legal name as it appears in its official documents.',
    ],
    [
      ' 7 ',
      'A company name needs more than one letter or digit: enter the company’s full legal name as it appears in its official documents.',
    ],
    [
      'A.',
      'A company name needs more than one letter or digit: enter the company’s full legal name as it appears in its official documents.',
    ],
    [
      '!!!',
      'The company name has no letters or digits: enter the company’s legal name as it appears in its official documents.',
    ],
    [
      '- & -',
      'The company name has no letters or digits: enter the company’s legal name as it appears in its official documents.',
    ],
    [
      '😀😀',
      'The company name has no letters or digits: enter the company’s legal name as it appears in its official documents.',
    ],
    [
      'L.L.C.',
      '“L.L.C.” is only a legal form, not a name: enter the company’s full legal name as it appears in its official documents.',
    ],
  ])('%j', (name, refusal) => {
    expect(checkCompanyName(name)).toEqual({ refusal, warnings: [] });
  });

  it.each([
    'llc',
    'LLC',
    'Inc.',
    'ltd',
    'GmbH',
    'Pty Ltd',
    'Pty. Ltd.',
    '(Pty) Ltd',
    'Sdn. Bhd.',
    'OOO',
    'ООО',
    'Kft.',
    'Zrt.',
    'SARL',
    'S.à r.l.',
    'Lda',
    'W.L.L.',
    'plc',
    'S.A.',
    'S.r.l.',
    'B.V.',
    'A/S',
    'Oy',
    'S.p.A.',
    'K.K.',
    'Co.',
    'Co., Ltd.',
    'Corp.',
    'Corporation',
    'Limited',
    'Company',
    'LLP',
    'Pvt. Ltd.',
    'Private Limited',
    'SAS',
    's.r.o',
    'OÜ',
    'ZAO',
    'PAO',
    'Ltda.',
    'EIRELI',
    'GmbH & Co. KG',
    'Sp. z o.o.',
    '株式会社',
    '有限公司',
    '주식회사',
  ])('a bare legal form: %j', (name) => {
    expect(checkCompanyName(name)).toEqual({
      refusal: `“${name}” is only a legal form, not a name: enter the company’s full legal name as it appears in its official documents.`,
      warnings: [],
    });
  });

  it('quotes the name trimmed', () => {
    expect(checkCompanyName('  Ltd  ').refusal).toMatch(/^“Ltd” is only a legal form/);
  });
});

describe('checkCompanyName: accepted', () => {
  it.each([
    'Contoso Ltd',
    'Café Ltd',
    '株式会社テストシステムズ',
    'ООО «Ромашка»',
    'OOO Romashka',
    '3M',
    'X.AI Corp',
    'Müller GmbH & Co. KG',
    'J. P. Morgan Chase & Co.',
    'AB InBev',
    'Contoso S.A. de C.V.',
    'Fabrikam, Inc.',
    'Tailspin Toys (Pty) Ltd',
    'LG',
    'Ltd Ltd',
    'شركة كونتوسو ذ.م.م',
  ])('%j, with no warning', (name) => {
    expect(checkCompanyName(name)).toEqual({ warnings: [] });
  });
});

describe('checkCompanyName: warnings only', () => {
  it.each([
    ['Contoso.com', '.com'],
    ['contoso.org', '.org'],
    ['Contoso.NET Ltd', '.net'],
    ['Fabrikam.io', '.io'],
    ['Contoso.co.uk Ltd', '.co.uk'],
    ['Contoso.com.au Pty Ltd', '.com.au'],
    ['Contoso .com', '.com'],
    ['www.contoso.com', 'www.'],
    ['https://contoso.com', 'https://'],
  ])('%j looks like a web address', (name, shown) => {
    expect(checkCompanyName(name)).toEqual({
      warnings: [`The company name looks like a web address (“${shown}”): ${MAKE_SURE}`],
    });
  });

  it.each(['X.AI Corp', 'Contoso S.A.de C.V.', 'Contoso Co.', 'Dot Communications'])(
    '%j does not look like a web address',
    (name) => {
      expect(checkCompanyName(name)).toEqual({ warnings: [] });
    },
  );

  it.each([
    ['999', '999'],
    ['aaa', 'aaa'],
    ['XXXX Ltd', 'XXXX'],
    ['Contoso (111)', '111'],
    // A Roman numeral is one too: a warning, which the user can confirm, not a refusal.
    ['Northwind Traders III', 'III'],
  ])('%j has one character repeated', (name, repeated) => {
    expect(checkCompanyName(name)).toEqual({
      warnings: [`“${repeated}” is one character repeated: ${MAKE_SURE}`],
    });
  });

  it.each(['99', 'Aab', 'ООО «Ромашка»', 'OOO Romashka'])(
    '%j is not a repeated character',
    (name) => {
      expect(checkCompanyName(name)).toEqual({ warnings: [] });
    },
  );

  it.each([
    ['1 2 3', '1 2 3'],
    ['a b c', 'a b c'],
    ['x\ty', 'x y'],
    ['A B C Ltd', 'A B C'],
    ['Contoso 1 2 3', '1 2 3'],
  ])('%j has single characters separated by spaces', (name, shown) => {
    expect(checkCompanyName(name)).toEqual({
      warnings: [`“${shown}” is single characters separated by spaces: ${MAKE_SURE}`],
    });
  });

  it.each(['J. P. Morgan', 'A & B Ltd', 'Contoso A B', 'Plan B'])(
    '%j is not single characters separated by spaces',
    (name) => {
      expect(checkCompanyName(name)).toEqual({ warnings: [] });
    },
  );

  it('gives every warning that applies', () => {
    expect(checkCompanyName('999 a b c contoso.com').warnings).toHaveLength(3);
  });
});

describe('COMPANY_NAME_GUIDANCE', () => {
  it('asks for the exact legal name, no acronyms and no test names', () => {
    expect(COMPANY_NAME_GUIDANCE).toMatch(/exact legal name/);
    expect(COMPANY_NAME_GUIDANCE).toMatch(/official documents/);
    expect(COMPANY_NAME_GUIDANCE).toMatch(/acronyms/);
    expect(COMPANY_NAME_GUIDANCE).toMatch(/test names/);
  });
});
