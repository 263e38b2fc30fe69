import { describe, expect, it } from 'vitest';
import { checkImportFile, duplicateDomains } from './check-import-file';
import { matchColumns } from './import-columns';
import { parseImportText } from './import-file';
import { checkImportRow, type ImportBatchOptions } from './import-row';

const context = {
  rulesFor: () => undefined,
  partnerDomains: [],
  resellerIds: [],
  agreementRequired: false,
  today: () => '2026-12-01',
  defaultCultureOf: () => 'en-US',
};
const batch: ImportBatchOptions = {
  associatedPartner: '',
  enableGDAPByDefault: true,
  culture: '',
  agreementAccepted: false,
  dateAgreed: '',
};

function fileOf(domains: string[]) {
  const header =
    'Company name,Domain prefix,Country,First name,Last name,Email,Address line 1,City,State,Postal code';
  const rows = domains.map(
    (domain, at) =>
      `Contoso ${at},${domain},US,Ada,Lovelace,ada${at}@contoso.com,1 Main St,Redmond,WA,98052`,
  );
  const parsed = parseImportText([header, ...rows].join('\n'));
  if (!parsed.ok) throw new Error(parsed.problem);
  return { table: parsed.table, mapping: matchColumns(parsed.table.headers) };
}

/** A clock that moves one millisecond each time it is read: slices come out the same on any machine. */
function steppingClock() {
  let time = 0;
  return () => (time += 1);
}

describe('checkImportFile', () => {
  it('checks every row as checkImportRow does, in slices with the page given its turn', async () => {
    const domains = Array.from({ length: 50 }, (_, at) => `contoso${at}`);
    const { table, mapping } = fileOf(domains);
    let turns = 0;
    const progress: number[] = [];
    const checked = await checkImportFile(table, mapping, batch, context, {
      now: steppingClock(),
      yieldToPage: () => {
        turns += 1;
        return Promise.resolve();
      },
      onProgress: (count) => progress.push(count),
    });
    expect(checked).toEqual(
      table.rows.map((cells) => checkImportRow(cells, mapping, batch, context)),
    );
    expect(checked?.every((row) => row.output)).toBe(true);
    expect(turns).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(50);
  });

  it('flags every row of a shared domain prefix on its domain, and sends none of them', async () => {
    const { table, mapping } = fileOf(['contoso', 'fabrikam', 'Contoso', 'tailspin', 'contoso']);
    const checked = (await checkImportFile(table, mapping, batch, context)) ?? [];
    const domainIssues = checked.map((row) =>
      row.issues
        .filter((issue) => issue.field === 'companyProfile.domain')
        .map((issue) => issue.message),
    );
    expect(domainIssues).toEqual([
      ['The file gives this domain prefix on lines 4, 6 too: only one customer can have it.'],
      [],
      ['The file gives this domain prefix on lines 2, 6 too: only one customer can have it.'],
      [],
      ['The file gives this domain prefix on lines 2, 4 too: only one customer can have it.'],
    ]);
    expect(checked.map((row) => Boolean(row.output))).toEqual([false, true, false, true, false]);
  });

  it('stops between slices when the file is closed', async () => {
    const { table, mapping } = fileOf(Array.from({ length: 30 }, (_, at) => `contoso${at}`));
    const closing = new AbortController();
    const checked = await checkImportFile(table, mapping, batch, context, {
      now: steppingClock(),
      yieldToPage: () => {
        closing.abort();
        return Promise.resolve();
      },
      signal: closing.signal,
    });
    expect(checked).toBe(undefined);
  });
});

describe('duplicateDomains', () => {
  it('flags every row whose prefix another row has, whatever its case or suffix', () => {
    const duplicates = duplicateDomains([
      { line: 2, domain: 'contoso' },
      { line: 3, domain: 'fabrikam' },
      { line: 4, domain: 'Contoso.onmicrosoft.com' },
      { line: 5, domain: ' CONTOSO ' },
      { line: 6, domain: '' },
      { line: 7, domain: '' },
    ]);
    expect([...duplicates]).toEqual([
      [2, [4, 5]],
      [4, [2, 5]],
      [5, [2, 4]],
    ]);
  });
});
