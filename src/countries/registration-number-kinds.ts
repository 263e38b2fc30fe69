import * as brCnpj from 'stdnum/lib/esm/br/cnpj.js';
import * as byUnp from 'stdnum/lib/esm/by/unp.js';
import * as huAnum from 'stdnum/lib/esm/hu/anum.js';
import * as inPan from 'stdnum/lib/esm/in/pan.js';
import * as mdIdno from 'stdnum/lib/esm/md/idno.js';
import * as plNip from 'stdnum/lib/esm/pl/nip.js';
import * as plRegon from 'stdnum/lib/esm/pl/regon.js';
import * as ruInn from 'stdnum/lib/esm/ru/inn.js';
import * as thIdnr from 'stdnum/lib/esm/th/idnr.js';
import * as thMoa from 'stdnum/lib/esm/th/moa.js';
import * as trTckimlik from 'stdnum/lib/esm/tr/tckimlik.js';
import * as trVkn from 'stdnum/lib/esm/tr/vkn.js';
import * as uaEdrpou from 'stdnum/lib/esm/ua/edrpou.js';
import * as uaRntrc from 'stdnum/lib/esm/ua/rntrc.js';
import * as veRif from 'stdnum/lib/esm/ve/rif.js';
import * as vnMst from 'stdnum/lib/esm/vn/mst.js';
import * as zaTin from 'stdnum/lib/esm/za/tin.js';
import {
  isValidAzVoen,
  isValidGstinCheckCharacter,
  isValidHuTaxNumber,
  isValidKzBinIin,
} from '@/countries/check-digits';

/**
 * One identifier a country accepts (COUNTRY-RULES.md §2–3). `format` and `checkDigits` take the
 * normalised value. The formats of one country's kinds never overlap, so the first kind whose
 * format fits is the one the value is, and its check digits decide.
 */
export interface KindDefinition {
  readonly kind: string;
  readonly name: string;
  readonly localName?: string;
  /** A known-valid number as people write it; a format illustration where none was found. */
  readonly example: string;
  /** A plain sentence for an account manager; messages extend it, so it ends in a full stop. */
  readonly description: string;
  /** The normalised lengths, to tell the user what is off in what they typed. */
  readonly lengths: readonly number[];
  readonly digitsOnly: boolean;
  readonly format: (value: string) => boolean;
  readonly checkDigits?: (value: string) => boolean;
  /** Whether this value carries two check digits, so that the message says "digits". */
  readonly twoCheckDigits?: (value: string) => boolean;
  /** A check letter or digit (GSTIN), so that the message says "character". */
  readonly checkCharacter?: boolean;
}

export interface CountryDefinition {
  /** What the field is called, e.g. 'INN' or 'GSTIN or PAN'. */
  readonly label: string;
  readonly description: string;
  /** Labels people type in front of the number, upper case ("ИНН 7707083893", "NIP: …"). */
  readonly typedLabels: readonly string[];
  readonly kinds: readonly [KindDefinition, ...KindDefinition[]];
  /**
   * Set where no checksum is public and the format is a guess (AM, KG, TJ, UZ): any 5–22
   * letters and digits are accepted, with a warning starting with this when the usual format
   * does not fit.
   */
  readonly usually?: string;
}

/** MM, IQ and SS: nobody knows which identifier Partner Center wants; the 5–22 rule applies. */
export const anyIdentifier = /^[0-9A-Z]{5,22}$/;

function pattern(regex: RegExp): (value: string) => boolean {
  return (value) => regex.test(value);
}

type StdnumModule = { validate(value: string): { isValid: boolean } };

function stdnum(module: StdnumModule): (value: string) => boolean {
  return (value) => module.validate(value).isValid;
}

/** For the four countries with a usual format but no checksum, and the three with neither. */
function formatOnly(
  kind: string,
  name: string,
  localName: string | undefined,
  example: string,
  description: string,
  regex: RegExp,
  lengths: readonly number[],
): KindDefinition {
  return {
    kind,
    name,
    ...(localName ? { localName } : {}),
    example,
    description,
    lengths,
    digitsOnly: regex !== anyIdentifier,
    format: pattern(regex),
  };
}

