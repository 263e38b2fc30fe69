import { countryName } from './country-names.ts';
import { phoneNumberRequired, phoneNumberWirePattern } from './phones.ts';
import { registrationNumberPattern } from './registration-numbers.ts';

export { countryName };

/**
 * The wire shape of `GET /v1/countryvalidationrules/{iso2}` (SDK `CountryValidationRules.cs`),
 * camelCase as Partner Center answers. The last four fields are the emulator's documented
 * extras: Partner Center states the registration and phone rules only in its docs and errors.
 */
export interface CountryValidationRules {
  iso2Code: string;
  defaultCulture: string;
  isStateRequired: boolean;
  supportedStatesList: string[];
  supportedLanguagesList: string[];
  supportedCulturesList: string[];
  isPostalCodeRequired: boolean;
  postalCodeRegex: string;
  isCityRequired: boolean;
  isVatIdSupported: boolean;
  phoneNumberRegex: string;
  isPhoneNumberRequired: boolean;
  isRegistrationNumberRequired: boolean;
  registrationNumberRegex: string;
}

/** The 50 states and the District of Columbia, as USPS codes (Partner Center's docs use WA). */
// prettier-ignore
const usStates = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM',
  'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY',
];

/** Ten provinces and three territories, as Canada Post codes. */
// prettier-ignore
const caProvinces = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];

/** The 26 states and the Federal District, as the two-letter UF codes Brazilian addresses use. */
// prettier-ignore
const brStates = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR',
  'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
];

/** 28 states and 8 union territories (after the 2019 and 2020 reorganisations). */
const inStates = [
  'Andaman and Nicobar Islands',
  'Andhra Pradesh',
  'Arunachal Pradesh',
  'Assam',
  'Bihar',
  'Chandigarh',
  'Chhattisgarh',
  'Dadra and Nagar Haveli and Daman and Diu',
  'Delhi',
  'Goa',
  'Gujarat',
  'Haryana',
  'Himachal Pradesh',
  'Jammu and Kashmir',
  'Jharkhand',
  'Karnataka',
  'Kerala',
  'Ladakh',
  'Lakshadweep',
  'Madhya Pradesh',
  'Maharashtra',
  'Manipur',
  'Meghalaya',
  'Mizoram',
  'Nagaland',
  'Odisha',
  'Puducherry',
  'Punjab',
  'Rajasthan',
  'Sikkim',
  'Tamil Nadu',
  'Telangana',
  'Tripura',
  'Uttar Pradesh',
  'Uttarakhand',
  'West Bengal',
];

/** 31 states and Mexico City. */
const mxStates = [
  'Aguascalientes',
  'Baja California',
  'Baja California Sur',
  'Campeche',
  'Chiapas',
  'Chihuahua',
  'Ciudad de México',
  'Coahuila',
  'Colima',
  'Durango',
  'Estado de México',
  'Guanajuato',
  'Guerrero',
  'Hidalgo',
  'Jalisco',
  'Michoacán',
  'Morelos',
  'Nayarit',
  'Nuevo León',
  'Oaxaca',
  'Puebla',
  'Querétaro',
  'Quintana Roo',
  'San Luis Potosí',
  'Sinaloa',
  'Sonora',
  'Tabasco',
  'Tamaulipas',
  'Tlaxcala',
  'Veracruz',
  'Yucatán',
  'Zacatecas',
];

/**
 * Mainland China's 22 provinces, 5 autonomous regions and 4 municipalities, in pinyin. Hong
 * Kong, Macao and Taiwan are countries of their own in Partner Center.
 */
const cnProvinces = [
  'Anhui',
  'Beijing',
  'Chongqing',
  'Fujian',
  'Gansu',
  'Guangdong',
  'Guangxi',
  'Guizhou',
  'Hainan',
  'Hebei',
  'Heilongjiang',
  'Henan',
  'Hubei',
  'Hunan',
  'Inner Mongolia',
  'Jiangsu',
  'Jiangxi',
  'Jilin',
  'Liaoning',
  'Ningxia',
  'Qinghai',
  'Shaanxi',
  'Shandong',
  'Shanghai',
  'Shanxi',
  'Sichuan',
  'Tianjin',
  'Tibet',
  'Xinjiang',
  'Yunnan',
  'Zhejiang',
];

/** Six states and two territories, as Australia Post abbreviates them. */
const auStates = ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'];

