import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Staff } from '../../../bot/src/domain/model';
import { newStaffId, planRoster, readRosterRow } from '../../../bot/src/imports/roster';
import { rowsOf, TODAY, where } from './helpers';

const T = 'tenant-a';
const fixture = (name: string): string => readFileSync(path.join(__dirname, '../../fixtures/imports', name), 'utf8');
const HEADER = 'object_id,email,name,role,team,line_manager,professional_supervisor,start_date,programme,programme_start,fte,employment,swe_number,status,leaving_date';

async function plan(csv: string, stored: Staff[] = []) {
  const { rows, errors } = await rowsOf('roster', csv);
  const read = rows.map((r) => readRosterRow(r, TODAY, errors));
  const result = planRoster(read, stored, T, errors);
  return { result, errors, byEmail: (email: string) => result.writes.find((w) => w.doc.email === email)?.doc };
}

function person(overrides: Partial<Staff>): Staff {
  return { id: 'x', tenantId: T, name: 'X', email: 'x@borough.gov.uk', role: 'social_worker', team: 'A', startDate: '2020-01-01', fte: 1, employment: 'permanent', status: 'active', ...overrides };
}

describe('roster rows', () => {
  it('reads a good roster: defaults, UK dates, role labels, early-career programme, managers by email or object id, forward references', async () => {
    const { result, errors, byEmail } = await plan(fixture('roster-good.csv'));
    expect(errors.count).toBe(0);
    expect(result.writes).toHaveLength(11);
    expect(result.writes.every((w) => w.change === 'create')).toBe(true);
    const olu = byEmail('olu.adebayo@borough.gov.uk')!;
    const tom = byEmail('tom.walsh@borough.gov.uk')!;
    expect(olu.id).toBe(newStaffId(T, { oid: '11111111-1111-4111-8111-111111111111' }));
    expect(tom).toMatchObject({ role: 'team_manager', startDate: '2020-01-06', managerId: olu.id, status: 'active' });
    expect(byEmail('ade.bello@borough.gov.uk')).toMatchObject({ role: 'asye', programme: 'asye', programmeStart: '2026-09-07' });
    expect(byEmail('lena.novak@borough.gov.uk')).toMatchObject({ fte: 0.8, sweNumber: 'SW234567' });
    expect(byEmail('kim.lee@borough.gov.uk')).toMatchObject({ employment: 'agency', managerId: tom.id });
    expect(byEmail('ben.carter@borough.gov.uk')).toMatchObject({ status: 'leaver', leavingDate: '2026-08-31' });
    const nina = byEmail('nina.roy@borough.gov.uk')!;
    expect(byEmail('mia.green@borough.gov.uk')).toMatchObject({ managerId: nina.id, professionalSupervisorId: byEmail('priya.shah@borough.gov.uk')!.id });
    expect(result.leaversMarked).toBe(1);
    // The ids of new people are derived from the data: the same every time.
    expect((await plan(fixture('roster-good.csv'))).result.writes.map((w) => w.doc.id)).toEqual(result.writes.map((w) => w.doc.id));
  });

  it('names the row and column of each problem: unknown manager, invalid date, unknown role, duplicate person, a cycle', async () => {
    const { result, errors } = await plan(fixture('roster-bad.csv'));
    expect(where(errors.listed())).toEqual(['4 line_manager', '5 start_date', '6 role', '7 email', '8 line_manager', '9 line_manager']);
    expect(errors.listed()[4]!.reason).toMatch(/goes round in a circle: Mia Green → Nina Roy → Mia Green/);
    expect(result.writes.map((w) => w.row)).toEqual([2, 3, 10]);
  });

  it('checks each cell: emails, object ids, FTE, SWE numbers, statuses and leaving dates', async () => {
    const csv = [
      HEADER,
      'not-a-guid,sam@borough,Sam,social_worker,A,,,2022-01-01,,,1.5,contract,12345,active,2026-01-01',
      ',kim@borough.gov.uk,Kim,social_worker,A,,,2022-01-01,,2022-01-01,0,,,leaver,',
      ',jo@borough.gov.uk,Jo,social_worker,A,,,2022-01-01,,,,,,,2021-12-31',
      ',al@borough.gov.uk,,,,,,2028-01-01,,,,,,gone,',
    ].join('\n');
    const { result, errors } = await plan(csv);
    expect(where(errors.listed())).toEqual([
      '2 object_id', '2 email', '2 fte', '2 employment', '2 swe_number', '2 leaving_date',
      '3 programme_start', '3 fte', '3 leaving_date',
      '4 leaving_date',
      '5 name', '5 role', '5 team', '5 start_date', '5 status',
    ]);
    expect(result.writes).toEqual([]);
  });

  it('matches stored people by object id before email, keeps a stored object id when the cell is blank, and finds nothing to change in the same data', async () => {
    const first = await plan(fixture('roster-good.csv'));
    const stored = first.result.writes.map((w) => ({ ...w.doc, aadObjectId: w.doc.aadObjectId ?? `oid-of-${w.doc.email}` }));
    const again = await plan(fixture('roster-good.csv'), stored);
    expect(again.errors.count).toBe(0);
    expect(again.result.writes).toEqual([]);
    expect(again.result.unchanged).toBe(11);
    expect(again.result.notInFile).toBe(0);
  });

  it('moves a person between teams as an update of their team and line manager, and counts active people missing from the file', async () => {
    const stored = (await plan(fixture('roster-good.csv'))).result.writes.map((w) => w.doc);
    const moved = await plan(fixture('roster-move.csv'), [...stored, person({ id: 'old-timer', email: 'old.timer@borough.gov.uk' })]);
    expect(moved.errors.count).toBe(0);
    const tom = stored.find((s) => s.email === 'tom.walsh@borough.gov.uk')!;
    expect(moved.result.writes).toEqual([expect.objectContaining({ row: 5, change: 'update', doc: expect.objectContaining({ email: 'sam.okafor@borough.gov.uk', team: 'Assessment 2', managerId: tom.id }) })]);
    // Ben (a leaver) and the old timer are not in the file: neither is changed; only the active one is counted.
    expect(moved.result.notInFile).toBe(1);
  });

  it('refuses a file that closes a circle through people already stored', async () => {
    const stored = [person({ id: 'boss', email: 'boss@borough.gov.uk', managerId: 'deputy' }), person({ id: 'deputy', email: 'deputy@borough.gov.uk' })];
    const { errors } = await plan([HEADER, ',deputy@borough.gov.uk,Deputy,team_manager,A,boss@borough.gov.uk,,2020-01-01,,,,,,,'].join('\n'), stored);
    expect(where(errors.listed())).toEqual(['2 line_manager']);
    expect(errors.listed()[0]!.reason).toMatch(/X → Deputy → X/);
  });

  it('refuses a row whose manager is only in the file on a row with problems, and someone managing themselves', async () => {
    const { result, errors } = await plan([
      HEADER,
      ',boss@borough.gov.uk,Boss,team_manager,A,,,not a date,,,,,,,',
      ',sam@borough.gov.uk,Sam,social_worker,A,boss@borough.gov.uk,,2020-01-01,,,,,,,',
      ',kim@borough.gov.uk,Kim,social_worker,A,sam@borough.gov.uk,,2020-01-01,,,,,,,',
      ',self@borough.gov.uk,Self,team_manager,A,self@borough.gov.uk,,2020-01-01,,,,,,,',
    ].join('\n'));
    expect(where(errors.listed())).toEqual(['2 start_date', '3 line_manager', '4 line_manager', '5 line_manager']);
    expect(errors.listed()[1]!.reason).toMatch(/on row 2, which has errors/);
    expect(errors.listed()[3]!.reason).toMatch(/own line manager/);
    expect(result.writes).toEqual([]);
  });

  it('refuses an email that belongs to someone else, or an object id that contradicts the stored one', async () => {
    const stored = [person({ id: 'p1', email: 'one@borough.gov.uk', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001' }), person({ id: 'p2', email: 'two@borough.gov.uk', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002' })];
    const { errors } = await plan([
      HEADER,
      'aaaaaaaa-0000-4000-8000-000000000001,two@borough.gov.uk,One,social_worker,A,,,2020-01-01,,,,,,,',
      'aaaaaaaa-0000-4000-8000-000000000009,one@borough.gov.uk,One,social_worker,A,,,2020-01-01,,,,,,,',
    ].join('\n'), stored);
    // Row 2 takes One's object id with Two's email; row 3 takes One's email, which stays One's because row 2 fails.
    expect(where(errors.listed())).toEqual(['2 email', '3 email']);
    expect(errors.listed()[1]!.reason).toMatch(/until their row \(2\) changes it/);
    const contradicts = await plan([HEADER, 'aaaaaaaa-0000-4000-8000-000000000009,one@borough.gov.uk,One,social_worker,A,,,2020-01-01,,,,,,,'].join('\n'), stored);
    expect(where(contradicts.errors.listed())).toEqual(['2 object_id']);
  });

  it('lets an email pass to a new owner when its stored owner changes theirs in the same file', async () => {
    const stored = [person({ id: 'p1', email: 'shared@borough.gov.uk', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001' })];
    const { result, errors } = await plan([
      HEADER,
      'aaaaaaaa-0000-4000-8000-000000000001,renamed@borough.gov.uk,One,social_worker,A,,,2020-01-01,,,,,,,',
      'aaaaaaaa-0000-4000-8000-000000000002,shared@borough.gov.uk,Two,social_worker,A,,,2020-01-01,,,,,,,',
    ].join('\n'), stored);
    expect(errors.count).toBe(0);
    expect(result.writes.map((w) => w.change)).toEqual(['update', 'create']);
  });
});