const am: CountryDefinition = {
  label: 'HVHH',
  description: 'An Armenian HVHH (taxpayer identification number) usually has 8 digits.',
  typedLabels: ['ՀՎՀՀ', 'HVHH', 'TIN'],
  usually: 'An Armenian HVHH usually has 8 digits',
  kinds: [
    // Stripe's format example, not verified as a real number (COUNTRY-RULES.md §2).
    formatOnly(
      'HVHH',
      'Armenian taxpayer identification number',
      'ՀՎՀՀ',
      '02538904',
      'An Armenian HVHH (taxpayer identification number) usually has 8 digits.',
      /^\d{8}$/,
      [8],
    ),
  ],
};

const az: CountryDefinition = {
  label: 'VÖEN',
  description: 'A VÖEN has 10 digits and ends in 1 for a legal person or 2 for a natural person.',
  typedLabels: ['VÖEN', 'VOEN', 'TIN'],
  kinds: [
    {
      kind: 'VÖEN',
      name: 'Azerbaijani taxpayer identification number',
      localName: 'Vergi ödəyicisinin eyniləşdirmə nömrəsi',
      example: '1401555071',
      description:
        'A VÖEN has 10 digits and ends in 1 for a legal person or 2 for a natural person.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^\d{9}[12]$/),
      // Ours: stdnum/az/tin has no checksum at all (see check-digits.ts).
      checkDigits: isValidAzVoen,
    },
  ],
};

const by: CountryDefinition = {
  label: 'UNP',
  description:
    'A UNP has 9 characters: 9 digits starting with 1 to 7 for an organization, or 2 letters and 7 digits for an individual.',
  typedLabels: ['УНП', 'UNP'],
  kinds: [
    {
      kind: 'UNP',
      name: 'Belarusian taxpayer account number',
      localName: 'УНП',
      example: '200988541',
      description:
        'A UNP has 9 characters: 9 digits starting with 1 to 7 for an organization, or 2 letters and 7 digits for an individual.',
      lengths: [9],
      digitsOnly: false,
      // py-stdnum's shape: two digits or two letters in front. stdnum/by/unp alone is looser: it
      // passes region 0, 8 and 9 (`991705588`) and a letter beside a digit (`7A1953689`), and
      // for a letter then a digit it computes with index -1; the format keeps those out.
      format: pattern(/^(?:[1-7]\d|[ABCEHKM][ABCEHKMOPT])\d{7}$/),
      checkDigits: stdnum(byUnp),
    },
  ],
};

const hu: CountryDefinition = {
  label: 'adószám',
  description:
    'An adószám (Hungarian tax number) has 11 digits, written in groups of 8, 1 and 2 with a ninth digit from 1 to 5, or just its first 8 digits.',
  typedLabels: ['KÖZÖSSÉGI ADÓSZÁM', 'ADÓSZÁM', 'ADOSZAM'],
  kinds: [
    {
      kind: 'adószám',
      name: 'Hungarian tax number',
      localName: 'adószám',
      example: '12892312',
      description:
        'An adószám (Hungarian tax number) has 11 digits, written in groups of 8, 1 and 2 with a ninth digit from 1 to 5, or just its first 8 digits.',
      lengths: [8, 11],
      digitsOnly: true,
      format: pattern(/^\d{8}(?:[1-5]\d{2})?$/),
      // stdnum/hu/anum takes only the 8-digit core; the 11-digit form is ours.
      checkDigits: (value) =>
        value.length === 8 ? huAnum.validate(value).isValid : isValidHuTaxNumber(value),
    },
  ],
};

const kzBin: KindDefinition = {
  kind: 'BIN',
  name: 'Kazakh business identification number',
  localName: 'БИН',
  example: '940140000385',
  description:
    'A BIN has 12 digits: the year and month of registration, then 4, 5 or 6 and a digit from 0 to 3.',
  lengths: [12],
  digitsOnly: true,
  // The month check is py-stdnum's kz/bin (`949940000385` is invalid there).
  format: pattern(/^\d{2}(?:0[1-9]|1[0-2])[4-6][0-3]\d{6}$/),
  checkDigits: isValidKzBinIin,
};

