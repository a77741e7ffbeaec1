import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ErrorLog } from '../../../bot/src/imports/errors';
import { IMPORT_KINDS, LAYOUTS } from '../../../bot/src/imports/layouts';
import { checkHeader, streamCsv } from '../../../bot/src/imports/parse';
import { summarise, type ImportReport } from '../../../bot/src/imports/report';
import { layoutTable, templateCsv } from '../../../bot/src/imports/templates';

describe('templates', () => {
  it.each(IMPORT_KINDS)('the %s template has every column, passes the header check and has one example row', async (kind) => {
    const records: string[][] = [];
    await streamCsv(templateCsv(kind), (cells) => records.push(cells));
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual(LAYOUTS[kind].columns.map((c) => c.name));
    expect(checkHeader(LAYOUTS[kind], records[0]!).ok).toBe(true);
    expect(records[1]).toHaveLength(records[0]!.length);
  });

  it('the README documents each layout exactly as the code defines it', () => {
    const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    for (const kind of IMPORT_KINDS) expect(readme).toContain(layoutTable(kind));
  });
});

describe('error log', () => {
  it('keeps the first problems in row and column order, and counts them all', () => {
    const log = new ErrorLog(['a', 'b']);
    for (let row = 20_000; row >= 2; row--) log.add({ row, column: row % 2 ? 'b' : 'a', reason: 'x' });
    log.add({ row: 3, column: 'a', reason: 'y' });
    expect(log.count).toBe(20_000);
    expect(log.rows).toBe(19_999);
    const listed = log.listed();
    expect(listed).toHaveLength(1000);
    expect(listed.slice(0, 3).map((e) => `${e.row}${e.column}`)).toEqual(['2a', '3a', '3b']);
    expect(log.has(20_000)).toBe(true);
  });
});

describe('report summary', () => {
  const base: Omit<ImportReport, 'summary'> = {
    kind: 'training', mode: 'apply', fileName: 'f.csv', fileHash: 'h', bytes: 10, rows: 3, validRows: 3, creates: 0, updates: 0, unchanged: 3,
    invalidRows: 0, errorCount: 0, errors: [], fileRejected: false, applied: true, written: 0, statusesRefreshed: 0, notes: [], ms: 1,
  };

  it('says so when nothing changed, and what to do when rows have problems', () => {
    expect(summarise(base)).toBe('Nothing changed: all 3 rows already match what Reflect holds.');
    expect(summarise({ ...base, mode: 'preview', applied: false })).toBe('Nothing would change: all 3 rows match what Reflect already holds.');
    expect(summarise({ ...base, applied: false, validRows: 2, unchanged: 2, invalidRows: 1, errorCount: 2 })).toBe(
      'Nothing was applied: 1 row with problems. Fix it and import again, or apply only the 2 rows without problems.',
    );
    expect(summarise({ ...base, mode: 'apply-valid', creates: 2, unchanged: 0, validRows: 2, invalidRows: 1, written: 2 })).toBe('Applied: 2 created, 0 updated, 0 unchanged; 1 row with problems skipped.');
  });
});
