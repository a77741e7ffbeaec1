import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseloadSnapshot, Course, Staff, TrainingRecord } from '../../../bot/src/domain/model';
import { DEFAULT_CATALOGUE } from '../../../bot/src/domain/training';
import { CaseloadImport } from '../../../bot/src/imports/caseloads';
import { CourseImport } from '../../../bot/src/imports/catalogue';
import { PeopleIndex } from '../../../bot/src/imports/people';
import { StoredTraining, TrainingImport, trainingRecordId } from '../../../bot/src/imports/training-register';
import { snapshotId } from '../../../bot/src/store/caseload-repository';
import { courseId } from '../../../bot/src/store/training-repository';
import { rowsOf, TODAY, where } from './helpers';

const T = 'tenant-a';
const fixture = (name: string): string => readFileSync(path.join(__dirname, '../../fixtures/imports', name), 'utf8');

const names = ['sam.okafor', 'lena.novak', 'ade.bello', 'kim.lee', 'mia.green'];
const staff: Staff[] = names.map((n, i) => ({
  id: `s-${i + 1}`,
  tenantId: T,
  aadObjectId: `aaaaaaaa-0000-4000-8000-00000000000${i + 1}`,
  name: n,
  email: `${n}@borough.gov.uk`,
  role: 'social_worker',
  team: 'A',
  startDate: '2020-01-01',
  fte: 1,
  employment: 'permanent',
  status: 'active',
}));
const people = new PeopleIndex(staff);
const catalogue = new Map<string, Course>(DEFAULT_CATALOGUE.map((c) => [c.code, { ...c, id: courseId(c.code), tenantId: T }]));

