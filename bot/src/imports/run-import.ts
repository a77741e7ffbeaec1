import type { LocalDate } from '../domain/dates';
import type { CaseloadSnapshot, Course, Staff, TenantScoped, TrainingRecord } from '../domain/model';
import type { Store } from '../store/store';
import type { TenantContainer } from '../store/tenant-container';
import { CaseloadImport } from './caseloads';
import { CourseImport } from './catalogue';
import { ErrorLog } from './errors';
import { LAYOUTS, type ImportKind } from './layouts';
import { checkHeader, rowOf, streamCsv, type Columns, type CsvRow, type ImportInput } from './parse';
import { PeopleIndex } from './people';
import { countWrites, type KindPlan } from './plan';
import { summarise, type ImportMode, type ImportReport } from './report';
import { planRoster, readRosterRow, type RosterRow } from './roster';
import { refreshStatuses } from './statuses';
import { StoredTraining, TrainingImport } from './training-register';

export type { ImportMode, ImportReport } from './report';
export type { RowError } from './cells';
export type { ImportInput } from './parse';

export interface ImportRequest {
  tenantId: string;
  /** Who imports (a staff id, or a name for the CLI): recorded on the audit entry and on training records. */
  actorId: string;
  kind: ImportKind;
  /** The file: a stream (read once, never held whole), or its text or bytes. */
  input: ImportInput;
  fileName: string;
  /** Today in the service's time zone: dates are checked against it and status documents computed as of it. */
  today: LocalDate;
  now?: () => Date;
  /** Apply only when the file is the one previewed: the `fileHash` of the preview's report. */
  expectedFileHash?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'statuses';
  /** Rows read, documents written or people refreshed so far. */
  done: number;
  total?: number;
  /** While reading: bytes read so far. */
  bytes?: number;
}

/** Documents per bulk write call (each is sent as requests of 100 operations). */
const WRITE_CHUNK = 1000;
const PAGE = 100_000;

/** Checks a file and reports what it would change; writes nothing. */
export function previewImport(store: Store, request: ImportRequest): Promise<ImportReport> {
  return runImport(store, request, 'preview');
}

/**
 * Checks a file and applies it: all of it when every row is valid (otherwise nothing), or with `onlyValidRows`
 * the valid rows only. A file whose header is wrong or that is not CSV is never applied.
 */
export function applyImport(store: Store, request: ImportRequest & { onlyValidRows: boolean }): Promise<ImportReport> {
  return runImport(store, request, request.onlyValidRows ? 'apply-valid' : 'apply');
}

/** A kind's reader: rows in while the file streams, then the plan. */
interface KindRun {
  add(row: CsvRow): void;
  plan(): Promise<KindPlan<TenantScoped>>;
  /** Extra documents written with the rows' (the default catalogue, the first time a tenant stores one). */
  extra?: () => TenantScoped[];
  /** People the status refresh can take from memory instead of reading them back (current after the writes). */
  staff?: () => ReadonlyMap<string, Staff>;
  /** Records the status refresh can take from memory instead of reading them back. */
  trainingOf?: (staffIds: readonly string[]) => Map<string, TrainingRecord[]>;
  notes?: () => string[];
}

async function pages<T extends TenantScoped>(docs: TenantContainer<T>, tenantId: string, where: string, params: Record<string, string[]>, each: (doc: T) => void): Promise<void> {
  let continuation: string | undefined;
  do {
    const page = await docs.page(tenantId, where, params, { pageSize: PAGE, continuation });
    for (const d of page.items) each(d);
    continuation = page.continuation;
  } while (continuation);
}

/** Managers before the people they manage, so a write that stops part-way leaves no one pointing at a missing manager. */
function managersFirst(plan: KindPlan<Staff>): void {
  const planned = new Map(plan.writes.map((w) => [w.doc.id, w.doc]));
  const depth = new Map<string, number>();
  const depthOf = (id: string, guard = 0): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const manager = planned.get(id)?.managerId;
    const d = manager && planned.has(manager) && guard < planned.size ? depthOf(manager, guard + 1) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  plan.writes.sort((a, b) => depthOf(a.doc.id) - depthOf(b.doc.id) || a.row - b.row);
}

