/**
 * Letters that Unicode decomposition leaves alone (they are letters of their own, not a letter
 * with a mark), spelled the way an ASCII domain or a search would spell them.
 */
const latinLetters: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
};
const unfoldedLetters = new RegExp(`[${Object.keys(latinLetters).join('')}]`, 'g');

/**
 * Lower case without accents, in any script: "Müller" → "muller", "Łódź" → "lodz",
 * "Straße" → "strasse", "ООО" stays Cyrillic. German ü becomes u, not ue, as NFKD gives it:
 * one rule for every language rather than one per language.
 */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(unfoldedLetters, (letter) => latinLetters[letter] ?? letter);
}

/**
 * How a legal form is compared: folded, letters and digits only, so that "L.L.C.", "Pty. Ltd.",
 * "S.à r.l.", "(Pty) Ltd" and "GmbH & Co. KG" meet their plain spelling.
 */
export function legalFormKey(text: string): string {
  return foldAccents(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Legal forms that a company name can end (or start) with, each also a name Partner Center
 * refuses on its own. Written as people write them; compared by their key. Forms that are also
 * everyday words or initials (Bulgarian AD, Danish I/S, Brazilian ME, Uzbek AJ) are left out:
 * a name like "ME" or "AJ" may be a real one, and "Call Me" must keep its last word.
 */
export const legalForms: readonly string[] = Object.freeze([
  // English-speaking countries, and English forms used everywhere.
  'LLC',
  'L.L.C.',
  'PLLC',
  'LLP',
  'LLLP',
  'LP',
  'Inc',
  'Incorporated',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  'Co Ltd',
  'Co., Limited',
  'Company Limited',
  'Limited Company',
  'Public Company Limited',
  'PCL',
  'Ltd',
  'Limited',
  'Ltd Co',
  'PLC',
  'PC',
  'Pty',
  'Pty Ltd',
  '(Pty) Ltd',
  'Pte',
  'Pte Ltd',
  'Pvt',
  'Pvt Ltd',
  'Private Limited',
  'OPC',
  'NPC',
  'SOC Ltd',
  'CC',
  'Sdn Bhd',
  'Sendirian Berhad',
  'Bhd',
  'Berhad',
  'JSC',
  'OJSC',
  'CJSC',
  'PJSC',
  'WLL',
  'W.L.L.',
  'Co WLL',
  'SPC',
  'FZE',
  'FZCO',
  'FZ-LLC',
  'PSC',
  'QSC',
  'QPSC',
  'BSC',
  'KSCC',
  'SAOG',
  'SAOC',
  // German-speaking countries.
  'GmbH',
  'gGmbH',
  'mbH',
  'GmbH & Co. KG',
  'AG & Co. KG',
  'AG',
  'KG',
  'KGaA',
  'OHG',
  'UG',
  'e.K.',
  'e.V.',
  // French-, Spanish-, Italian- and Portuguese-speaking countries.
  'SA',
  'S.A.',
  'SAS',
  'SASU',
  'SARL',
  'S.à r.l.',
  'EURL',
  'SNC',
  'SCA',
  'SCS',
  'SL',
  'SLU',
  'SRL',
  'SRLS',
  'SpA',
  'SAPA',
  'SA de CV',
  'S. de R.L.',
  'S. de R.L. de C.V.',
  'SAB de CV',
  'SAC',
  'SAA',
  'SAE',
  'Lda',
  'Ltda',
  'EIRELI',
  'MEI',
  // Benelux, the Nordic and Baltic countries.
  'BV',
  'NV',
  'BVBA',
  'VOF',
  'CV',
  'AB',
  'HB',
  'KB',
  'AS',
  'A/S',
  'ASA',
  'ApS',
  'ehf',
  'hf',
  'Oy',
  'Oyj',
  'Ky',
  'OÜ',
  'UAB',
  'SIA',
  // Central and Eastern Europe, the Balkans, Turkey and Greece.
  'Kft',
  'Zrt',
  'Nyrt',
  'Bt',
  'Kkt',
  's.r.o.',
  'spol. s r.o.',
  'a.s.',
  'Sp. z o.o.',
  'S.K.A.',
  'Sp.j.',
  'd.o.o.',
  'd.d.',
  'DOOEL',
  'OOD',
  'EOOD',
  'PFA',
  'A.Ş.',
  'Ltd. Şti.',
  'Şti',
  'ΑΕ',
  'Α.Ε.',
  'ΕΠΕ',
  'ΙΚΕ',
  'ΟΕ',
  'ΕΕ',
  // Russian-, Ukrainian- and Kazakh-speaking countries, in both scripts.
  'ООО',
  'OOO',
  'ЗАО',
  'ZAO',
  'ОАО',
  'OAO',
  'ПАО',
  'PAO',
  'АО',
  'AO',
  'ИП',
  'ТОВ',
  'TOV',
  'ПП',
  'ТОО',
  'TOO',
  'MChJ',
  'МЧЖ',
  // Asia.
  'KK',
  'K.K.',
  'GK',
  'YK',
  'Kabushiki Kaisha',
  'Godo Kaisha',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '(株)',
  '㈱',
  '有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '주식회사',
  '유한회사',
  '(주)',
  '㈜',
  'PT',
  'PT Tbk',
  'Tbk',
  'TNHH',
  'Cong ty',
  'Công ty TNHH',
  'Công ty Cổ phần',
  'บริษัท',
  'จำกัด',
  'บริษัทจำกัด',
  'บจก',
  // The Middle East.
  'ش.م.م',
  'ذ.م.م',
  'ش.م.ع',
  'בע"מ',
]);

const legalFormKeys: ReadonlySet<string> = new Set(legalForms.map(legalFormKey));

/** Whether the text, once its punctuation and spaces are ignored, is nothing but a legal form. */
export function isLegalForm(text: string): boolean {
  const key = legalFormKey(text);
  return key !== '' && legalFormKeys.has(key);
}

/**
 * Forms written before the name ("PT Contoso Indonesia", "UAB Contoso", "OOO Romashka"): only
 * those that are never the start of a name themselves, so "AB InBev" or "AO Smith" keep theirs.
 */
export const leadingLegalForms: readonly string[] = Object.freeze([
  'PT',
  'UAB',
  'SIA',
  'OOO',
  'ZAO',
  'OAO',
  'PAO',
  'TOV',
  'TOO',
  'Cong ty',
  'Cong ty TNHH',
  'Cong ty Co phan',
]);

const leadingLegalFormKeys: ReadonlySet<string> = new Set(leadingLegalForms.map(legalFormKey));

/** Whether the text is a legal form that is written before the company's name. */
export function isLeadingLegalForm(text: string): boolean {
  return leadingLegalFormKeys.has(legalFormKey(text));
}
