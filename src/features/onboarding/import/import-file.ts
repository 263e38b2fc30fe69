import Papa from 'papaparse';

/**
 * A spreadsheet of new customers as the user saved it: CSV or tab-separated, UTF-8 with or
 * without a byte order mark, with `,` or `;` between cells as Excel writes them in different
 * locales (and its `sep=;` first line). Parsed with papaparse, in the browser: the file goes
 * nowhere but into this page.
 */
export interface ImportTable {
  /** The header row's cells, trimmed; '' for a column without a name. */
  headers: string[];
  /** Each row's cells, trimmed, as many as there are headers ('' where a row is short). */
  rows: string[][];
  /** The line each row starts on in the file (1 is the first), for messages the user can find. */
  lines: number[];
  delimiter: string;
}

export type ImportFileResult = { ok: true; table: ImportTable } | { ok: false; problem: string };

/** Hundreds of customers is the job; past this, a file is more likely a wrong one. */
export const MAX_IMPORT_ROWS = 5_000;
/** ~1 KiB a row is already generous. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const delimiters = [',', ';', '\t'];

/** Excel's hint for the separator, alone on the first line. */
const SEPARATOR_HINT = /^sep=(.)\r?\n/i;

export function parseImportText(input: string): ImportFileResult {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let delimiter: string | undefined;
  let skippedLines = 0;
  const hint = SEPARATOR_HINT.exec(text);
  if (hint) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
    skippedLines = 1;
  }
  const records: string[][] = [];
  const lines: number[] = [];
  const lineAt = lineCounter(text, 1 + skippedLines);
  let cursor = 0;
  let usedDelimiter = delimiter ?? ',';
  let broken: number | undefined;
  // A step at a time: each record's offset in the text gives its line, which papaparse does
  // not report, and a quoted cell can hold line breaks.
  Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    delimitersToGuess: delimiters,
    skipEmptyLines: 'greedy',
    step: (results) => {
      const line = lineAt(cursor);
      if (broken === undefined && results.errors.some((error) => error.type === 'Quotes')) {
        broken = line;
      }
      records.push(results.data);
      lines.push(line);
      cursor = results.meta.cursor;
      usedDelimiter = results.meta.delimiter;
    },
  });
  if (broken !== undefined) {
    return {
      ok: false,
      problem: `A quoted cell that starts on line ${broken} is never closed: check that every opening " has its closing one.`,
    };
  }
  const [header, ...body] = records;
  if (!header || header.every((cell) => !cell.trim())) {
    return {
      ok: false,
      problem: 'The file is empty: it needs a header row and a row per customer.',
    };
  }
  if (body.length === 0) {
    return { ok: false, problem: 'The file has a header row but no customers below it.' };
  }
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problem: `The file has ${body.length.toLocaleString('en')} customers; import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time.`,
    };
  }
  const headers = header.map((cell) => cell.trim());
  const rows = body.map((cells) => headers.map((_, at) => (cells[at] ?? '').trim()));
  return { ok: true, table: { headers, rows, lines: lines.slice(1), delimiter: usedDelimiter } };
}

/** A line of nothing but blanks and separators: papaparse's greedy mode skips it. */
const BLANK_LINE = /[ \t,;]*\r?\n/y;

/**
 * The line a record starting at `offset` is on, blank lines skipped, for offsets that only grow:
 * counts the text's line breaks once, whatever its length.
 */
function lineCounter(text: string, firstLine: number): (offset: number) => number {
  let counted = 0;
  let line = firstLine;
  return (offset) => {
    let at = offset;
    for (;;) {
      BLANK_LINE.lastIndex = at;
      if (!BLANK_LINE.test(text)) break;
      at = BLANK_LINE.lastIndex;
    }
    for (; counted < at; counted += 1) if (text[counted] === '\n') line += 1;
    return line;
  };
}

/** Reads a chosen file as UTF-8 and parses it; a file too big or not text says so. */
export async function parseImportFile(file: Blob): Promise<ImportFileResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      problem: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a file of new customers is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return {
      ok: false,
      problem:
        'The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)" and choose it again.',
    };
  }
  return parseImportText(text);
}
