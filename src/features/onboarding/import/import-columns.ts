import type { OnboardingField } from '@/features/onboarding/model/onboarding-steps';

/**
 * The columns an import file can have: each one of the onboarding form's fields, under the name
 * the template gives it and the names spreadsheets already use for it. A header is matched by
 * its letters and digits alone, so case, spaces, dashes and underscores never matter:
 * "Company name", "company_name" and "companyName" are one column.
 */
export interface ImportColumn {
  field: OnboardingField;
  /** The template's header. */
  header: string;
  /** Other headers that mean this column, as spreadsheets and other tools write them. */
  synonyms: readonly string[];
  /** An example value for the template's one row. */
  example: string;
  /** Every row needs it, whatever its country; other fields depend on the country's rules. */
  required?: boolean;
}

export const importColumns: readonly ImportColumn[] = [
  {
    field: 'billingProfile.companyName',
    header: 'Company name',
    synonyms: [
      'company',
      'legal company name',
      'legal name',
      'organization',
      'organisation',
      'customer name',
      'customer',
      'account name',
    ],
    example: 'Contoso Sp. z o.o.',
    required: true,
  },
  {
    field: 'companyProfile.domain',
    header: 'Domain prefix',
    synonyms: [
      'domain',
      'initial domain',
      'tenant domain',
      'onmicrosoft domain',
      'microsoft domain',
      'default domain',
    ],
    example: 'contosopl',
    required: true,
  },
  {
    field: 'billingProfile.defaultAddress.country',
    header: 'Country',
    synonyms: ['country code', 'country region', 'iso country', 'iso2'],
    example: 'PL',
    required: true,
  },
  {
    field: 'companyProfile.organizationRegistrationNumber',
    header: 'Registration number',
    synonyms: [
      'organization registration number',
      'organisation registration number',
      'company registration number',
      'registration no',
      'vat number',
      'vat id',
      'tax id',
      'tax number',
      'business number',
    ],
    example: '5260250274',
  },
  {
    field: 'billingProfile.firstName',
    header: 'First name',
    synonyms: ['given name', 'contact first name', 'billing first name', 'forename'],
    example: 'Anna',
    required: true,
  },
  {
    field: 'billingProfile.lastName',
    header: 'Last name',
    synonyms: ['surname', 'family name', 'contact last name', 'billing last name'],
    example: 'Kowalska',
    required: true,
  },
  {
    field: 'billingProfile.email',
    header: 'Email',
    synonyms: ['email address', 'e mail', 'contact email', 'billing email', 'mail'],
    example: 'anna.kowalska@contoso.pl',
    required: true,
  },
  {
    field: 'billingProfile.defaultAddress.addressLine1',
    header: 'Address line 1',
    synonyms: ['address', 'street', 'street address', 'address 1', 'address1'],
    example: 'ul. Marszałkowska 1',
    required: true,
  },
  {
    field: 'billingProfile.defaultAddress.addressLine2',
    header: 'Address line 2',
    synonyms: ['address 2', 'address2'],
    example: 'lok. 2',
  },
  {
    field: 'billingProfile.defaultAddress.addressLine3',
    header: 'Address line 3',
    synonyms: ['address 3', 'address3'],
    example: '',
  },
  {
    field: 'billingProfile.defaultAddress.city',
    header: 'City',
    synonyms: ['town', 'locality', 'city town'],
    example: 'Warszawa',
    required: true,
  },
  {
    field: 'billingProfile.defaultAddress.district',
    header: 'District',
    synonyms: [],
    example: '',
  },
  {
    field: 'billingProfile.defaultAddress.state',
    header: 'State',
    synonyms: ['province', 'state province', 'county', 'prefecture'],
    example: '',
  },
  {
    field: 'billingProfile.defaultAddress.postalCode',
    header: 'Postal code',
    synonyms: ['postcode', 'post code', 'zip', 'zip code', 'zipcode', 'postal'],
    example: '00-001',
  },
  {
    field: 'billingProfile.defaultAddress.region',
    header: 'Region',
    synonyms: [],
    example: '',
  },
  {
    field: 'billingProfile.defaultAddress.phoneNumber',
    header: 'Phone',
    synonyms: ['phone number', 'telephone', 'tel', 'contact phone', 'billing phone'],
    example: '+48 22 123 45 67',
  },
  {
    field: 'billingProfile.culture',
    header: 'Culture',
    synonyms: ['locale', 'language', 'billing culture'],
    example: 'pl-PL',
  },
  {
    field: 'associatedPartner',
    header: 'Indirect reseller',
    synonyms: [
      'reseller',
      'reseller id',
      'indirect reseller id',
      'associated partner id',
      'associated partner',
      'reseller tenant id',
    ],
    example: '',
  },
  {
    field: 'enableGDAPByDefault',
    header: 'Default GDAP',
    synonyms: ['gdap', 'enable gdap', 'enable gdap by default', 'default gdap access'],
    example: 'yes',
  },
  {
    field: 'agreement.accepted',
    header: 'Agreement accepted',
    synonyms: [
      'mca accepted',
      'customer agreement accepted',
      'microsoft customer agreement accepted',
    ],
    example: 'yes',
  },
  {
    field: 'agreement.dateAgreed',
    header: 'Agreement date',
    synonyms: [
      'date agreed',
      'date accepted',
      'agreement accepted on',
      'mca date',
      'customer agreement date',
    ],
    example: '2026-11-30',
  },
  {
    field: 'agreement.firstName',
    header: 'Agreement contact first name',
    synonyms: ['mca contact first name', 'signer first name'],
    example: '',
  },
  {
    field: 'agreement.lastName',
    header: 'Agreement contact last name',
    synonyms: ['mca contact last name', 'signer last name'],
    example: '',
  },
  {
    field: 'agreement.email',
    header: 'Agreement contact email',
    synonyms: ['mca contact email', 'signer email'],
    example: '',
  },
  {
    field: 'agreement.phoneNumber',
    header: 'Agreement contact phone',
    synonyms: ['mca contact phone', 'signer phone'],
    example: '',
  },
];