const kzIin: KindDefinition = {
  kind: 'IIN',
  name: 'Kazakh individual identification number',
  localName: 'ИИН',
  example: '791028302728',
  description: "An IIN has 12 digits and starts with the holder's date of birth.",
  lengths: [12],
  digitsOnly: true,
  // YYMMDD, then the century-and-sex digit. A BIN's fifth digit (4–6) is never a day's first.
  format: pattern(/^\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[0-6]\d{5}$/),
  checkDigits: isValidKzBinIin,
};

const kz: CountryDefinition = {
  label: 'BIN or IIN',
  description:
    "A BIN has 12 digits, the fifth of them 4, 5 or 6; a sole trader's IIN also has 12 digits and starts with the date of birth.",
  typedLabels: ['БИН', 'BIN', 'БСН', 'BSN', 'ИИН', 'IIN', 'ЖСН'],
  kinds: [kzBin, kzIin],
};

const kg: CountryDefinition = {
  label: 'INN',
  description: 'A Kyrgyz INN usually has 14 digits.',
  typedLabels: ['ИНН', 'INN', 'TIN'],
  usually: 'A Kyrgyz INN usually has 14 digits',
  kinds: [
    // ГП «Спецсвязь», Bishkek, from its public contact page (alesunix/Web-sites).
    formatOnly(
      'INN',
      'Kyrgyz taxpayer identification number',
      'ИНН',
      '03003199410053',
      'A Kyrgyz INN usually has 14 digits.',
      /^\d{14}$/,
      [14],
    ),
  ],
};

const md: CountryDefinition = {
  label: 'IDNO',
  description: 'An IDNO (fiscal code) has 13 digits.',
  typedLabels: ['IDNO', 'COD FISCAL'],
  kinds: [
    {
      kind: 'IDNO',
      name: 'Moldovan state identification number',
      localName: 'IDNO',
      example: '1008600038413',
      description: 'An IDNO (fiscal code) has 13 digits.',
      lengths: [13],
      digitsOnly: true,
      format: pattern(/^\d{13}$/),
      checkDigits: stdnum(mdIdno),
    },
  ],
};

const ru: CountryDefinition = {
  label: 'INN',
  description: 'An INN has 10 digits for an organization (12 for an individual entrepreneur).',
  typedLabels: ['ИНН', 'INN'],
  kinds: [
    {
      kind: 'INN',
      name: 'Russian taxpayer identification number',
      localName: 'ИНН',
      example: '0273074555',
      description: 'An INN has 10 digits for an organization (12 for an individual entrepreneur).',
      lengths: [10, 12],
      digitsOnly: true,
      format: pattern(/^(?:\d{10}|\d{12})$/),
      checkDigits: stdnum(ruInn),
      twoCheckDigits: (value) => value.length === 12,
    },
  ],
};

const tj: CountryDefinition = {
  label: 'INN',
  description: 'A Tajik INN usually has 9 digits.',
  typedLabels: ['ИНН', 'INN', 'РМА', 'RMA', 'TIN'],
  usually: 'A Tajik INN usually has 9 digits',
  kinds: [
    // No real number found: a format illustration.
    formatOnly(
      'INN',
      'Tajik taxpayer identification number',
      'РМА',
      '123456789',
      'A Tajik INN usually has 9 digits.',
      /^\d{9}$/,
      [9],
    ),
  ],
};

const uz: CountryDefinition = {
  label: 'STIR',
  description: 'An Uzbek STIR (INN) usually has 9 digits.',
  typedLabels: ['СТИР', 'STIR', 'ИНН', 'INN', 'TIN'],
  usually: 'An Uzbek STIR usually has 9 digits',
  kinds: [
    // The seller's TIN in a public e-invoice (COUNTRY-RULES.md §2).
    formatOnly(
      'STIR',
      'Uzbek taxpayer identification number',
      'СТИР',
      '306180825',
      'An Uzbek STIR (INN) usually has 9 digits.',
      /^\d{9}$/,
      [9],
    ),
  ],
};

