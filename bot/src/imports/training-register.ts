import { plusMonths, type LocalDate } from '../domain/dates';
import { TRAINING_STATUSES, type Course, type Staff, type TrainingRecord, type TrainingStatus } from '../domain/model';
import { RowReader } from './cells';
import type { ErrorLog } from './errors';
import type { CsvRow } from './parse';
import { describeRef, type PeopleIndex } from './people';
import type { KindPlan, PlannedWrite } from './plan';

/**
 * Training register rows -> training records, one row per attendee. A person, course and date make one record:
 * a row updates the stored record for them (whatever its id, so a record logged in chat is not duplicated),
 * otherwise it creates one with an id derived from the person, course and date. Pure: the stored
 * records come in as a compact index (`StoredTraining`), loaded once per import rather than looked up per row.
 */

/** What an import needs of a stored record: enough to compare, to keep what a blank cell keeps, and for statuses. */
export type StoredRecord = Omit<TrainingRecord, 'tenantId'>;

const keyOf = (staffId: string, courseCode: string, date: LocalDate): string => `${staffId}|${courseCode}|${date}`;

/** The tenant's stored training records by person, course and date (the first one when there are several). */
export class StoredTraining {
  private readonly records = new Map<string, StoredRecord>();
  /** Further records for a person, course and date already held (logged twice in chat): kept for status documents. */
  private readonly twins: StoredRecord[] = [];

  add(record: TrainingRecord): void {
    const key = keyOf(record.staffId, record.courseCode, record.date);
    const current = this.records.get(key);
    const { id, staffId, courseCode, date, status, hours, note, accreditedOn, recordedBy, recordedAt } = record;
    const compact: StoredRecord = { id, staffId, courseCode, date, status, hours, note, accreditedOn, recordedBy, recordedAt };
    // Prefer the id an import gives, so that a second import keeps updating the same record.
    if (!current) this.records.set(key, compact);
    else if (record.id.startsWith(IMPORTED) && !current.id.startsWith(IMPORTED)) {
      this.twins.push(current);
      this.records.set(key, compact);
    } else this.twins.push(compact);
  }

  get(staffId: string, courseCode: string, date: LocalDate): StoredRecord | undefined {
    return this.records.get(keyOf(staffId, courseCode, date));
  }

  /** By `<staff id>|<course code>|<date>`. */
  byKey(key: string): StoredRecord | undefined {
    return this.records.get(key);
  }

  get size(): number {
    return this.records.size + this.twins.length;
  }

  /** Every stored record of these people. */
  *of(staffIds: ReadonlySet<string>): Iterable<StoredRecord> {
    for (const r of this.records.values()) if (staffIds.has(r.staffId)) yield r;
    for (const r of this.twins) if (staffIds.has(r.staffId)) yield r;
  }
}

const IMPORTED = 'trn:';

/**
 * The id of an imported record: `trn:<staff id>:<course code>:<date>`. Ids are unique within a tenant's partition,
 * and staff ids are already the tenant's own, so the same person, course and date always give the same id.
 */
export function trainingRecordId(staffId: string, courseCode: string, date: LocalDate): string {
  return `${IMPORTED}${staffId}:${courseCode}:${date}`;
}

const STATUS_ALIASES: Record<string, TrainingStatus> = { dna: 'did_not_attend', did_not_attended: 'did_not_attend', not_attended: 'did_not_attend', complete: 'completed' };

export interface TrainingImportContext {
  tenantId: string;
  today: LocalDate;
  people: PeopleIndex<Staff>;
  /** The tenant's catalogue by code. */
  catalogue: ReadonlyMap<string, Course>;
  stored: StoredTraining;
  actorId: string;
  at: string;
}

/**
 * A record to write, held compactly (shared strings for the person, course and status; no id string) until it is
 * written: a 50,000-row register then costs a few megabytes, and each document is built only when its chunk goes.
 */
class PlannedRecord implements PlannedWrite<TrainingRecord> {
  constructor(
    readonly row: number,
    readonly change: 'create' | 'update',
    readonly staffId: string,
    private readonly courseCode: string,
    private readonly date: LocalDate,
    private readonly status: TrainingStatus,
    private readonly hours: number,
    private readonly note: string | undefined,
    private readonly existing: StoredRecord | undefined,
    private readonly ctx: TrainingImportContext,
  ) {}