async function startKind(store: Store, request: ImportRequest, errors: ErrorLog, at: string): Promise<KindRun> {
  const { tenantId, today } = request;
  switch (request.kind) {
    case 'roster': {
      const stored = await store.staff.all(tenantId);
      const rows: RosterRow[] = [];
      let written: Staff[] = [];
      return {
        add: (row) => void rows.push(readRosterRow(row, today, errors)),
        plan: async () => {
          for (const r of rows) r.ok = r.ok && !errors.has(r.row);
          const plan = planRoster(rows, stored, tenantId, errors);
          managersFirst(plan);
          written = plan.writes.map((w) => w.doc);
          return plan;
        },
        staff: () => new Map(written.map((s) => [s.id, s])),
      };
    }
    case 'caseloads': {
      const staff = await store.staff.all(tenantId);
      const reader = new CaseloadImport(tenantId, today, new PeopleIndex(staff), errors);
      return {
        staff: () => new Map(staff.map((s) => [s.id, s])),
        add: (row) => reader.add(row),
        plan: async () => {
          const stored = new Map<string, CaseloadSnapshot>();
          const dates = reader.dates();
          for (let i = 0; i < dates.length; i += 100) {
            await pages(store.collections.caseloads, tenantId, 'ARRAY_CONTAINS(@dates, c.date)', { dates: dates.slice(i, i + 100) }, (s) => stored.set(s.id, s));
          }
          return reader.plan(stored);
        },
      };
    }
    case 'training': {
      const [staff, catalogue] = await Promise.all([store.staff.all(tenantId), store.courses.catalogue(tenantId)]);
      const stored = new StoredTraining();
      await pages(store.collections.training, tenantId, 'true', {}, (r) => stored.add(r));
      const reader = new TrainingImport({ tenantId, today, people: new PeopleIndex(staff), catalogue, stored, actorId: request.actorId, at }, errors);
      return {
        add: (row) => reader.add(row),
        plan: async () => reader.plan(),
        staff: () => new Map(staff.map((s) => [s.id, s])),
        trainingOf: (ids) => reader.recordsAfter(ids, tenantId),
      };
    }
    case 'courses': {
      const [current, own] = await Promise.all([store.courses.catalogue(tenantId), store.collections.courses.page(tenantId, 'true', {}, { pageSize: 1 })]);
      const reader = new CourseImport(tenantId, current, own.items.length > 0, errors);
      let defaults: Course[] = [];
      return {
        add: (row) => reader.add(row),
        plan: async () => {
          const plan = reader.plan();
          defaults = plan.defaultsStored;
          return plan;
        },
        extra: () => defaults,
        notes: () => (defaults.length > 0 ? [`This is the tenant's first own catalogue: the ${defaults.length} default courses not changed by the file were stored with it, so they stay available.`] : []),
      };
    }
  }
}

function containerFor(store: Store, kind: ImportKind): TenantContainer<TenantScoped> {
  const c = store.collections;
  const byKind: Record<ImportKind, TenantContainer<TenantScoped>> = {
    roster: c.staff as unknown as TenantContainer<TenantScoped>,
    caseloads: c.caseloads as unknown as TenantContainer<TenantScoped>,
    training: c.training as unknown as TenantContainer<TenantScoped>,
    courses: c.courses as unknown as TenantContainer<TenantScoped>,
  };
  return byKind[kind];
}

/**
 * Reads the whole file (streamed: rows are checked as they arrive and only compact results are kept), then, when
 * the mode and the problems found allow, writes in bulk, recomputes the status documents of everyone concerned
 * and records an audit entry (who, when, the file's sha256 and the counts). Re-running a file changes nothing:
 * ids are derived from the data and rows that match what is stored are not written.
 *
 * Cosmos DB has no transaction across documents. Nothing is written until the whole file has been checked, so a
 * file with problems changes nothing; but if the database fails while writing, what was written stays written and
 * the report's `failure` says how far it got. Running the same file again then completes it.
 */