const ua: CountryDefinition = {
  label: 'EDRPOU, RNOKPP or IPN',
  description:
    "An EDRPOU code has 8 digits; a sole trader's RNOKPP has 10 and a VAT number (IPN) 12.",
  typedLabels: ['КОД ЄДРПОУ', 'ЄДРПОУ', 'ЕДРПОУ', 'EDRPOU', 'РНОКПП', 'RNOKPP', 'ІПН', 'IPN'],
  kinds: [
    {
      kind: 'EDRPOU',
      name: 'Ukrainian company registration code',
      localName: 'ЄДРПОУ',
      example: '32855961',
      description: 'An EDRPOU code has 8 digits.',
      lengths: [8],
      digitsOnly: true,
      format: pattern(/^\d{8}$/),
      checkDigits: stdnum(uaEdrpou),
    },
    {
      kind: 'RNOKPP',
      name: 'Ukrainian individual taxpayer number',
      localName: 'РНОКПП',
      example: '1759013776',
      description: 'An RNOKPP has 10 digits.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^\d{10}$/),
      checkDigits: stdnum(uaRntrc),
    },
    {
      kind: 'IPN',
      name: 'Ukrainian VAT number',
      localName: 'ІПН',
      // No real number found: a format illustration.
      example: '123456789012',
      description: 'A VAT number (IPN) has 12 digits.',
      lengths: [12],
      digitsOnly: true,
      format: pattern(/^\d{12}$/),
    },
  ],
};

