import { describe, expect, it } from 'vitest';
import {
  foldAccents,
  isLeadingLegalForm,
  isLegalForm,
  leadingLegalForms,
  legalFormKey,
  legalForms,
} from '@/countries/legal-forms';

describe('foldAccents', () => {
  it.each([
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['Ærø', 'aero'],
    ['Œuvre', 'oeuvre'],
    ['Đorđević', 'dordevic'],
    ['Þór', 'thor'],
    ['İstanbul', 'istanbul'],
    ['Ｃｏｎｔｏｓｏ', 'contoso'],
    ['ООО', 'ооо'],
  ])('%s → %s', (text, folded) => {
    expect(foldAccents(text)).toBe(folded);
  });
});

describe('legalFormKey', () => {
  it.each([
    ['L.L.C.', 'llc'],
    ['Pty. Ltd.', 'ptyltd'],
    ['(Pty) Ltd', 'ptyltd'],
    ['S.à r.l.', 'sarl'],
    ['GmbH & Co. KG', 'gmbhcokg'],
    ['Sp. z o.o.', 'spzoo'],
    ['A.Ş.', 'as'],
  ])('%s → %s', (text, key) => {
    expect(legalFormKey(text)).toBe(key);
  });
});

describe('isLegalForm', () => {
  it('knows every form Partner Center names, and the usual others', () => {
    const named = ['llc', 'inc', 'ltd', 'gmbh', 'pty ltd', 'sdn bhd', 'ooo', 'kft', 'zrt', 'sarl'];
    const others = ['lda', 'wll', 'plc', 'ag', 'sa', 'srl', 'bv', 'nv', 'ab', 'as', 'oy', 'spa'];
    const more = ['kk', 'co', 'corp', 'corporation', 'limited', 'company', 'llp', 'lp'];
    const still = ['pvt ltd', 'private limited', 'sas', 'sro', 's.r.o', 'oü', 'zao', 'pao'];
    const last = ['ltda', 'eireli', 'ООО', '株式会社', '有限公司', '주식회사'];
    for (const form of [...named, ...others, ...more, ...still, ...last]) {
      expect(isLegalForm(form), form).toBe(true);
    }
  });

  it('every listed form is one, and none is empty once compared', () => {
    for (const form of legalForms) {
      expect(legalFormKey(form), form).not.toBe('');
      expect(isLegalForm(form), form).toBe(true);
    }
  });

  it.each(['Contoso', 'Contoso Ltd', '3M', 'Ltd Ltd', '', '...', 'AJ', 'ME'])(
    'is not fooled by %j',
    (text) => {
      expect(isLegalForm(text)).toBe(false);
    },
  );
});

describe('isLeadingLegalForm', () => {
  it('knows the forms written before a name, each also a legal form', () => {
    for (const form of leadingLegalForms) {
      expect(isLeadingLegalForm(form), form).toBe(true);
      expect(isLegalForm(form), form).toBe(true);
    }
  });

  it.each(['AB', 'AO', 'Ltd', 'Contoso'])('does not take %s for one', (text) => {
    expect(isLeadingLegalForm(text)).toBe(false);
  });
});
