import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Staff, TrainingRecord } from '../../bot/src/domain/model';
import { applyImport, previewImport, type ImportReport, type ImportRequest } from '../../bot/src/imports/run-import';
import { newStaffId } from '../../bot/src/imports/roster';
import { trainingRecordId } from '../../bot/src/imports/training-register';
import { snapshotId } from '../../bot/src/store/caseload-repository';
import type { Store } from '../../bot/src/store/store';
import { openTestStore } from '../support/store';

const TODAY = '2026-11-23';
const FIXTURES = path.join(__dirname, '../fixtures/imports');
const file = (name: string): string => path.join(FIXTURES, name);

let store: Store;
beforeAll(async () => {
  store = await openTestStore(TODAY);
});
afterAll(() => store.close());

let tenantCounter = 0;
const newTenant = (): string => `imports-${++tenantCounter}-0000-4000-8000-000000000000`;

type Kind = ImportRequest['kind'];
function request(tenantId: string, kind: Kind, name: string, input?: ImportRequest['input']): ImportRequest {
  return { tenantId, actorId: 'psw-1', kind, input: input ?? createReadStream(file(name)), fileName: name, today: TODAY, now: () => new Date('2026-11-23T10:00:00.000Z') };
}
const apply = (tenantId: string, kind: Kind, name: string, onlyValidRows = false, input?: ImportRequest['input']): Promise<ImportReport> =>
  applyImport(store, { ...request(tenantId, kind, name, input), onlyValidRows });
const preview = (tenantId: string, kind: Kind, name: string, input?: ImportRequest['input']): Promise<ImportReport> => previewImport(store, request(tenantId, kind, name, input));