const inGst: KindDefinition = {
  kind: 'GSTIN',
  name: 'Indian GST identification number',
  example: '27AAPFU0939F1ZV',
  description:
    "A GSTIN has 15 characters: a 2-digit state code, the company's 10-character PAN, a registration count, Z and a check character.",
  lengths: [15],
  digitsOnly: false,
  // State codes 01–38 (Ladakh's 38 since 2020) and 97 (other territory), a valid PAN, 13th not
  // 0, 14th Z: a value fitting this format can fail only on its check character.
  format: (value) =>
    /^(?:0[1-9]|[12]\d|3[0-8]|97)[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(value) &&
    inPan.validate(value.slice(2, 12)).isValid,
  checkDigits: isValidGstinCheckCharacter,
  checkCharacter: true,
};

const inPanKind: KindDefinition = {
  kind: 'PAN',
  name: 'Indian permanent account number',
  example: 'AAKFD7113K',
  description: 'A PAN has 10 characters: 5 letters, 4 digits and a letter.',
  lengths: [10],
  digitsOnly: false,
  // The fourth letter is the holder type; stdnum also knows K (Krish), which the
  // COUNTRY-RULES regex leaves out and python-stdnum includes. No check letter is published.
  format: stdnum(inPan),
};

const india: CountryDefinition = {
  label: 'GSTIN or PAN',
  description:
    'A GSTIN has 15 characters (a 2-digit state code, then the 10-character PAN and 3 more); a PAN has 10: 5 letters, 4 digits and a letter.',
  typedLabels: ['GSTIN', 'GST', 'PAN'],
  kinds: [inGst, inPanKind],
};

const br: CountryDefinition = {
  label: 'CNPJ',
  description:
    'A CNPJ has 14 characters: 12 digits (or, from July 2026, letters) and 2 check digits.',
  typedLabels: ['CNPJ'],
  kinds: [
    {
      kind: 'CNPJ',
      name: 'Brazilian company registration number',
      localName: 'Cadastro Nacional da Pessoa Jurídica',
      example: '16.727.230/0001-97',
      description:
        'A CNPJ has 14 characters: 12 digits (or, from July 2026, letters) and 2 check digits.',
      lengths: [14],
      digitsOnly: false,
      format: pattern(/^[0-9A-Z]{12}\d{2}$/),
      checkDigits: stdnum(brCnpj),
      twoCheckDigits: () => true,
    },
  ],
};

const za: CountryDefinition = {
  label: 'CIPC number, tax reference number or VAT number',
  description:
    'A CIPC number (company registration number) is written year/6 digits/2 digits; an income tax reference number has 10 digits starting with 0, 1, 2, 3 or 9, and a VAT number 10 digits starting with 4.',
  typedLabels: ['CIPC', 'VAT', 'TIN'],
  kinds: [
    {
      kind: 'CIPC number',
      name: 'South African company registration number',
      example: '2020/518288/03',
      description: 'A CIPC number (company registration number) is written year/6 digits/2 digits.',
      lengths: [14],
      digitsOnly: false,
      format: pattern(/^(?:18|19|20)\d{2}\/\d{6}\/\d{2}$/),
    },
    {
      kind: 'tax reference number',
      name: 'South African income tax reference number',
      example: '0001339050',
      description: 'An income tax reference number has 10 digits starting with 0, 1, 2, 3 or 9.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^[01239]\d{9}$/),
      checkDigits: stdnum(zaTin),
    },
    {
      kind: 'VAT number',
      name: 'South African VAT number',
      // No real number found: the format illustration of stdnum's tests.
      example: '4999999999',
      description: 'A VAT number has 10 digits starting with 4.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^4\d{9}$/),
    },
  ],
};

const pl: CountryDefinition = {
  label: 'NIP, REGON or KRS',
  description:
    'A NIP has 10 digits and does not start with 0; a REGON has 9 or 14 digits, and a KRS number 10 digits starting with 000.',
  typedLabels: ['NIP', 'REGON', 'KRS'],
  kinds: [
    {
      kind: 'NIP',
      name: 'Polish tax identification number',
      localName: 'Numer Identyfikacji Podatkowej',
      example: '856-734-62-15',
      description: 'A NIP has 10 digits and does not start with 0.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^[1-9]\d{9}$/),
      checkDigits: stdnum(plNip),
    },
    {
      kind: 'REGON',
      name: 'Polish statistical business number',
      localName: 'REGON',
      example: '192598184',
      description: 'A REGON has 9 digits (14 for a local unit).',
      lengths: [9, 14],
      digitsOnly: true,
      format: pattern(/^\d{9}(?:\d{5})?$/),
      checkDigits: stdnum(plRegon),
      twoCheckDigits: (value) => value.length === 14,
    },
    {
      kind: 'KRS',
      name: 'Polish National Court Register number',
      localName: 'Krajowy Rejestr Sądowy',
      // PKN Orlen's KRS number; KRS numbers have no check digit.
      example: '0000028860',
      description: 'A KRS number has 10 digits starting with 000.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^000\d{7}$/),
    },
  ],
};

const ae: CountryDefinition = {
  label: 'TRN',
  description: 'A TRN (tax registration number) has 15 digits starting with 100.',
  typedLabels: ['TRN'],
  kinds: [
    {
      kind: 'TRN',
      name: 'UAE tax registration number',
      example: '100495966200003',
      description: 'A TRN (tax registration number) has 15 digits starting with 100.',
      lengths: [15],
      digitsOnly: true,
      format: pattern(/^100\d{12}$/),
    },
  ],
};

const sa: CountryDefinition = {
  label: 'VAT number or CR number',
  description:
    'A VAT number has 15 digits and starts and ends with 3; a CR number (commercial registration) has 10 digits.',
  typedLabels: ['VAT', 'CRN', 'CR'],
  kinds: [
    {
      kind: 'VAT number',
      name: 'Saudi VAT registration number',
      example: '399999999900003',
      description: 'A VAT number has 15 digits and starts and ends with 3.',
      lengths: [15],
      digitsOnly: true,
      format: pattern(/^3\d{13}3$/),
    },
    {
      kind: 'CR number',
      name: 'Saudi commercial registration number',
      example: '1010010000',
      description: 'A CR number (commercial registration) has 10 digits.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^\d{10}$/),
    },
  ],
};

const tr: CountryDefinition = {
  label: 'VKN or TCKN',
  description: "A VKN (tax number) has 10 digits; a sole trader's TCKN has 11.",
  typedLabels: [
    'VKN',
    'TCKN',
    'VERGİ',
    'VERGI',
    'T.C. KİMLİK',
    'T.C. KIMLIK',
    'TC KİMLİK',
    'TC KIMLIK',
  ],
  kinds: [
    {
      kind: 'VKN',
      name: 'Turkish tax identification number',
      localName: 'Vergi Kimlik Numarası',
      example: '4540536920',
      description: 'A VKN (tax number) has 10 digits.',
      lengths: [10],
      digitsOnly: true,
      format: pattern(/^\d{10}$/),
      checkDigits: stdnum(trVkn),
    },
    {
      kind: 'TCKN',
      name: 'Turkish personal identification number',
      localName: 'T.C. Kimlik Numarası',
      example: '17291716060',
      description: 'A TCKN has 11 digits and does not start with 0.',
      lengths: [11],
      digitsOnly: true,
      format: pattern(/^[1-9]\d{10}$/),
      checkDigits: stdnum(trTckimlik),
      twoCheckDigits: () => true,
    },
  ],
};

const th: CountryDefinition = {
  label: 'TIN',
  description: "A Thai TIN has 13 digits; a company's starts with 0.",
  typedLabels: ['TIN', 'TAX ID'],
  kinds: [
    {
      kind: 'TIN',
      name: 'Thai taxpayer identification number',
      localName: 'เลขประจำตัวผู้เสียภาษีอากร',
      example: '0994000617721',
      description: "A Thai TIN has 13 digits; a company's starts with 0.",
      lengths: [13],
      digitsOnly: true,
      // stdnum/th/tin is a company number (th/moa, first digit 0) or a personal one (th/idnr,
      // 1–8); picking the one that applies spares th/tin's failed first try, which costs an Error.
      format: pattern(/^[0-8]\d{12}$/),
      checkDigits: (value) => (value.startsWith('0') ? thMoa : thIdnr).validate(value).isValid,
    },
  ],
};

const vn: CountryDefinition = {
  label: 'MST',
  description: 'An MST has 10 digits, followed by 3 more for a branch.',
  typedLabels: ['MÃ SỐ THUẾ', 'MST'],
  kinds: [
    {
      kind: 'MST',
      name: 'Vietnamese tax code',
      localName: 'Mã số thuế',
      example: '0100233488',
      description: 'An MST has 10 digits, followed by 3 more for a branch.',
      lengths: [10, 13],
      digitsOnly: true,
      // stdnum/vn/mst's components: province not 00, sequence not 0000000, branch not 000.
      format: (value) => /^(?!00)\d{2}(?!0{7})\d{8}(?:(?!000)\d{3})?$/.test(value),
      checkDigits: stdnum(vnMst),
    },
  ],
};

function unknownTin(country: string, inCountry: string): CountryDefinition {
  const description = `A TIN ${inCountry} has 5 to 22 letters and digits.`;
  return {
    label: 'TIN',
    description,
    typedLabels: ['TIN'],
    kinds: [
      // No format is known, so no real number was looked for: a format illustration.
      formatOnly(
        'TIN',
        `${country} taxpayer identification number`,
        undefined,
        '123456789',
        description,
        anyIdentifier,
        [],
      ),
    ],
  };
}

const ve: CountryDefinition = {
  label: 'RIF',
  description: 'A RIF is a letter (J, G, V, E or P) followed by 9 digits.',
  typedLabels: ['RIF'],
  kinds: [
    {
      kind: 'RIF',
      name: 'Venezuelan fiscal information registry number',
      localName: 'Registro Único de Información Fiscal',
      example: 'J-00004793-6',
      description: 'A RIF is a letter (J, G, V, E or P) followed by 9 digits.',
      lengths: [10],
      digitsOnly: false,
      format: pattern(/^[VEJPG]\d{9}$/),
      checkDigits: stdnum(veRif),
    },
  ],
};

/** The 24 countries where Partner Center requires `organizationRegistrationNumber`. */
export const registrationNumberDefinitions: Readonly<Record<string, CountryDefinition>> = {
  AM: am,
  AZ: az,
  BY: by,
  HU: hu,
  KZ: kz,
  KG: kg,
  MD: md,
  RU: ru,
  TJ: tj,
  UZ: uz,
  UA: ua,
  IN: india,
  BR: br,
  ZA: za,
  PL: pl,
  AE: ae,
  SA: sa,
  TR: tr,
  TH: th,
  VN: vn,
  MM: unknownTin('Myanmar', 'from Myanmar'),
  IQ: unknownTin('Iraqi', 'from Iraq'),
  SS: unknownTin('South Sudanese', 'from South Sudan'),
  VE: ve,
};
