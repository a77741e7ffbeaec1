import type { RowError } from './cells';
import { LAYOUTS, type ImportKind } from './layouts';

/** `preview`: check and count, write nothing. `apply`: write only if every row is valid. `apply-valid`: write the valid rows. */
export type ImportMode = 'preview' | 'apply' | 'apply-valid';

/** What an import found and did. Plain JSON: the tab API returns it as it is. */
export interface ImportReport {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  /** sha256 of the file's bytes, hex: pass it back as `expectedFileHash` to apply exactly what was previewed. */
  fileHash: string;
  bytes: number;
  /** Data rows read (blank rows are skipped; the header is not a data row). */
  rows: number;
  validRows: number;
  /** Of the valid rows: new documents, changed ones, and ones that already match what is stored. */
  creates: number;
  updates: number;
  unchanged: number;
  /** Rows with at least one problem, and all problems. */
  invalidRows: number;
  errorCount: number;
  /** The first problems (up to 1,000) in row order; row 1 is the header. */
  errors: RowError[];
  /** The header or the file itself is wrong (not a problem with some rows): nothing can be applied. */
  fileRejected: boolean;
  /** Roster: active staff in Reflect who are not in the file. Courses: catalogue courses not in the file. Both are left as they are. */
  notInFile?: number;
  /** Roster: people the file marks as leavers who were not. */
  leaversMarked?: number;
  /** True when the changes were written (also when there was nothing to change). */
  applied: boolean;
  /** Documents written (including, for a tenant's first catalogue, the default courses stored with it). */
  written: number;
  /** Status documents recomputed after writing. */
  statusesRefreshed: number;
  /** Why writing stopped part-way, when it did; what was written stays written. */
  failure?: string;
  /** Extra things worth knowing, in sentences. */
  notes: string[];
  /** One or two sentences for people: what happened and what to do next. */
  summary: string;
  ms: number;
}

const n = (x: number): string => x.toLocaleString('en-GB');
const rowsWord = (x: number): string => `${n(x)} ${x === 1 ? 'row' : 'rows'}`;

/** The sentence a person reads first. */
export function summarise(r: Omit<ImportReport, 'summary'>): string {
  const what = LAYOUTS[r.kind].noun;
  if (r.fileRejected) {
    return `Nothing was ${r.mode === 'preview' ? 'checked' : 'applied'}: the file cannot be read as a ${what} file. ${r.errors[0]?.reason ?? ''}`.trim();
  }
  if (r.failure) {
    return r.written > 0 ? `The import stopped part-way: ${r.failure}` : `Nothing was applied: ${r.failure}`;
  }
  if (r.rows === 0) return `The file has a header but no rows: nothing to ${r.mode === 'preview' ? 'check' : 'apply'}.`;
  const changes = r.creates + r.updates;
  const counts = `${n(r.creates)} to create, ${n(r.updates)} to update, ${n(r.unchanged)} unchanged`;
  const problems = r.invalidRows > 0 ? `${rowsWord(r.invalidRows)} with problems` : '';
  if (r.mode === 'preview') {
    if (r.invalidRows === 0 && changes === 0) return `Nothing would change: all ${rowsWord(r.rows)} match what Reflect already holds.`;
    return `Checked ${rowsWord(r.rows)}: ${counts}${problems ? `; ${problems}` : ''}. Nothing has been applied yet.`;
  }
  if (!r.applied) {
    return `Nothing was applied: ${problems}. Fix ${r.invalidRows === 1 ? 'it' : 'them'} and import again, or apply only the ${rowsWord(r.validRows)} without problems.`;
  }
  if (changes === 0) {
    return r.invalidRows > 0
      ? `Nothing changed: the ${rowsWord(r.validRows)} without problems already ${r.validRows === 1 ? 'matches' : 'match'} what Reflect holds; ${problems} ${r.invalidRows === 1 ? 'was' : 'were'} skipped.`
      : `Nothing changed: all ${rowsWord(r.rows)} already match what Reflect holds.`;
  }
  const applied = `Applied: ${n(r.creates)} created, ${n(r.updates)} updated, ${n(r.unchanged)} unchanged`;
  return r.invalidRows > 0 ? `${applied}; ${problems} skipped.` : `${applied}.`;
}