/** Every document of a tenant in every container, etags included: equal snapshots mean nothing was written. */
async function everything(tenantId: string, except: string[] = []): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, container] of Object.entries(store.collections)) {
    if (except.includes(name)) continue;
    const docs = await container.all(tenantId);
    out[name] = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

async function staffByEmail(tenantId: string): Promise<Map<string, Staff>> {
  return new Map((await store.staff.all(tenantId)).map((s) => [s.email, s]));
}

/** A tenant with the good roster applied. */
async function rosterTenant(): Promise<string> {
  const t = newTenant();
  const r = await apply(t, 'roster', 'roster-good.csv');
  expect(r.applied).toBe(true);
  return t;
}

describe('roster import', () => {
  it('creates everyone with their line, computes their statuses and audits the import', async () => {
    const t = newTenant();
    const bytes = readFileSync(file('roster-good.csv'));
    const report = await apply(t, 'roster', 'roster-good.csv');
    expect(report).toMatchObject({ rows: 11, validRows: 11, creates: 11, updates: 0, unchanged: 0, invalidRows: 0, applied: true, written: 11, statusesRefreshed: 11, leaversMarked: 1, notInFile: 0 });
    expect(report.summary).toBe('Applied: 11 created, 0 updated, 0 unchanged.');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const people = await staffByEmail(t);
    const olu = people.get('olu.adebayo@borough.gov.uk')!;
    expect(olu.id).toBe(newStaffId(t, { oid: '11111111-1111-4111-8111-111111111111' }));
    expect(people.get('tom.walsh@borough.gov.uk')!.managerId).toBe(olu.id);
    const priya = people.get('priya.shah@borough.gov.uk')!;
    expect((await store.status.reports(t, priya.id)).map((s) => s.name).sort()).toEqual(['Ben Carter', 'Lena Novak', 'Sam Okafor']);
    expect(await store.status.get(t, people.get('ben.carter@borough.gov.uk')!.id)).toMatchObject({ active: false });
    const audit = await store.audit.ofAction(t, 'import');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: 'psw-1',
      at: '2026-11-23T10:00:00.000Z',
      details: {
        kind: 'roster',
        fileName: 'roster-good.csv',
        fileHash: require('node:crypto').createHash('sha256').update(bytes).digest('hex'),
        mode: 'apply',
        applied: true,
        counts: { rows: 11, creates: 11, updates: 0, unchanged: 0, invalidRows: 0, written: 11, statusesRefreshed: 11 },
      },
    });
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    const t = await rosterTenant();
    const before = await everything(t, ['audit']);
    const again = await apply(t, 'roster', 'roster-good.csv');
    expect(again).toMatchObject({ creates: 0, updates: 0, unchanged: 11, written: 0, statusesRefreshed: 0, applied: true });
    expect(again.summary).toBe('Nothing changed: all 11 rows already match what Reflect holds.');
    expect(await everything(t, ['audit'])).toEqual(before);
    expect(await store.audit.ofAction(t, 'import')).toHaveLength(2);
    expect((await preview(t, 'roster', 'roster-good.csv')).summary).toBe('Nothing would change: all 11 rows match what Reflect already holds.');
  });

  it('moves a person between teams: their team and line manager change, and so do both managers\' team views', async () => {
    const t = await rosterTenant();
    const people = await staffByEmail(t);
    const sam = people.get('sam.okafor@borough.gov.uk')!;
    const priya = people.get('priya.shah@borough.gov.uk')!;
    const tom = people.get('tom.walsh@borough.gov.uk')!;
    const report = await apply(t, 'roster', 'roster-move.csv');
    expect(report).toMatchObject({ creates: 0, updates: 1, unchanged: 9, written: 1, statusesRefreshed: 1, notInFile: 0 });
    expect(await store.staff.get(t, sam.id)).toMatchObject({ team: 'Assessment 2', managerId: tom.id });
    expect(await store.status.get(t, sam.id)).toMatchObject({ team: 'Assessment 2', managerId: tom.id });
    expect((await store.status.reports(t, tom.id)).map((s) => s.name).sort()).toEqual(['Ade Bello', 'Kim Lee', 'Sam Okafor']);
    expect((await store.status.reports(t, priya.id)).map((s) => s.name).sort()).toEqual(['Ben Carter', 'Lena Novak']);
    // Ben is not in the new file: kept exactly as he was.
    expect(await store.staff.get(t, people.get('ben.carter@borough.gov.uk')!.id)).toEqual(people.get('ben.carter@borough.gov.uk'));
  });

  it('marks leavers without deleting them, and counts active staff missing from the file', async () => {
    const t = await rosterTenant();
    const text = readFileSync(file('roster-good.csv'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith(',jo.marsh'))
      .map((l) => (l.startsWith(',kim.lee') ? l.replace(/,active,$/, ',leaver,30/11/2026') : l))
      .join('\n');
    const report = await apply(t, 'roster', 'roster-leaver.csv', false, text);
    expect(report).toMatchObject({ updates: 1, unchanged: 9, leaversMarked: 1, notInFile: 1 });
    const people = await staffByEmail(t);
    expect(people.get('kim.lee@borough.gov.uk')).toMatchObject({ status: 'leaver', leavingDate: '2026-11-30' });
    expect(people.get('jo.marsh@borough.gov.uk')).toMatchObject({ status: 'active' });
    expect(await store.status.get(t, people.get('kim.lee@borough.gov.uk')!.id)).toMatchObject({ active: false });
    expect(people.size).toBe(11);
  });

  it('applies nothing when any row is wrong, naming each row; applies the valid rows only when asked', async () => {
    const t = newTenant();
    const before = await everything(t);
    const refused = await apply(t, 'roster', 'roster-bad.csv');
    expect(refused).toMatchObject({ applied: false, written: 0, rows: 9, validRows: 3, invalidRows: 6, creates: 3 });
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[4, 'line_manager'], [5, 'start_date'], [6, 'role'], [7, 'email'], [8, 'line_manager'], [9, 'line_manager']]);
    expect(refused.summary).toMatch(/^Nothing was applied: 6 rows with problems/);
    expect(await everything(t)).toEqual(before);

    const partial = await apply(t, 'roster', 'roster-bad.csv', true);
    expect(partial).toMatchObject({ mode: 'apply-valid', applied: true, written: 3, creates: 3, invalidRows: 6 });
    expect(partial.summary).toBe('Applied: 3 created, 0 updated, 0 unchanged; 6 rows with problems skipped.');
    expect([...(await staffByEmail(t)).keys()].sort()).toEqual(['jo.marsh@borough.gov.uk', 'olu.adebayo@borough.gov.uk', 'priya.shah@borough.gov.uk']);
  });

  it('refuses a file whose header is wrong, even for valid rows only', async () => {
    const t = newTenant();
    const before = await everything(t);
    const report = await apply(t, 'roster', 'roster-bad-header.csv', true);
    expect(report).toMatchObject({ fileRejected: true, applied: false, written: 0 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[1, 'name'], [1, 'full_name']]);
    expect(await everything(t)).toEqual(before);
  });
});