const columnByField = new Map(importColumns.map((column) => [column.field, column]));

export function importColumn(field: OnboardingField): ImportColumn {
  const column = columnByField.get(field);
  if (!column) throw new Error(`No import column for ${field}.`);
  return column;
}

/** A header reduced to its letters and digits, lower case and accent-free. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Every key a column answers to: its header, its synonyms and its field's own name. */
const keysOf = (column: ImportColumn) =>
  new Set(
    [column.header, ...column.synonyms, column.field, column.field.split('.').pop() ?? ''].map(
      headerKey,
    ),
  );
const columnKeys = new Map<string, OnboardingField>();
for (const column of importColumns) {
  for (const key of keysOf(column)) {
    // A key two columns would answer to (firstName: the contact's, or the agreement's) is the
    // first column's: the billing contact's, listed first.
    if (!columnKeys.has(key)) columnKeys.set(key, column.field);
  }
}

export interface ColumnMapping {
  /** The field each of the file's columns fills, by column index; undefined where none. */
  fields: (OnboardingField | undefined)[];
  /** Columns whose field was guessed from part of the header: the user should confirm them. */
  unsure: Set<number>;
}

/**
 * Which field each header names: a header that is a column's name or synonym (letters and
 * digits alone) is sure; one that only contains one, or is contained in one ("Company name
 * (legal)", "Zip"), is a guess the user confirms. No field is filled by two columns: the sure
 * match wins, then the first.
 */
export function matchColumns(headers: readonly string[]): ColumnMapping {
  const fields: (OnboardingField | undefined)[] = headers.map(() => undefined);
  const unsure = new Set<number>();
  const taken = new Set<OnboardingField>();
  const keys = headers.map(headerKey);
  keys.forEach((key, at) => {
    const field = columnKeys.get(key);
    if (field && !taken.has(field)) {
      fields[at] = field;
      taken.add(field);
    }
  });
  keys.forEach((key, at) => {
    if (fields[at] || key.length < 3) return;
    const guess = bestPartialMatch(key, taken);
    if (guess) {
      fields[at] = guess;
      unsure.add(at);
      taken.add(guess);
    }
  });
  return { fields, unsure };
}

/** The column whose longest key the header contains (or that contains the header), if any. */
function bestPartialMatch(key: string, taken: Set<OnboardingField>): OnboardingField | undefined {
  let best: { field: OnboardingField; length: number } | undefined;
  for (const [candidate, field] of columnKeys) {
    if (taken.has(field) || candidate.length < 3) continue;
    if (!key.includes(candidate) && !candidate.includes(key)) continue;
    const length = Math.min(candidate.length, key.length);
    if (!best || length > best.length) best = { field, length };
  }
  return best?.field;
}

/** The columns every row needs that no column of the file fills. */
export function missingRequiredColumns(mapping: ColumnMapping): ImportColumn[] {
  const mapped = new Set(mapping.fields);
  return importColumns.filter((column) => column.required && !mapped.has(column.field));
}
