import { describe, expect, it } from 'vitest';
import { customerColumn, customerColumns } from './customer-columns';
import type { CustomerRow } from './customer-row';
import { neutralizeFormula } from '@/files/csv';
import { customersCsv } from './csv-export';

describe('formula injection', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tTabbed', '\rReturn'])('neutralises %j', (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('Contoso = fine')).toBe('Contoso = fine');
    expect(neutralizeFormula('')).toBe('');
  });
});

describe('the CSV', () => {
  const customer: CustomerRow = {
    id: 'a1',
    companyName: '=cmd|\' /C calc\'!A0, "quoted"',
    domain: 'ромашка.onmicrosoft.com',
    relationship: 'microsoft_support',
    tags: ['SMB', 'Trial'],
  };

  it('starts with a byte order mark, ends lines with CRLF and quotes what needs it', () => {
    const csv = customersCsv(
      [customer],
      [
        customerColumn('companyName'),
        customerColumn('domain'),
        customerColumn('relationship'),
        customerColumn('tags'),
      ],
    );
    expect(csv).toBe(
      '\uFEFFCompany name,Domain,Relationship,Tags\r\n' +
        '"\'=cmd|\' /C calc\'!A0, ""quoted""",ромашка.onmicrosoft.com,Microsoft support,"SMB, Trial"\r\n',
    );
  });

  it('writes every column, empty cells included', () => {
    const csv = customersCsv([customer], customerColumns);
    expect(csv.split('\r\n')[1]?.endsWith(',,')).toBe(true);
  });
});