export async function runImport(store: Store, request: ImportRequest, mode: ImportMode): Promise<ImportReport> {
  const started = Date.now();
  const now = request.now ?? (() => new Date());
  const at = now().toISOString();
  const { tenantId, kind } = request;
  const layout = LAYOUTS[kind];
  const errors = new ErrorLog(layout.columns.map((c) => c.name));
  const run = await startKind(store, request, errors, at);
  const progress = request.onProgress;

  let columns: Columns | undefined;
  let headerSeen = false;
  let fileRejected = false;
  let rows = 0;
  const streamed = await streamCsv(
    request.input,
    (cells, number) => {
      if (!headerSeen) {
        headerSeen = true;
        const check = checkHeader(layout, cells);
        if (check.ok) columns = check.columns;
        else {
          fileRejected = true;
          errors.addAll(check.errors.map((e) => ({ ...e, row: number })));
        }
        return;
      }
      rows++;
      if (!columns) return;
      const { row, problems } = rowOf(layout, columns, cells, number);
      errors.addAll(problems);
      run.add(row);
    },
    (bytes, read) => progress?.({ phase: 'reading', done: read, bytes }),
  );
  if (!headerSeen && !streamed.problem) {
    fileRejected = true;
    errors.add({ row: 1, column: '', reason: `The file is empty. The first row must be the header: ${layout.columns.map((c) => c.name).join(', ')}.` });
  }
  if (streamed.problem) {
    fileRejected = true;
    errors.add(streamed.problem);
  }

  const plan = fileRejected ? { writes: [], unchanged: 0, affected: [] as string[] } : await run.plan();
  const { creates, updates } = countWrites(plan.writes);
  const notes = run.notes?.() ?? [];
  let failure: string | undefined;
  if (request.expectedFileHash && request.expectedFileHash !== streamed.hash && mode !== 'preview') {
    failure = 'the file is not the one that was previewed (its contents differ). Preview it again before applying.';
  }
  const blocked = fileRejected || failure !== undefined || mode === 'preview' || (mode === 'apply' && errors.count > 0);

  let written = 0;
  let statusesRefreshed = 0;
  let applied = false;
  if (!blocked) {
    const extra = run.extra?.() ?? [];
    const total = plan.writes.length + extra.length;
    const chunk = (i: number): TenantScoped[] => [...plan.writes.slice(i, i + WRITE_CHUNK).map((w) => w.doc), ...extra.slice(Math.max(0, i - plan.writes.length), Math.max(0, i + WRITE_CHUNK - plan.writes.length))];
    const target = containerFor(store, kind);
    progress?.({ phase: 'writing', done: 0, total });
    try {
      for (let i = 0; i < total; i += WRITE_CHUNK) {
        await target.bulkUpsert(chunk(i), (done) => {
          written = i + done;
          progress?.({ phase: 'writing', done: written, total });
        });
      }
      applied = true;
    } catch (err) {
      failure = `writing stopped after ${written.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} documents (${message(err)}). What was written stays written: Cosmos DB has no transaction across documents. Import the same file again to complete it; rows already written will show as unchanged.`;
    }
    try {
      const everyone = plan.affected === 'all' ? new Map((await store.staff.all(tenantId)).map((s) => [s.id, s])) : undefined;
      const affected = everyone ? [...everyone.keys()] : applied ? (plan.affected as string[]) : [...new Set(plan.writes.slice(0, written).map((w) => staffOf(kind, w.doc)))];
      progress?.({ phase: 'statuses', done: 0, total: affected.length });
      statusesRefreshed = await refreshStatuses(store, tenantId, affected, {
        today: request.today,
        // From memory only when everything was written; after a failure, from what the database holds.
        staff: everyone ?? (applied ? run.staff?.() : undefined),
        trainingOf: applied ? run.trainingOf : undefined,
        onProgress: (done, total) => progress?.({ phase: 'statuses', done, total }),
      });
    } catch (err) {
      notes.push(`The status documents of the people concerned could not all be recomputed (${message(err)}): they catch up on the next change to each person.`);
    }
  }

  const report: Omit<ImportReport, 'summary'> = {
    kind,
    mode,
    fileName: request.fileName,
    fileHash: streamed.hash,
    bytes: streamed.bytes,
    rows,
    validRows: fileRejected ? 0 : rows - errors.rows,
    creates,
    updates,
    unchanged: plan.unchanged,
    invalidRows: errors.rows,
    errorCount: errors.count,
    errors: errors.listed(),
    fileRejected,
    ...(plan.notInFile !== undefined ? { notInFile: plan.notInFile } : {}),
    ...(plan.leaversMarked !== undefined ? { leaversMarked: plan.leaversMarked } : {}),
    applied,
    written,
    statusesRefreshed,
    ...(failure ? { failure } : {}),
    notes: applied || written > 0 ? notes : [],
    ms: Date.now() - started,
  };
  if (!blocked) {
    try {
      await store.audit.record({
        tenantId,
        at,
        actorId: request.actorId,
        action: 'import',
        details: {
          kind,
          mode,
          fileName: request.fileName,
          fileHash: streamed.hash,
          counts: { rows, creates, updates, unchanged: plan.unchanged, invalidRows: errors.rows, written, statusesRefreshed },
          applied,
          ...(failure ? { failure } : {}),
        },
      });
    } catch (err) {
      report.notes.push(`The audit entry for this import could not be written (${message(err)}).`);
    }
  }
  const full: ImportReport = { ...report, summary: summarise(report) };
  return full;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function staffOf(kind: ImportKind, doc: TenantScoped): string {
  if (kind === 'roster') return doc.id;
  return (doc as TrainingRecord | CaseloadSnapshot).staffId;
}