/** The 47 prefectures, in Hepburn romanisation without the -to/-fu/-ken suffix. */
const jpPrefectures = [
  'Hokkaido',
  'Aomori',
  'Iwate',
  'Miyagi',
  'Akita',
  'Yamagata',
  'Fukushima',
  'Ibaraki',
  'Tochigi',
  'Gunma',
  'Saitama',
  'Chiba',
  'Tokyo',
  'Kanagawa',
  'Niigata',
  'Toyama',
  'Ishikawa',
  'Fukui',
  'Yamanashi',
  'Nagano',
  'Gifu',
  'Shizuoka',
  'Aichi',
  'Mie',
  'Shiga',
  'Kyoto',
  'Osaka',
  'Hyogo',
  'Nara',
  'Wakayama',
  'Tottori',
  'Shimane',
  'Okayama',
  'Hiroshima',
  'Yamaguchi',
  'Tokushima',
  'Kagawa',
  'Ehime',
  'Kochi',
  'Fukuoka',
  'Saga',
  'Nagasaki',
  'Kumamoto',
  'Oita',
  'Miyazaki',
  'Kagoshima',
  'Okinawa',
];

/** The seven emirates: UAE addresses name the emirate where other countries use a postcode. */
const aeEmirates = [
  'Abu Dhabi',
  'Ajman',
  'Dubai',
  'Fujairah',
  'Ras Al Khaimah',
  'Sharjah',
  'Umm Al Quwain',
];

/** The 18 governorates of ISO 3166-2:IQ. */
const iqGovernorates = [
  'Al Anbar',
  'Babil',
  'Baghdad',
  'Basra',
  'Dhi Qar',
  'Diyala',
  'Duhok',
  'Erbil',
  'Karbala',
  'Kirkuk',
  'Maysan',
  'Muthanna',
  'Najaf',
  'Nineveh',
  'Qadisiyah',
  'Saladin',
  'Sulaymaniyah',
  'Wasit',
];

/** 23 states, the Capital District and the Federal Dependencies (Vargas is La Guaira since 2019). */
const veStates = [
  'Amazonas',
  'Anzoátegui',
  'Apure',
  'Aragua',
  'Barinas',
  'Bolívar',
  'Carabobo',
  'Cojedes',
  'Delta Amacuro',
  'Dependencias Federales',
  'Distrito Capital',
  'Falcón',
  'Guárico',
  'La Guaira',
  'Lara',
  'Mérida',
  'Miranda',
  'Monagas',
  'Nueva Esparta',
  'Portuguesa',
  'Sucre',
  'Táchira',
  'Trujillo',
  'Yaracuy',
  'Zulia',
];

interface CountryFacts {
  /** The first is the default; en-US is accepted everywhere but Mozambique (§8). */
  cultures: readonly string[];
  /** Empty where the country has no postal codes. */
  postal: string;
  postalRequired: boolean;
  /** A full list makes the state required; without one the state is free text. */
  states?: readonly string[];
  /** Google's data asks no city where the emirate or the city-state says it all. */
  cityOptional?: boolean;
  vat?: boolean;
}

/**
 * Postal patterns follow Google's libaddressinput data (COUNTRY-RULES.md §5), and the required
 * fields broadly follow its `require` letters. The state is required only where the emulator
 * carries the full list, because Partner Center checks a required state against its list.
 */