describe('caseload import', () => {
  it('writes snapshots by worker and date, updates statuses, and changes nothing the second time', async () => {
    const t = await rosterTenant();
    const people = await staffByEmail(t);
    const sam = people.get('sam.okafor@borough.gov.uk')!;
    const report = await apply(t, 'caseloads', 'caseloads-good.csv');
    expect(report).toMatchObject({ creates: 5, written: 5, statusesRefreshed: 5, applied: true });
    expect(await store.collections.caseloads.get(t, snapshotId(sam.id, '2026-10-31'))).toMatchObject({ counts: { cin: 6, cp: 4, cla: 3, care_leaver: 0, pre_proceedings: 1, early_help: 0 } });
    expect((await store.status.get(t, sam.id))?.caseload).toMatchObject({ date: '2026-10-31', total: 14 });
    const before = await everything(t, ['audit']);
    expect(await apply(t, 'caseloads', 'caseloads-good.csv')).toMatchObject({ creates: 0, updates: 0, unchanged: 5, written: 0 });
    expect(await everything(t, ['audit'])).toEqual(before);
    const changed = readFileSync(file('caseloads-good.csv'), 'utf8').replace('sam.okafor@borough.gov.uk,2026-10-31,6,', 'sam.okafor@borough.gov.uk,2026-10-31,7,');
    expect(await apply(t, 'caseloads', 'changed.csv', false, changed)).toMatchObject({ updates: 1, unchanged: 4 });
    expect((await store.status.get(t, sam.id))?.caseload).toMatchObject({ total: 15 });
  });

  it('refuses a file carrying a child\'s details, or rows with names and dates where counts belong, and leaves the data as it was', async () => {
    const t = await rosterTenant();
    const before = await everything(t);
    const header = await apply(t, 'caseloads', 'caseloads-child-data.csv', true);
    expect(header).toMatchObject({ fileRejected: true, applied: false });
    expect(header.errors.map((e) => e.column)).toEqual(['child_name', 'dob']);
    const rows = await apply(t, 'caseloads', 'caseloads-bad.csv');
    expect(rows.errors.map((e) => [e.row, e.column])).toEqual([[3, 'cin'], [4, 'cp'], [5, 'worker'], [6, 'snapshot_date'], [7, 'worker'], [8, ''], [8, 'cin']]);
    expect(JSON.stringify(rows)).not.toMatch(/Jane|Smith|03\/04\/2015|LCS-1234567/);
    expect(await everything(t)).toEqual(before);
  });
});

describe('training register import', () => {
  it('writes one record per attendee, refreshes their statuses and changes nothing the second time', async () => {
    const t = await rosterTenant();
    const people = await staffByEmail(t);
    const sam = people.get('sam.okafor@borough.gov.uk')!;
    const report = await apply(t, 'training', 'training-good.csv');
    expect(report).toMatchObject({ creates: 6, written: 6, statusesRefreshed: 4, applied: true });
    expect(await store.training.get(t, trainingRecordId(sam.id, 'SOS-INTRO', '2026-10-14'))).toMatchObject({ status: 'attended', hours: 12, recordedBy: 'psw-1' });
    expect((await store.status.get(t, sam.id))?.signsOfSafety.held).toBe('intro_2day');
    const before = await everything(t, ['audit']);
    const again = await apply(t, 'training', 'training-good.csv');
    expect(again).toMatchObject({ creates: 0, updates: 0, unchanged: 6, written: 0 });
    expect(again.summary).toBe('Nothing changed: all 6 rows already match what Reflect holds.');
    expect(await everything(t, ['audit'])).toEqual(before);
  });

  it('updates a record logged in chat for the same person, course and date instead of adding another', async () => {
    const t = await rosterTenant();
    const sam = (await staffByEmail(t)).get('sam.okafor@borough.gov.uk')!;
    const chat: TrainingRecord = { id: 'chat-record', tenantId: t, staffId: sam.id, courseCode: 'SOS-INTRO', date: '2026-10-14', status: 'booked', hours: 12, recordedBy: sam.id, recordedAt: '2026-10-01T09:00:00.000Z' };
    await store.training.save([chat]);
    const report = await apply(t, 'training', 'training-good.csv');
    expect(report).toMatchObject({ creates: 5, updates: 1 });
    expect((await store.training.forStaff(t, sam.id)).map((r) => [r.id, r.courseCode, r.status])).toEqual([
      ['chat-record', 'SOS-INTRO', 'attended'],
      [trainingRecordId(sam.id, 'CS-DA', '2026-09-15'), 'CS-DA', 'completed'],
    ]);
  });

  it('names every bad row and applies the good ones only when asked; a file that is not CSV is never applied', async () => {
    const t = await rosterTenant();
    const before = await everything(t);
    const refused = await apply(t, 'training', 'training-bad.csv');
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[3, 'course'], [4, 'attendee'], [5, 'date'], [6, 'status'], [7, 'attendee'], [8, 'date'], [9, 'attendee']]);
    expect(await everything(t)).toEqual(before);
    const malformed = await apply(t, 'training', 'training-malformed.csv', true);
    expect(malformed).toMatchObject({ fileRejected: true, applied: false, errors: [{ row: 2, column: '' }] });
    expect(await everything(t)).toEqual(before);
    const partial = await apply(t, 'training', 'training-bad.csv', true);
    expect(partial).toMatchObject({ applied: true, creates: 1, written: 1, invalidRows: 7 });
  });

  it('refuses to apply a file that differs from the one previewed', async () => {
    const t = await rosterTenant();
    const previewed = await preview(t, 'training', 'training-good.csv');
    expect(previewed).toMatchObject({ mode: 'preview', creates: 6, applied: false, written: 0 });
    const before = await everything(t);
    const edited = readFileSync(file('training-good.csv'), 'utf8').replace('Off sick', 'Unwell');
    const report = await applyImport(store, { ...request(t, 'training', 'training-good.csv', edited), onlyValidRows: false, expectedFileHash: previewed.fileHash });
    expect(report).toMatchObject({ applied: false, written: 0 });
    expect(report.failure).toMatch(/not the one that was previewed/);
    expect(await everything(t)).toEqual(before);
    const same = await applyImport(store, { ...request(t, 'training', 'training-good.csv'), onlyValidRows: false, expectedFileHash: previewed.fileHash });
    expect(same).toMatchObject({ applied: true, creates: 6 });
  });
});

