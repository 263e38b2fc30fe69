import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CreateCustomerRequest } from '@/api/partner-center/resources';
import { parseImportText } from './import-file';
import { newImportRun } from './import-run';
import { credentialsCsv, importResultsCsv } from './import-results';

function customer(domain: string, companyName: string): CreateCustomerRequest {
  return {
    companyProfile: { domain: `${domain}.onmicrosoft.com` },
    billingProfile: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      culture: 'en-US',
      language: 'en',
      companyName,
      defaultAddress: {
        country: 'US',
        addressLine1: '1 Main St',
        firstName: 'Ada',
        lastName: 'Lovelace',
      },
    },
  };
}

/** A results file read back as Excel would show it: header, then rows. */
const cellsOf = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
};

describe('the results and credentials files', () => {
  const file = parseImportText(
    'Company name,Domain prefix\n=HYPERLINK("http://evil"),evil\nFabrikam,fabrikam\nLeft out,leftout\nRefused,refused\n',
  );
  if (!file.ok) throw new Error(file.problem);
  const run = newImportRun({
    owner: 'tenant|account',
    fileName: 'customers.csv',
    rows: [
      { line: 2, customer: customer('evil', '=HYPERLINK("http://evil")') },
      { line: 3, customer: customer('fabrikam', 'Fabrikam') },
      { line: 5, customer: customer('refused', 'Refused') },
    ],
  });
  const [evil, fabrikam, refused] = run.rows;
  if (!evil || !fabrikam || !refused) throw new Error('three rows');
  evil.run = { ...evil.run, status: 'created', customerId: 'c-1', agreement: 'none' };
  fabrikam.run = { ...fabrikam.run, status: 'sending' };
  refused.run = { ...refused.run, status: 'refused', problem: 'The domain is already taken.' };
  const credentials = new Map([
    [0, { userName: 'admin@evil.onmicrosoft.com', password: 'P@ss-1' }],
  ]);

  it('gives each row of the file its outcome, with no formula left to run and no password', () => {
    const results = importResultsCsv(file.table, run);
    expect(cellsOf(results)).toEqual([
      ['Company name', 'Domain prefix', 'Status', 'Customer ID', 'Tenant ID', 'Error'],
      ['\'=HYPERLINK("http://evil")', 'evil', 'created', 'c-1', 'c-1', ''],
      ['Fabrikam', 'fabrikam', 'outcome unknown: resume the import to find out', '', '', ''],
      ['Left out', 'leftout', 'skipped', '', '', ''],
      ['Refused', 'refused', 'failed', '', '', 'The domain is already taken.'],
    ]);
    expect(results).not.toContain('P@ss-1');
  });

  it('puts the credentials in a file of their own, formulas neutralised there too', () => {
    expect(cellsOf(credentialsCsv(run, credentials))).toEqual([
      ['Company name', 'Domain', 'Customer ID', 'User name', 'Password'],
      [
        '\'=HYPERLINK("http://evil")',
        'evil.onmicrosoft.com',
        'c-1',
        'admin@evil.onmicrosoft.com',
        'P@ss-1',
      ],
    ]);
  });
});