const facts: Readonly<Record<string, CountryFacts>> = {
  // The 24 registration-number countries; cultures from §8.
  AM: { cultures: ['hy-AM', 'en-US'], postal: '^(?:37)?\\d{4}$', postalRequired: false },
  AZ: { cultures: ['az-Latn-AZ', 'en-US'], postal: '^\\d{4}$', postalRequired: false },
  BY: { cultures: ['be-BY', 'en-US'], postal: '^\\d{6}$', postalRequired: false },
  HU: { cultures: ['hu-HU', 'en-US'], postal: '^\\d{4}$', postalRequired: true, vat: true },
  KZ: { cultures: ['kk-KZ', 'en-US'], postal: '^\\d{6}$', postalRequired: false },
  KG: { cultures: ['ky-KG', 'en-US'], postal: '^\\d{6}$', postalRequired: false },
  MD: { cultures: ['ro-RO', 'en-US'], postal: '^\\d{4}$', postalRequired: false },
  RU: { cultures: ['ru-RU', 'en-US'], postal: '^\\d{6}$', postalRequired: true },
  TJ: { cultures: ['tg-Cyrl-TJ', 'en-US'], postal: '^\\d{6}$', postalRequired: false },
  UZ: { cultures: ['uz-Latn-UZ', 'en-US'], postal: '^\\d{6}$', postalRequired: false },
  UA: { cultures: ['uk-UA', 'en-US'], postal: '^\\d{5}$', postalRequired: true },
  IN: {
    cultures: ['en-IN', 'hi-IN', 'en-US'],
    postal: '^\\d{6}$',
    postalRequired: true,
    states: inStates,
  },
  BR: {
    cultures: ['pt-BR', 'en-US'],
    postal: '^\\d{5}-?\\d{3}$',
    postalRequired: true,
    states: brStates,
  },
  ZA: { cultures: ['en-ZA', 'en-US'], postal: '^\\d{4}$', postalRequired: true },
  PL: { cultures: ['pl-PL', 'en-US'], postal: '^\\d{2}-\\d{3}$', postalRequired: true, vat: true },
  AE: {
    cultures: ['ar-AE', 'en-US'],
    postal: '',
    postalRequired: false,
    states: aeEmirates,
    cityOptional: true,
  },
  SA: { cultures: ['ar-SA', 'en-US'], postal: '^\\d{5}$', postalRequired: false },
  TR: { cultures: ['tr-TR', 'en-US'], postal: '^\\d{5}$', postalRequired: true },
  TH: { cultures: ['th-TH', 'en-US'], postal: '^\\d{5}$', postalRequired: false },
  VN: { cultures: ['vi-VN', 'en-US'], postal: '^\\d{5}\\d?$', postalRequired: false },
  MM: { cultures: ['en-US'], postal: '^\\d{5}$', postalRequired: false },
  IQ: {
    cultures: ['ar-IQ', 'en-US'],
    postal: '^\\d{5}$',
    postalRequired: false,
    states: iqGovernorates,
  },
  SS: { cultures: ['en-US'], postal: '', postalRequired: false },
  VE: { cultures: ['es-VE', 'en-US'], postal: '^\\d{4}$', postalRequired: false, states: veStates },

  // The other seed countries.
  US: {
    cultures: ['en-US'],
    postal: '^\\d{5}([ -]\\d{4})?$',
    postalRequired: true,
    states: usStates,
  },
  CA: {
    cultures: ['en-CA', 'fr-CA', 'en-US'],
    postal: '^[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d$',
    postalRequired: true,
    states: caProvinces,
  },
  GB: {
    cultures: ['en-GB', 'en-US'],
    postal: '^(GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})$',
    postalRequired: true,
    vat: true,
  },
  IE: {
    cultures: ['en-IE', 'en-US'],
    postal: '^[\\dA-Z]{3} ?[\\dA-Z]{4}$',
    postalRequired: false,
    vat: true,
  },
  DE: { cultures: ['de-DE', 'en-US'], postal: '^\\d{5}$', postalRequired: true, vat: true },
  AT: { cultures: ['de-AT', 'en-US'], postal: '^\\d{4}$', postalRequired: true, vat: true },
  CH: {
    cultures: ['de-CH', 'fr-CH', 'it-CH', 'en-US'],
    postal: '^\\d{4}$',
    postalRequired: true,
    vat: true,
  },
  FR: { cultures: ['fr-FR', 'en-US'], postal: '^\\d{2} ?\\d{3}$', postalRequired: true, vat: true },
  BE: {
    cultures: ['nl-BE', 'fr-BE', 'en-US'],
    postal: '^\\d{4}$',
    postalRequired: true,
    vat: true,
  },
  NL: {
    cultures: ['nl-NL', 'en-US'],
    postal: '^\\d{4} ?[A-Z]{2}$',
    postalRequired: true,
    vat: true,
  },
  LU: {
    cultures: ['fr-LU', 'de-LU', 'en-US'],
    postal: '^(L-)?\\d{4}$',
    postalRequired: true,
    vat: true,
  },
  DK: { cultures: ['da-DK', 'en-US'], postal: '^\\d{4}$', postalRequired: true, vat: true },
  SE: { cultures: ['sv-SE', 'en-US'], postal: '^\\d{3} ?\\d{2}$', postalRequired: true, vat: true },
  NO: { cultures: ['nb-NO', 'en-US'], postal: '^\\d{4}$', postalRequired: true, vat: true },
  FI: {
    cultures: ['fi-FI', 'sv-FI', 'en-US'],
    postal: '^\\d{5}$',
    postalRequired: true,
    vat: true,
  },
  ES: { cultures: ['es-ES', 'en-US'], postal: '^\\d{5}$', postalRequired: true, vat: true },
  PT: {
    cultures: ['pt-PT', 'en-US'],
    postal: '^\\d{4}(-\\d{3})?$',
    postalRequired: true,
    vat: true,
  },
  IT: { cultures: ['it-IT', 'en-US'], postal: '^\\d{5}$', postalRequired: true, vat: true },
  GR: { cultures: ['el-GR', 'en-US'], postal: '^\\d{3} ?\\d{2}$', postalRequired: true, vat: true },
  CZ: { cultures: ['cs-CZ', 'en-US'], postal: '^\\d{3} ?\\d{2}$', postalRequired: true, vat: true },
  RO: { cultures: ['ro-RO', 'en-US'], postal: '^\\d{6}$', postalRequired: false, vat: true },
  JP: {
    cultures: ['ja-JP', 'en-US'],
    postal: '^\\d{3}-?\\d{4}$',
    postalRequired: true,
    states: jpPrefectures,
  },
  KR: { cultures: ['ko-KR', 'en-US'], postal: '^\\d{5}$', postalRequired: true },
  CN: {
    cultures: ['zh-CN', 'en-US'],
    postal: '^\\d{6}$',
    postalRequired: false,
    states: cnProvinces,
  },
  SG: {
    cultures: ['en-SG', 'zh-SG', 'en-US'],
    postal: '^\\d{6}$',
    postalRequired: true,
    cityOptional: true,
  },
  AU: { cultures: ['en-AU', 'en-US'], postal: '^\\d{4}$', postalRequired: true, states: auStates },
  NZ: { cultures: ['en-NZ', 'en-US'], postal: '^\\d{4}$', postalRequired: true },
  MX: { cultures: ['es-MX', 'en-US'], postal: '^\\d{5}$', postalRequired: true, states: mxStates },
  AR: {
    cultures: ['es-AR', 'en-US'],
    postal: '^([A-HJ-NP-Z])?\\d{4}([A-Z]{3})?$',
    postalRequired: false,
  },
  CL: { cultures: ['es-CL', 'en-US'], postal: '^\\d{7}$', postalRequired: false },
  IL: { cultures: ['he-IL', 'en-US'], postal: '^\\d{5}(\\d{2})?$', postalRequired: true },
  EG: { cultures: ['ar-EG', 'en-US'], postal: '^\\d{5}$', postalRequired: false },
  NG: { cultures: ['en-NG', 'en-US'], postal: '^\\d{6}$', postalRequired: false },
  KE: { cultures: ['en-KE', 'sw-KE', 'en-US'], postal: '^\\d{5}$', postalRequired: false },
};

