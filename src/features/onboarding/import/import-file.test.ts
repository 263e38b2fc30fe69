import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, parseImportFile, parseImportText } from './import-file';

function table(text: string) {
  const result = parseImportText(text);
  if (!result.ok) throw new Error(result.problem);
  return result.table;
}

describe('parseImportText', () => {
  it('reads a comma-separated file with a byte order mark, as Excel saves "CSV UTF-8"', () => {
    const parsed = table('\uFEFFCompany name,Domain\r\nContoso,contoso\r\nFabrikam,fabrikam\r\n');
    expect(parsed.headers).toEqual(['Company name', 'Domain']);
    expect(parsed.rows).toEqual([
      ['Contoso', 'contoso'],
      ['Fabrikam', 'fabrikam'],
    ]);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.lines).toEqual([2, 3]);
  });

  it('reads semicolons (Excel in most of Europe) and tabs, and a sep= first line', () => {
    expect(table('Company;City\nMüller GmbH, Berlin;Berlin\n').rows).toEqual([
      ['Müller GmbH, Berlin', 'Berlin'],
    ]);
    expect(table('Company\tCity\nContoso; Ltd\tLondon\n').rows).toEqual([
      ['Contoso; Ltd', 'London'],
    ]);
    const hinted = table('sep=;\nCompany;City\nA,B;C\n');
    expect(hinted.delimiter).toBe(';');
    expect(hinted.rows).toEqual([['A,B', 'C']]);
    expect(hinted.lines).toEqual([3]);
  });

  it('keeps quoted commas, quotes and line breaks in a cell, and counts lines past them', () => {
    const parsed = table(
      'Company,Address\n"Contoso, ""The Best"" Ltd","1 Main St\nFloor 2"\nFabrikam,2 Side St\n',
    );
    expect(parsed.rows).toEqual([
      ['Contoso, "The Best" Ltd', '1 Main St\nFloor 2'],
      ['Fabrikam', '2 Side St'],
    ]);
    expect(parsed.lines).toEqual([2, 4]);
  });

  it('skips blank lines, pads short rows and trims cells', () => {
    const parsed = table('Company,City,State\n\n  Contoso ,Seattle\n,,\nFabrikam,Paris,\n');
    expect(parsed.rows).toEqual([
      ['Contoso', 'Seattle', ''],
      ['Fabrikam', 'Paris', ''],
    ]);
    expect(parsed.lines).toEqual([3, 5]);
  });

  it('says what is wrong with an empty file, a header alone, an open quote or too many rows', () => {
    const problem = (text: string) => {
      const result = parseImportText(text);
      return result.ok ? undefined : result.problem;
    };
    expect(problem('')).toMatch(/empty/);
    expect(problem('\uFEFF\n\n')).toMatch(/empty/);
    expect(problem('Company,Domain\n')).toMatch(/no customers/);
    expect(problem('Company,Domain\nContoso,contoso\n"Fabrikam,fabrikam\n')).toMatch(
      /line 3 is never closed/,
    );
    const many = `Company\n${'x\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(problem(many)).toMatch(/at most 5,000/);
    expect(problem(`Company\n${'x\n'.repeat(MAX_IMPORT_ROWS)}`)).toBe(undefined);
  });
});

describe('parseImportFile', () => {
  it('reads UTF-8, and refuses text in another encoding with what to do', async () => {
    const utf8 = new Blob([new TextEncoder().encode('Company\nÉcole Française\n')]);
    const read = await parseImportFile(utf8);
    expect(read.ok && read.table.rows).toEqual([['École Française']]);
    // "École" in Windows-1252, as Excel's plain "CSV (Comma delimited)" saves it.
    const latin1 = new Blob([new Uint8Array([0x43, 0x0a, 0xc9, 0x63, 0x6f, 0x6c, 0x65, 0x0a])]);
    const refused = await parseImportFile(latin1);
    expect(refused.ok ? undefined : refused.problem).toMatch(/CSV UTF-8/);
  });
});