describe('course catalogue import', () => {
  it('stores the tenant\'s first catalogue with the defaults, refreshes everyone, and changes nothing the second time', async () => {
    const t = await rosterTenant();
    const report = await apply(t, 'courses', 'courses-good.csv');
    expect(report).toMatchObject({ creates: 1, updates: 1, unchanged: 2, applied: true, statusesRefreshed: 11 });
    expect(report.notes[0]).toMatch(/default courses/);
    const catalogue = await store.courses.catalogue(t);
    expect(catalogue.get('CS-NEGLECT')).toMatchObject({ title: 'Neglect and the Graded Care Profile', renewalMonths: 36 });
    expect(catalogue.get('CS-DA')).toMatchObject({ renewalMonths: 24 });
    expect(catalogue.get('SOS-ADV')).toBeDefined();
    const again = await apply(t, 'courses', 'courses-good.csv');
    expect(again).toMatchObject({ creates: 0, updates: 0, unchanged: 4, written: 0 });
    const registered = readFileSync(file('training-good.csv'), 'utf8') + 'CS-NEGLECT,2026-11-02,sam.okafor@borough.gov.uk,attended,,\n';
    expect(await apply(t, 'training', 'with-new-course.csv', false, registered)).toMatchObject({ creates: 7, invalidRows: 0 });
  });
});

