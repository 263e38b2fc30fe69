import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerKey, importColumns, matchColumns, missingRequiredColumns } from './import-columns';
import { parseImportText } from './import-file';
import { importTemplateCsv } from './import-template';

describe('matchColumns', () => {
  it('matches headers whatever their case, spacing, dashes or underscores, and synonyms', () => {
    const { fields, unsure } = matchColumns([
      'Company',
      'company_name',
      'DOMAIN',
      'Country Code',
      'Given name',
      'Surname',
      'E-mail',
      'Street',
      'Town',
      'ZIP',
      'companyName',
    ]);
    expect(fields).toEqual([
      'billingProfile.companyName',
      undefined,
      'companyProfile.domain',
      'billingProfile.defaultAddress.country',
      'billingProfile.firstName',
      'billingProfile.lastName',
      'billingProfile.email',
      'billingProfile.defaultAddress.addressLine1',
      'billingProfile.defaultAddress.city',
      'billingProfile.defaultAddress.postalCode',
      undefined,
    ]);
    expect(unsure.size).toBe(0);
  });

  it('guesses from part of a header, and says it is a guess', () => {
    const { fields, unsure } = matchColumns([
      'Customer company name (legal)',
      'Billing ZIP',
      'Notes',
    ]);
    expect(fields).toEqual([
      'billingProfile.companyName',
      'billingProfile.defaultAddress.postalCode',
      undefined,
    ]);
    expect([...unsure]).toEqual([0, 1]);
  });

  it('fills a field from one column only, a sure match before a guess', () => {
    const { fields, unsure } = matchColumns(['Company name of record', 'Company name']);
    expect(fields).toEqual([undefined, 'billingProfile.companyName']);
    expect(unsure.size).toBe(0);
  });

  it('names the required columns the file lacks', () => {
    const missing = missingRequiredColumns(matchColumns(['Company name', 'Email', 'Notes']));
    expect(missing.map((column) => column.header)).toEqual([
      'Domain prefix',
      'Country',
      'First name',
      'Last name',
      'Address line 1',
      'City',
    ]);
  });

  it('reads every column of its own template back, each to its field and none unsure', () => {
    const parsed = parseImportText(importTemplateCsv());
    if (!parsed.ok) throw new Error(parsed.problem);
    const { fields, unsure } = matchColumns(parsed.table.headers);
    expect(fields).toEqual(importColumns.map((column) => column.field));
    expect(unsure.size).toBe(0);
    expect(parsed.table.rows).toEqual([importColumns.map((column) => column.example)]);
    expect(missingRequiredColumns({ fields, unsure })).toEqual([]);
  });

  it('matches any spelling of a column’s name that keeps its letters and digits', () => {
    const separators = fc.constantFrom('', ' ', '_', '-', '.', '  ');
    const respelled = fc.constantFrom(...importColumns).chain((column) =>
      fc
        .array(fc.tuple(fc.boolean(), separators), {
          minLength: column.header.length,
          maxLength: column.header.length,
        })
        .map((choices) => ({
          column,
          header: [...column.header.replace(/ /g, '')]
            .map((char, at) => {
              const [upper, separator] = choices[at] ?? [false, ''];
              return `${upper ? char.toUpperCase() : char.toLowerCase()}${separator}`;
            })
            .join(''),
        })),
    );
    fc.assert(
      fc.property(respelled, ({ column, header }) => {
        expect(headerKey(header)).toBe(headerKey(column.header));
        expect(matchColumns([header]).fields).toEqual([column.field]);
      }),
    );
  });
});