describe('caseload rows', () => {
  async function plan(csv: string, stored: CaseloadSnapshot[] = []) {
    const { rows, errors } = await rowsOf('caseloads', csv);
    const reader = new CaseloadImport(T, TODAY, people, errors);
    for (const r of rows) reader.add(r);
    return { result: reader.plan(new Map(stored.map((s) => [s.id, s]))), errors, dates: reader.dates() };
  }

  it('reads counts (blank is 0) into snapshots with ids from the worker and date', async () => {
    const { result, errors, dates } = await plan(fixture('caseloads-good.csv'));
    expect(errors.count).toBe(0);
    expect(dates).toEqual(['2026-10-31']);
    expect(result.writes).toHaveLength(5);
    expect(result.writes[0]!.doc).toEqual({ id: snapshotId('s-1', '2026-10-31'), tenantId: T, staffId: 's-1', date: '2026-10-31', counts: { cin: 6, cp: 4, cla: 3, care_leaver: 0, pre_proceedings: 1, early_help: 0 } });
    expect(result.writes[4]!.doc.counts).toEqual({ cin: 0, cp: 0, cla: 0, care_leaver: 0, pre_proceedings: 0, early_help: 9 });
    const again = await plan(fixture('caseloads-good.csv'), result.writes.map((w) => w.doc));
    expect(again.result).toMatchObject({ writes: [], unchanged: 5 });
  });

  it('refuses names, dates of birth and other text in count cells without repeating them, unknown workers, future dates, duplicates and stray cells', async () => {
    const { result, errors } = await plan(fixture('caseloads-bad.csv'));
    expect(where(errors.listed())).toEqual(['3 cin', '4 cp', '5 worker', '6 snapshot_date', '7 worker', '8 ', '8 cin']);
    const reasons = errors.listed().map((e) => e.reason);
    expect(reasons[0]).toMatch(/perhaps a child's name/);
    expect(reasons[1]).toMatch(/perhaps a child's date of birth/);
    expect(reasons[4]).toMatch(/row 2 has the same worker and snapshot date/);
    expect(reasons.join(' ')).not.toMatch(/Jane|Smith|2015|LCS-1234567/);
    expect(result.writes.map((w) => w.row)).toEqual([2]);
  });

  it('refuses a worker named by anything but an email or object id, and dates that look like a birth date', async () => {
    const { errors } = await plan('worker,snapshot_date,cin,cp,cla,care_leaver,pre_proceedings,early_help\nJane Smith,2026-10-31,1,0,0,0,0,0\nsam.okafor@borough.gov.uk,2012-05-01,1,0,0,0,0,0\n');
    expect(where(errors.listed())).toEqual(['2 worker', '3 snapshot_date']);
    expect(errors.listed()[0]!.reason).not.toContain('Jane');
    expect(errors.listed()[1]!.reason).toMatch(/never a child's date of birth/);
  });
});

describe('training register rows', () => {
  function stored(records: TrainingRecord[] = []): StoredTraining {
    const s = new StoredTraining();
    for (const r of records) s.add(r);
    return s;
  }
  async function plan(csv: string, existing: TrainingRecord[] = []) {
    const { rows, errors } = await rowsOf('training', csv);
    const reader = new TrainingImport({ tenantId: T, today: TODAY, people, catalogue, stored: stored(existing), actorId: 'importer', at: '2026-11-23T10:00:00.000Z' }, errors);
    for (const r of rows) reader.add(r);
    return { result: reader.plan(), errors, reader };
  }

  it('makes one record per attendee row with ids from the tenant, person, course and date, and the course hours by default', async () => {
    const { result, errors } = await plan(fixture('training-good.csv'));
    expect(errors.count).toBe(0);
    expect(result.writes.map((w) => [w.doc.staffId, w.doc.courseCode, w.doc.date, w.doc.status, w.doc.hours])).toEqual([
      ['s-1', 'SOS-INTRO', '2026-10-14', 'attended', 12],
      ['s-2', 'SOS-INTRO', '2026-10-14', 'completed', 12],
      ['s-3', 'SOS-INTRO', '2026-10-14', 'did_not_attend', 0],
      ['s-1', 'CS-DA', '2026-09-15', 'completed', 6],
      ['s-4', 'CS-DA', '2026-09-15', 'attended', 6],
      ['s-3', 'CS-COURT', '2027-02-10', 'booked', 6],
    ]);
    expect(result.writes[0]!.doc).toMatchObject({ id: trainingRecordId('s-1', 'SOS-INTRO', '2026-10-14'), recordedBy: 'importer' });
    expect(result.writes[2]!.doc.note).toBe('Off sick');
    expect([...(result.affected as string[])].sort()).toEqual(['s-1', 's-2', 's-3', 's-4']);
  });

  it('updates a stored record for the same person, course and date whatever its id, keeping what blank cells keep', async () => {
    const chat: TrainingRecord = { id: 'from-chat', tenantId: T, staffId: 's-1', courseCode: 'SOS-INTRO', date: '2026-10-14', status: 'attended', hours: 10, note: 'Great course', accreditedOn: '2026-11-01', recordedBy: 's-1', recordedAt: '2026-10-14T17:00:00.000Z' };
    const same = await plan('course,date,attendee,status\nSOS-INTRO,2026-10-14,sam.okafor@borough.gov.uk,attended\n', [chat]);
    expect(same.result).toMatchObject({ writes: [], unchanged: 1 });
    const changed = await plan('course,date,attendee,status\nSOS-INTRO,2026-10-14,sam.okafor@borough.gov.uk,completed\n', [chat]);
    expect(changed.result.writes.map(({ row, change, doc }) => ({ row, change, doc }))).toEqual([{ row: 2, change: 'update', doc: expect.objectContaining({ id: 'from-chat', status: 'completed', hours: 12, note: 'Great course', accreditedOn: '2026-11-01', recordedBy: 'importer' }) }]);
    const records = changed.reader.recordsAfter(['s-1'], T).get('s-1')!;
    expect(records.map((r) => [r.id, r.status])).toEqual([['from-chat', 'completed']]);
  });

  it('names the row and column of unknown courses and attendees, bad dates and statuses, duplicates, future attendance and several attendees in a cell', async () => {
    const { result, errors } = await plan(fixture('training-bad.csv'));
    expect(where(errors.listed())).toEqual(['3 course', '4 attendee', '5 date', '6 status', '7 attendee', '8 date', '9 attendee']);
    expect(result.writes).toEqual([expect.objectContaining({ row: 2 })]);
  });
});

describe('course catalogue rows', () => {
  const defaults = new Map(catalogue);
  function plan(csvRows: Awaited<ReturnType<typeof rowsOf>>, current: Map<string, Course>, own: boolean) {
    const reader = new CourseImport(T, current, own, csvRows.errors);
    for (const r of csvRows.rows) reader.add(r);
    return reader.plan();
  }

  it('stores the defaults with a tenant\'s first catalogue, and finds nothing to change the second time', async () => {
    const first = plan(await rowsOf('courses', fixture('courses-good.csv')), defaults, false);
    expect(first.writes.map((w) => [w.doc.code, w.change])).toEqual([['CS-DA', 'update'], ['CS-NEGLECT', 'create']]);
    expect(first.writes[0]!.doc).toMatchObject({ renewalMonths: 24, category: 'core_skills', id: courseId('CS-DA') });
    expect(first.writes[1]!.doc).toMatchObject({ category: 'core_skills', hours: 6, renewalMonths: 36 });
    expect(first.unchanged).toBe(2);
    expect(first.defaultsStored.map((c) => c.code).sort()).toEqual(DEFAULT_CATALOGUE.map((c) => c.code).filter((c) => c !== 'CS-DA').sort());
    expect(first.affected).toBe('all');
    const own = new Map(defaults);
    for (const c of [...first.writes.map((w) => w.doc), ...first.defaultsStored]) own.set(c.code, c);
    const second = plan(await rowsOf('courses', fixture('courses-good.csv')), own, true);
    expect(second).toMatchObject({ writes: [], unchanged: 4, defaultsStored: [], affected: [] });
  });

  it('names bad codes, missing Signs of Safety levels, unknown KSS areas and categories, bad hours and duplicate codes', async () => {
    const csv = await rowsOf('courses', fixture('courses-bad.csv'));
    const result = plan(csv, defaults, false);
    expect(where(csv.errors.listed())).toEqual(['3 code', '4 level', '5 level', '6 category', '7 hours', '8 code']);
    expect(result.writes.map((w) => w.row)).toEqual([2]);
  });
});
