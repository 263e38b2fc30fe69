import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  checkNewCustomer,
  type NewCustomerContext,
} from '@/features/onboarding/model/new-customer-schema';
import {
  onboardingValuesSchema,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';
import { importColumns, matchColumns } from './import-columns';
import { parseImportText } from './import-file';
import { checkImportRow, isoDateOf, yesOrNo, type ImportBatchOptions } from './import-row';

const RESELLER = '8f14e45f-ceea-467f-a0e6-4b1e5a5b6c7d';

const context: NewCustomerContext & { defaultCultureOf: (country: string) => string } = {
  rulesFor: () => undefined,
  partnerDomains: ['contosopartners.onmicrosoft.com'],
  resellerIds: [RESELLER],
  agreementRequired: true,
  today: () => '2026-12-01',
  defaultCultureOf: (country) => (country === 'PL' ? 'pl-PL' : ''),
};

const batch: ImportBatchOptions = {
  associatedPartner: '',
  enableGDAPByDefault: true,
  culture: '',
  agreementAccepted: false,
  dateAgreed: '',
};

/** The file's one row, read as the import reads it. */
function importOf(file: string, options: ImportBatchOptions = batch, within = context) {
  const parsed = parseImportText(file);
  if (!parsed.ok) throw new Error(parsed.problem);
  const mapping = matchColumns(parsed.table.headers);
  return checkImportRow(parsed.table.rows[0] ?? [], mapping, options, within);
}

const polishRow = [
  'Company name,Domain prefix,Country,Registration number,First name,Last name,Email,Address line 1,City,Postal code,Phone',
  'Contoso Sp. z o.o.,contosopl,Poland,5260250274,Anna,Kowalska,anna.kowalska@contoso.pl,ul. Marszałkowska 1,Warszawa,00-001,+48 22 123 45 67',
].join('\n');

describe('checkImportRow', () => {
  it('makes a complete row the create request the form would send, with the batch’s options', () => {
    const checked = importOf(polishRow, {
      ...batch,
      associatedPartner: 'direct',
      agreementAccepted: true,
      dateAgreed: '2026-11-30',
    });
    expect(checked.issues).toEqual([]);
    expect(checked.values.billingProfile.defaultAddress.country).toBe('PL');
    expect(checked.values.billingProfile.culture).toBe('pl-PL');
    expect(checked.output?.customer.companyProfile).toEqual({
      domain: 'contosopl.onmicrosoft.com',
      organizationRegistrationNumber: '5260250274',
    });
    expect(checked.output?.customer.associatedPartnerId).toBe(undefined);
    expect(checked.output?.agreement?.primaryContact.email).toBe('anna.kowalska@contoso.pl');
  });

  it('puts each problem on its field: the reseller not chosen, no agreement, a bad check digit', () => {
    const checked = importOf(polishRow.replace('5260250274', '5260250275'));
    const fields = checked.issues.map((issue) => issue.field);
    expect(fields).toContain('associatedPartner');
    expect(fields).toContain('agreement.accepted');
    expect(fields).toContain('agreement.dateAgreed');
    expect(fields).toContain('companyProfile.organizationRegistrationNumber');
    expect(checked.output).toBe(undefined);
  });

  it('lets a row’s own cells override the batch, and says which cells cannot be read', () => {
    const file = [
      'Company name,Country,Indirect reseller,Default GDAP,Agreement accepted,Agreement date',
      `Contoso,PL,${RESELLER},no,maybe,03/04/2026`,
    ].join('\n');
    const checked = importOf(file, {
      ...batch,
      associatedPartner: 'direct',
      agreementAccepted: true,
    });
    expect(checked.values.associatedPartner).toBe(RESELLER);
    expect(checked.values.enableGDAPByDefault).toBe(false);
    // Unreadable: the batch's tick stands, and the cell's own sentence is the only one.
    expect(checked.values.agreement.accepted).toBe(true);
    const onField = (field: string) =>
      checked.issues.filter((issue) => issue.field === field).map((issue) => issue.message);
    expect(onField('agreement.accepted')).toEqual(['Write yes or no here, not "maybe".']);
    expect(onField('agreement.dateAgreed')).toEqual([
      '03/04/2026 could be read two ways: write the date as year-month-day, such as 2026-11-30.',
    ]);
  });

  it('takes the agreement’s contact from the row when it has one', () => {
    const [header, row] = polishRow.split('\n');
    const checked = importOf(`${header},Agreement contact email\n${row},jan@contoso.pl`, {
      ...batch,
      associatedPartner: 'direct',
      agreementAccepted: true,
      dateAgreed: '2026-11-30',
    });
    expect(checked.values.agreement.contactIsBilling).toBe(false);
    expect(checked.values.agreement.email).toBe('jan@contoso.pl');
    expect(checked.issues.map((issue) => issue.field).sort()).toEqual([
      'agreement.firstName',
      'agreement.lastName',
    ]);
  });
});

describe('reading cells', () => {
  it('reads yes and no as Excel and people write them', () => {
    expect(['Yes', 'TRUE', '1', 'WAHR', 'vrai'].map(yesOrNo)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['no', 'FALSE', '0', 'FALSCH', 'Faux'].map(yesOrNo)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(yesOrNo('perhaps')).toMatch(/yes or no/);
  });

  it('reads dates only where one reading is possible', () => {
    expect(isoDateOf('2026-11-30')).toEqual({ date: '2026-11-30' });
    expect(isoDateOf('2026-1-5')).toEqual({ date: '2026-01-05' });
    expect(isoDateOf('30.11.2026')).toEqual({ date: '2026-11-30' });
    expect(isoDateOf('30/11/2026')).toEqual({ date: '2026-11-30' });
    expect(isoDateOf('11/30/2026')).toEqual({ date: '2026-11-30' });
    expect(isoDateOf('05/05/2026')).toEqual({ date: '2026-05-05' });
    expect(isoDateOf('03/04/2026').problem).toMatch(/two ways/);
    expect(isoDateOf('31.02.2026').problem).toMatch(/not a day/);
    expect(isoDateOf('13/13/2026').problem).toMatch(/not a day/);
    expect(isoDateOf('Nov 30, 2026').problem).toMatch(/year-month-day/);
  });
});

/** Text as a cell holds it once read: the parser trims cells, and Excel has no lone CRs. */
const cellText = (arbitrary: fc.Arbitrary<string>) =>
  arbitrary.map((text) => text.replace(/\r/g, '').trim());
const anyText = cellText(
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', 'Contoso', 'anna@contoso.pl', '00-001', '=1+2', '"quoted", text'),
  ),
);

/** Any values the form can hold whose every field a file can carry. */
const fileableValues: fc.Arbitrary<OnboardingValues> = fc
  .record({
    associatedPartner: fc.constantFrom('', 'direct', RESELLER, 'not-a-reseller'),
    domain: anyText,
    registration: cellText(
      fc.oneof(fc.constantFrom('5260250274', '5260250275', ''), fc.string({ maxLength: 14 })),
    ),
    firstName: anyText,
    lastName: anyText,
    email: anyText,
    companyName: anyText,
    culture: fc.constantFrom('', 'pl-PL', 'en-US', 'xx'),
    country: fc.constantFrom('PL', 'US', 'DE', 'BR', 'IN', 'GB'),
    address: fc.record({
      addressLine1: anyText,
      addressLine2: anyText,
      city: anyText,
      state: anyText,
      postalCode: anyText,
      phoneNumber: anyText,
    }),
    gdap: fc.boolean(),
    accepted: fc.boolean(),
    dateAgreed: fc.constantFrom('', '2026-11-30', '2027-01-01', '2018-05-05', '2026-02-28'),
    contact: fc.option(
      fc.record({ firstName: anyText, lastName: anyText, email: anyText, phoneNumber: anyText }),
    ),
  })
  .map((generated) => {
    const values = onboardingValuesSchema.parse({});
    values.associatedPartner = generated.associatedPartner;
    values.companyProfile = {
      domain: generated.domain,
      organizationRegistrationNumber: generated.registration,
    };
    Object.assign(values.billingProfile, {
      firstName: generated.firstName,
      lastName: generated.lastName,
      email: generated.email,
      companyName: generated.companyName,
      culture: generated.culture,
    });
    Object.assign(values.billingProfile.defaultAddress, generated.address, {
      country: generated.country,
    });
    values.enableGDAPByDefault = generated.gdap;
    values.agreement.accepted = generated.accepted;
    values.agreement.dateAgreed = generated.dateAgreed;
    const contact = generated.contact;
    const hasContact = contact !== null && Object.values(contact).some(Boolean);
    values.agreement.contactIsBilling = !hasContact;
    if (hasContact) Object.assign(values.agreement, contact);
    return values;
  });

/** The values as a file of the template's columns holds them. */
function fileOf(values: OnboardingValues): string {
  const cellOf = (field: string): string => {
    const value = field
      .split('.')
      .reduce<unknown>((at, name) => (at as Record<string, unknown>)[name], values);
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  };
  return Papa.unparse({
    fields: importColumns.map((column) => column.header),
    data: [importColumns.map((column) => cellOf(column.field))],
  });
}

describe('a row of a file', () => {
  it('is checked exactly as the form checks the same values, and sends what the form sends', () => {
    fc.assert(
      fc.property(fileableValues, (values) => {
        // No country default to fill in: the form holds whatever culture the user left.
        const imported = importOf(fileOf(values), batch, {
          ...context,
          defaultCultureOf: () => '',
        });
        const typed = checkNewCustomer(values, context);
        expect(imported.values).toEqual(values);
        expect(imported.issues).toEqual(
          typed.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
        );
        expect(imported.output).toEqual(typed.output);
      }),
      { numRuns: 300 },
    );
  });
});
