import { ErrorLog } from '../../../bot/src/imports/errors';
import { LAYOUTS, type ImportKind } from '../../../bot/src/imports/layouts';
import { checkHeader, rowOf, streamCsv, type CsvRow } from '../../../bot/src/imports/parse';
import type { RowError } from '../../../bot/src/imports/cells';

/** The data rows of a CSV text as a kind reader sees them, with the problems found on the way. */
export async function rowsOf(kind: ImportKind, csv: string): Promise<{ rows: CsvRow[]; errors: ErrorLog }> {
  const layout = LAYOUTS[kind];
  const errors = new ErrorLog(layout.columns.map((c) => c.name));
  const rows: CsvRow[] = [];
  let columns: Parameters<typeof rowOf>[1] | undefined;
  await streamCsv(csv, (cells, number) => {
    if (!columns) {
      const check = checkHeader(layout, cells);
      if (!check.ok) throw new Error(`bad header: ${check.errors.map((e) => e.reason).join('; ')}`);
      columns = check.columns;
      return;
    }
    const { row, problems } = rowOf(layout, columns, cells, number);
    errors.addAll(problems);
    rows.push(row);
  });
  return { rows, errors };
}

/** Problems as `row column` pairs, for compact assertions. */
export const where = (errors: readonly RowError[]): string[] => errors.map((e) => `${e.row} ${e.column}`);

export const TODAY = '2026-11-23';
