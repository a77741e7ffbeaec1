import { childDetailsIn } from '../domain/child-details';
import { plusMonths, type LocalDate } from '../domain/dates';
import { CASE_TYPES, type CaseCounts, type CaseloadSnapshot, type Staff } from '../domain/model';
import { snapshotId } from '../store/caseload-repository';
import { isEmail, isObjectId, RowReader } from './cells';
import type { ErrorLog } from './errors';
import type { CsvRow } from './parse';
import { describeRef, type PeopleIndex } from './people';
import type { KindPlan, PlannedWrite } from './plan';

export const MAX_COUNT = 500;

interface CaseloadRow {
  row: number;
  staffId: string;
  date: LocalDate;
  counts: CaseCounts;
}

/** Reads one count cell: a whole number, blank meaning 0; anything else is refused without repeating it. */
function readCount(r: RowReader, column: string): number | undefined {
  const v = r.raw(column);
  if (v === undefined) return 0;
  if (/^\d+$/.test(v) && Number(v) <= MAX_COUNT) return Number(v);
  const looks = childDetailsIn(v);
  r.fail(
    column,
    looks === 'date'
      ? 'This looks like a date, perhaps a child\'s date of birth. A caseload file carries counts only: remove it and give the number of children.'
      : looks === 'name'
        ? 'This is text, perhaps a child\'s name, where a count belongs. A caseload file carries counts only, never a child\'s details.'
        : `Not a count: enter a whole number of children from 0 to ${MAX_COUNT}.`,
  );
  return undefined;
}

/**
 * Caseload snapshot rows -> snapshot documents (`<staff id>:<date>`, so importing a date again replaces that
 * day's counts). The worker must be stored already. Pure: the stored snapshots for the file's dates are given to
 * `plan` by the caller.
 */
export class CaseloadImport {
  private readonly valid: CaseloadRow[] = [];
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly tenantId: string,
    private readonly today: LocalDate,
    private readonly people: PeopleIndex<Staff>,
    private readonly errors: ErrorLog,
  ) {}

  add(row: CsvRow): void {
    const r = new RowReader(row.cell, false);
    const workerCell = r.raw('worker');
    let staff: Staff | undefined;
    if (workerCell === undefined) r.fail('worker', 'Enter the worker\'s email address or Entra object id.');
    else if (!isEmail(workerCell) && !isObjectId(workerCell)) r.fail('worker', 'Name the worker by their email address or Entra object id (nothing else belongs in a caseload file).');
    else {
      const ref = isObjectId(workerCell) ? ({ by: 'oid', value: workerCell.toLowerCase() } as const) : ({ by: 'email', value: workerCell.toLowerCase() } as const);
      staff = this.people.find(ref);
      if (!staff) r.fail('worker', `Unknown worker: nobody in Reflect has ${describeRef(ref)}. Import the roster first.`);
    }
    const date = r.date('snapshot_date', 'the snapshot date', {
      required: true,
      notAfter: this.today,
      notBefore: plusMonths(this.today, -120),
      afterMessage: 'The snapshot date is in the future: it is the day the extract was taken.',
      beforeMessage: 'The snapshot date is more than ten years ago: it is the day the extract was taken (never a child\'s date of birth).',
    });
    const counts = {} as CaseCounts;
    for (const t of CASE_TYPES) counts[t] = readCount(r, t) ?? 0;
    if (staff && date) {
      const key = `${staff.id}|${date}`;
      const first = this.seen.get(key);
      if (first !== undefined) r.fail('worker', `Duplicate: row ${first} has the same worker and snapshot date.`);
      else this.seen.set(key, row.number);
    }
    this.errors.addAll(r.problems.map((p) => ({ row: row.number, ...p })));
    if (!this.errors.has(row.number) && staff && date) this.valid.push({ row: row.number, staffId: staff.id, date, counts });
  }

  /** The dates whose stored snapshots `plan` needs. */
  dates(): LocalDate[] {
    return [...new Set(this.valid.map((v) => v.date))].sort();
  }

  /** `stored`: snapshots by id, at least those on `dates()`. */
  plan(stored: ReadonlyMap<string, CaseloadSnapshot>): KindPlan<CaseloadSnapshot> {
    const writes: PlannedWrite<CaseloadSnapshot>[] = [];
    let unchanged = 0;
    for (const v of this.valid) {
      const id = snapshotId(v.staffId, v.date);
      const existing = stored.get(id);
      if (existing && CASE_TYPES.every((t) => (existing.counts?.[t] ?? 0) === v.counts[t])) {
        unchanged++;
        continue;
      }
      writes.push({ row: v.row, change: existing ? 'update' : 'create', doc: { id, tenantId: this.tenantId, staffId: v.staffId, date: v.date, counts: v.counts } });
    }
    return { writes, unchanged, affected: [...new Set(writes.map((w) => w.doc.staffId))] };
  }
}