  get doc(): TrainingRecord {
    const doc: TrainingRecord = {
      id: this.existing?.id ?? trainingRecordId(this.staffId, this.courseCode, this.date),
      tenantId: this.ctx.tenantId,
      staffId: this.staffId,
      courseCode: this.courseCode,
      date: this.date,
      status: this.status,
      hours: this.hours,
      recordedBy: this.ctx.actorId,
      recordedAt: this.ctx.at,
    };
    if (this.note !== undefined) doc.note = this.note;
    if (this.existing?.accreditedOn) doc.accreditedOn = this.existing.accreditedOn;
    return doc;
  }
}

export class TrainingImport {
  private readonly writes: PlannedRecord[] = [];
  private unchanged = 0;
  private readonly seen = new Map<string, number>();
  private readonly courses: ReadonlyMap<string, Course>;

  constructor(
    private readonly ctx: TrainingImportContext,
    private readonly errors: ErrorLog,
  ) {
    this.courses = new Map([...ctx.catalogue.values()].map((c) => [c.code.toUpperCase(), c]));
  }

  add(row: CsvRow): void {
    const { ctx } = this;
    const r = new RowReader(row.cell);
    const code = r.text('course', 'the course code', { required: true, max: 60 });
    const course = code === undefined ? undefined : this.courses.get(code.toUpperCase());
    if (code !== undefined && !course) r.fail('course', `Unknown course "${code}": it is not in the catalogue. Import the course catalogue first, or use a catalogue code.`);
    const status = r.choice('status', 'status', TRAINING_STATUSES, { required: true, aliases: STATUS_ALIASES });
    const date = r.date('date', 'the date', {
      required: true,
      notBefore: '1990-01-01',
      notAfter: status === 'booked' ? plusMonths(ctx.today, 24) : ctx.today,
      afterMessage: status === 'booked' ? 'A booking can be at most two years ahead.' : 'Training that is attended, completed or missed cannot be in the future: use the status "booked".',
      beforeMessage: 'The date is before 1990.',
    });
    const ref = r.person('attendee', 'the attendee', { required: true });
    const staff = ref && ctx.people.find(ref);
    if (ref && !staff) r.fail('attendee', `Unknown attendee: nobody in Reflect has ${describeRef(ref)}. Import the roster first.`);
    const hours = r.number('hours', 'number of hours', { min: 0, max: 200 });
    const note = r.text('note', 'the note', { max: 1000 });
    const key = staff && course && date ? keyOf(staff.id, course.code, date) : undefined;
    if (key !== undefined) {
      const first = this.seen.get(key);
      if (first !== undefined) r.fail('attendee', `Duplicate: row ${first} has the same attendee, course and date.`);
      else this.seen.set(key, row.number);
    }
    for (const p of r.problems) this.errors.add({ row: row.number, ...p });
    if (this.errors.has(row.number) || !staff || !course || !date || !status) return;

    const existing = ctx.stored.size > 0 ? ctx.stored.byKey(key!) : undefined;
    const effectiveHours = hours ?? (existing && existing.status === status ? existing.hours : status === 'did_not_attend' ? 0 : course.hours);
    const effectiveNote = note ?? existing?.note;
    if (existing && existing.status === status && existing.hours === effectiveHours && (existing.note ?? '') === (effectiveNote ?? '')) {
      this.unchanged++;
      return;
    }
    this.writes.push(new PlannedRecord(row.number, existing ? 'update' : 'create', staff.id, course.code, date, status, effectiveHours, effectiveNote, existing, ctx));
  }

  plan(): KindPlan<TrainingRecord> {
    this.seen.clear(); // only needed while reading
    return { writes: this.writes, unchanged: this.unchanged, affected: [...new Set(this.writes.map((w) => w.staffId))] };
  }

  private writesByStaff?: Map<string, PlannedRecord[]>;

  /** Every training record of these people once the plan is written: the stored ones with the writes applied. */
  recordsAfter(staffIds: readonly string[], tenantId: string): Map<string, TrainingRecord[]> {
    if (!this.writesByStaff) {
      this.writesByStaff = new Map();
      for (const w of this.writes) {
        const list = this.writesByStaff.get(w.staffId);
        if (list) list.push(w);
        else this.writesByStaff.set(w.staffId, [w]);
      }
    }
    const wanted = new Set(staffIds);
    const byId = new Map<string, TrainingRecord>();
    if (this.ctx.stored.size > 0) for (const r of this.ctx.stored.of(wanted)) byId.set(r.id, { ...r, tenantId });
    for (const id of staffIds) {
      for (const w of this.writesByStaff.get(id) ?? []) {
        const doc = w.doc;
        byId.set(doc.id, doc);
      }
    }
    const out = new Map<string, TrainingRecord[]>(staffIds.map((id) => [id, []]));
    for (const r of byId.values()) out.get(r.staffId)?.push(r);
    return out;
  }
}