describe('statuses and tenants', () => {
  it('computes the same status documents as the StatusKeeper', async () => {
    const t = await rosterTenant();
    await apply(t, 'caseloads', 'caseloads-good.csv');
    await apply(t, 'training', 'training-good.csv');
    const ours = (await store.status.all(t)).map(({ _etag, ...s }) => (void _etag, s));
    const ids = ours.map((s) => s.id);
    await store.statusKeeper.refresh(t, ids);
    const theirs = (await store.status.all(t)).map(({ _etag, ...s }) => (void _etag, s));
    expect(theirs.sort((a, b) => a.id.localeCompare(b.id))).toEqual(ours.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('never touches another tenant, and gives the same people different ids in each', async () => {
    const a = newTenant();
    const b = await rosterTenant();
    await apply(b, 'training', 'training-good.csv');
    const bBefore = await everything(b);
    await apply(a, 'roster', 'roster-good.csv');
    await apply(a, 'caseloads', 'caseloads-good.csv');
    await apply(a, 'training', 'training-good.csv');
    await apply(a, 'courses', 'courses-good.csv');
    expect(await everything(b)).toEqual(bBefore);
    const idsA = new Set((await store.staff.all(a)).map((s) => s.id));
    expect((await store.staff.all(b)).some((s) => idsA.has(s.id))).toBe(false);
  });
});

describe('large files', () => {
  const PEOPLE = 200;
  const ROWS = 6000;
  const codes = ['SOS-INTRO', 'CS-ASSESS', 'CS-CHRON', 'CS-DIRECT', 'CS-DA', 'CS-EXPLOIT', 'CS-COURT', 'SOS-ADV'];

  function roster(): string {
    const lines = ['email,name,role,team,line_manager,start_date'];
    lines.push('boss@borough.gov.uk,The Boss,service_manager,Leadership,,2010-01-04');
    for (let i = 0; i < PEOPLE; i++) lines.push(`p${i}@borough.gov.uk,Person ${i},social_worker,Team ${i % 10},boss@borough.gov.uk,2020-01-06`);
    return lines.join('\n') + '\n';
  }

  /** ROWS distinct rows; `broken` rows (1-based data row index) get an unknown course. */
  function* register(broken: ReadonlySet<number> = new Set()): Generator<string> {
    yield 'course,date,attendee,status,hours,note\n';
    for (let i = 0; i < ROWS; i++) {
      const day = 1 + Math.floor(i / (PEOPLE * codes.length));
      const date = `2025-${String(1 + (day % 12)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
      const code = broken.has(i + 1) ? 'NO-SUCH-COURSE' : codes[Math.floor(i / PEOPLE) % codes.length]!;
      yield `${code},${date},p${i % PEOPLE}@borough.gov.uk,attended,,\n`;
    }
  }

  it('streams a generated register, names the broken rows, applies all of it, then finds it all unchanged', async () => {
    const t = newTenant();
    expect(await apply(t, 'roster', 'big-roster.csv', false, roster())).toMatchObject({ creates: PEOPLE + 1, applied: true });
    const before = await everything(t);
    // Data rows 1234 and 5678 are spreadsheet rows 1235 and 5679.
    const refused = await apply(t, 'training', 'big.csv', false, Readable.from(register(new Set([1234, 5678]))));
    expect(refused).toMatchObject({ rows: ROWS, invalidRows: 2, applied: false, written: 0 });
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[1235, 'course'], [5679, 'course']]);
    expect(await everything(t)).toEqual(before);

    const progress: string[] = [];
    const applied = await applyImport(store, { ...request(t, 'training', 'big.csv', Readable.from(register())), onlyValidRows: false, onProgress: (p) => progress.push(p.phase) });
    expect(applied).toMatchObject({ rows: ROWS, creates: ROWS, written: ROWS, statusesRefreshed: PEOPLE, applied: true });
    expect(new Set(progress)).toEqual(new Set(['reading', 'writing', 'statuses']));
    expect(await store.collections.training.count(t)).toBe(ROWS);

    const again = await apply(t, 'training', 'big.csv', false, Readable.from(register()));
    expect(again).toMatchObject({ unchanged: ROWS, creates: 0, updates: 0, written: 0 });
  }, 120_000);
});

describe('a write that fails part-way', () => {
  it('says how far it got, keeps what was written, audits it, and a re-run completes it', async () => {
    const t = await rosterTenant();
    const training = store.collections.training;
    const original = training.bulkUpsert.bind(training);
    let calls = 0;
    const spy = jest.spyOn(training, 'bulkUpsert').mockImplementation(async (docs, onProgress) => {
      calls++;
      // The first chunk of 1,000 goes through as 100 + 100, then the database fails.
      await original(docs.slice(0, 200), onProgress);
      throw new Error('Service Unavailable');
    });
    const text = ['course,date,attendee,status'];
    for (let d = 1; d <= 60; d++) for (const who of ['sam.okafor', 'lena.novak', 'kim.lee', 'ade.bello', 'mia.green']) text.push(`CS-DA,2025-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')},${who}@borough.gov.uk,attended`);
    const csv = text.join('\n');
    let report: ImportReport;
    try {
      report = await apply(t, 'training', 'partial.csv', false, csv);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(1);
    expect(report).toMatchObject({ applied: false, written: 200, creates: 300 });
    expect(report.failure).toMatch(/writing stopped after 200 of 300 documents \(Service Unavailable\).*Import the same file again/);
    expect(report.summary).toMatch(/^The import stopped part-way/);
    expect(await store.collections.training.count(t)).toBe(200);
    const audit = await store.audit.ofAction(t, 'import');
    expect(audit.find((a) => a.details?.kind === 'training')?.details).toMatchObject({ applied: false, counts: { written: 200 }, failure: expect.stringMatching(/stopped after 200/) });
    const rerun = await apply(t, 'training', 'partial.csv', false, csv);
    expect(rerun).toMatchObject({ applied: true, unchanged: 200, creates: 100, written: 100 });
    expect(await store.collections.training.count(t)).toBe(300);
  });
});