/**
 * Partner Center's US example; it takes the national digits without +1, which suits all of
 * the North American Numbering Plan.
 */
const nanpPhoneRegex = String.raw`^(1[\-\/\.]?)?(\((\d{3})\)|(\d{3}))[\-\/\.]?(\d{3})[\-\/\.]?(\d{4})$`;

/** Every country the emulator has rules for: the seed countries and the 24. */
export const validationRuleCountries: readonly string[] = Object.keys(facts);

function primarySubtag(culture: string): string {
  return culture.split('-')[0] ?? culture;
}

/** `GET /v1/countryvalidationrules/{iso2}`; undefined for a country the emulator does not know. */
export function countryValidationRules(iso2: string): CountryValidationRules | undefined {
  const code = iso2.trim().toUpperCase();
  const country = facts[code];
  if (!country) return undefined;
  const cultures = [...country.cultures];
  return {
    iso2Code: code,
    defaultCulture: cultures[0] ?? 'en-US',
    isStateRequired: Boolean(country.states?.length),
    supportedStatesList: [...(country.states ?? [])],
    supportedLanguagesList: [...new Set(cultures.map(primarySubtag))],
    supportedCulturesList: cultures,
    isPostalCodeRequired: country.postalRequired,
    postalCodeRegex: country.postal,
    isCityRequired: !country.cityOptional,
    isVatIdSupported: Boolean(country.vat),
    phoneNumberRegex:
      code === 'US' || code === 'CA' ? nanpPhoneRegex : phoneNumberWirePattern.source,
    isPhoneNumberRequired: phoneNumberRequired(code),
    isRegistrationNumberRequired: registrationNumberPattern(code) !== undefined,
    registrationNumberRegex: registrationNumberPattern(code)?.source ?? '',
  };
}

/** English names of every country the emulator has rules for, for messages. */
export const countryNames: Readonly<Record<string, string>> = Object.fromEntries(
  validationRuleCountries.map((code) => [code, countryName(code)]),
);
