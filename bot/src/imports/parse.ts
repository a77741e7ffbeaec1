import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { childDetailsIn, isChildDetailsColumn } from '../domain/child-details';
import { normaliseName, shown, type RowError } from './cells';
import type { Layout } from './layouts';

/** Where each layout column is in the file (by position), once the header has been checked. */
export interface Columns {
  /** Layout column name -> position in the row. */
  readonly at: ReadonlyMap<string, number>;
  /** The positions that hold a layout column. */
  readonly used: ReadonlySet<number>;
  /** The number of cells in the header, blank trailing ones included. */
  readonly width: number;
}

export type HeaderCheck = { ok: true; columns: Columns } | { ok: false; errors: RowError[] };

/**
 * Checks a header row against a layout, pure: every required column present once, nothing the layout does not
 * know (a caseload file in particular may carry nothing but the worker, the date and counts). Names compare as
 * normaliseName does, and a layout column's aliases count as its name.
 */
export function checkHeader(layout: Layout, header: readonly string[]): HeaderCheck {
  const errors: RowError[] = [];
  const fail = (column: string, reason: string): void => void errors.push({ row: 1, column, reason });
  const known = new Map<string, string>();
  for (const c of layout.columns) for (const name of [c.name, ...(c.aliases ?? [])]) known.set(name, c.name);
  const expected = layout.columns.map((c) => c.name).join(', ');
  if (header.every((h) => h.trim() === '')) {
    fail('', `The first row must be the header, naming the columns: ${expected}. Download the template to start from.`);
    return { ok: false, errors };
  }
  const at = new Map<string, number>();
  header.forEach((raw, i) => {
    const name = normaliseName(raw);
    if (name === '') return; // a blank header cell: its cells must be blank too (checked row by row)
    const column = known.get(name);
    if (!column) {
      if (layout.kind === 'caseloads' && isChildDetailsColumn(name)) {
        fail(raw.trim(), `Column ${shown(raw.trim())} may hold a child's details (a name or date of birth). A caseload file carries the worker, the snapshot date and counts only: remove the column.`);
      } else if (layout.kind === 'caseloads') {
        fail(raw.trim(), `Unknown column ${shown(raw.trim())}. A caseload file carries only these columns: ${expected}. Remove it.`);
      } else {
        fail(raw.trim(), `Unknown column ${shown(raw.trim())}. The ${layout.noun} columns are: ${expected}. Remove it or rename it.`);
      }
      return;
    }
    if (at.has(column)) {
      fail(column, `Column "${column}" appears more than once.`);
      return;
    }
    at.set(column, i);
  });
  for (const c of layout.columns) {
    if (c.presence !== 'optional' && !at.has(c.name)) fail(c.name, `The header has no "${c.name}" column, and it is required (${c.format}).`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns: { at, used: new Set(at.values()), width: header.length } };
}

/** One data row as the kind readers see it. */
export interface CsvRow {
  /** The row number a spreadsheet shows (the header is row 1). */
  number: number;
  /** The trimmed cell of a layout column; undefined when blank or when the file has no such column. */
  cell(column: string): string | undefined;
}

/** A row view over raw cells; cells that belong to no layout column must be blank (pure). */
export function rowOf(layout: Layout, columns: Columns, cells: readonly string[], number: number): { row: CsvRow; problems: RowError[] } {
  const problems: RowError[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (columns.used.has(i) || cells[i]!.trim() === '') continue;
    const where = i < columns.width ? `column ${i + 1} (which has no header)` : `column ${i + 1} (beyond the header)`;
    const hint = layout.kind === 'caseloads' && childDetailsIn(cells[i]!) !== undefined;
    problems.push({
      row: number,
      column: '',
      reason: hint
        ? `The row has a value in ${where} that may be a child's details: a caseload file carries counts only. Remove it.`
        : `The row has a value in ${where}: ${shown(cells[i]!.trim())}. Every value needs a column named in the header.`,
    });
  }
  return {
    row: {
      number,
      cell: (column) => {
        const i = columns.at.get(column);
        const v = i === undefined ? undefined : cells[i]?.trim();
        return v === undefined || v === '' ? undefined : v;
      },
    },
    problems,
  };
}

export interface CsvStreamResult {
  /** sha256 of the file's bytes, hex. */
  hash: string;
  bytes: number;
  /** The last row number seen (the header is row 1). */
  lastRow: number;
  /** The file stopped being CSV here; rows from here on were not read. */
  problem?: RowError;
}

export type ImportInput = Readable | string | Uint8Array;

export function toReadable(input: ImportInput): Readable {
  if (typeof input === 'string') return Readable.from([Buffer.from(input, 'utf8')]);
  if (input instanceof Uint8Array) return Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  return input;
}

/** Longest row accepted, in characters: an unclosed quote must not swallow a whole file into memory. */
const MAX_ROW_CHARS = 100_000;

/**
 * Streams a CSV file (UTF-8, with or without a byte-order mark) record by record, hashing its bytes on the way.
 * Holds one chunk and one record at a time. Rows whose cells are all blank are skipped but still counted, so
 * row numbers stay those a spreadsheet shows. A file that stops being CSV (an unclosed quote) ends the rows
 * with a problem on the row where it happened; the rest of the file is still hashed.
 */
export async function streamCsv(
  input: ImportInput,
  onRecord: (cells: string[], rowNumber: number) => void,
  onProgress?: (bytes: number, rows: number) => void,
): Promise<CsvStreamResult> {
  const source = toReadable(input);
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(b);
      bytes += b.length;
      done(null, b);
    },
  });
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_ROW_CHARS });
  // pipe() does not pass errors on: a file that cannot be read must fail the parse, not leave it waiting.
  source.on('error', (err) => tap.destroy(err));
  tap.on('error', (err) => parser.destroy(err));
  source.pipe(tap).pipe(parser);
  let rowNumber = 0;
  let problem: RowError | undefined;
  // Events rather than async iteration: records parsed before an error in the same chunk are still delivered.
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (record: string[]) => {
      rowNumber++;
      if (record.some((c) => c.trim() !== '')) onRecord(record, rowNumber);
      if (onProgress && rowNumber % 1000 === 0) onProgress(bytes, rowNumber);
    });
    parser.on('end', resolve);
    parser.on('error', (err) => {
      if (!(err instanceof CsvError)) return reject(err);
      problem = { row: rowNumber + 1, column: '', reason: `The file is not valid CSV from row ${rowNumber + 1} on (${csvProblem(err)}); nothing after it was read.` };
      // Hash the rest of the file, so the report names the file that was given.
      tap.unpipe(parser);
      tap.resume();
      resolve();
    });
  });
  if (!tap.readableEnded) await finished(tap);
  onProgress?.(bytes, rowNumber);
  return { hash: hash.digest('hex'), bytes, lastRow: rowNumber, problem };
}

function csvProblem(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote opened here is never closed';
    case 'CSV_MAX_RECORD_SIZE':
      return `a row longer than ${MAX_ROW_CHARS.toLocaleString('en-GB')} characters, usually an unclosed quote`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by more text in the same cell';
    default:
      return err.message.replace(/^Invalid Record Length:.*/, 'the rows have different numbers of cells').slice(0, 200);
  }
}
