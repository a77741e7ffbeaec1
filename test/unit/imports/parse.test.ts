import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { isChildDetailsColumn, childDetailsIn } from '../../../bot/src/domain/child-details';
import { readDate, RowReader } from '../../../bot/src/imports/cells';
import { LAYOUTS } from '../../../bot/src/imports/layouts';
import { checkHeader, rowOf, streamCsv } from '../../../bot/src/imports/parse';
import { where } from './helpers';

async function records(input: string | Readable | Uint8Array): Promise<{ rows: [number, string[]][]; result: Awaited<ReturnType<typeof streamCsv>> }> {
  const rows: [number, string[]][] = [];
  const result = await streamCsv(input, (cells, n) => rows.push([n, cells]));
  return { rows, result };
}

describe('checkHeader', () => {
  const roster = LAYOUTS.roster;

  it('accepts the layout in any order and case, with spaces or hyphens for underscores, and aliases', () => {
    const check = checkHeader(roster, ['Name', 'EMAIL', 'Role', 'team', 'Start Date', 'line-manager', 'Entra Object ID', '']);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.columns.at.get('start_date')).toBe(4);
    expect(check.columns.at.get('object_id')).toBe(6);
    expect(check.columns.at.has('fte')).toBe(false);
  });

  it('names every missing required column and every unknown or repeated one, on row 1', () => {
    const check = checkHeader(roster, ['email', 'full_name', 'role', 'role', 'start_date']);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.every((e) => e.row === 1)).toBe(true);
    expect(check.errors.map((e) => e.column).sort()).toEqual(['full_name', 'name', 'role', 'team']);
    expect(check.errors.find((e) => e.column === 'full_name')?.reason).toMatch(/Unknown column "full_name"/);
    expect(check.errors.find((e) => e.column === 'role')?.reason).toMatch(/more than once/);
    expect(check.errors.find((e) => e.column === 'team')?.reason).toMatch(/no "team" column/);
  });

  it('refuses caseload columns that may hold a child\'s details, saying so, and any other extra column', () => {
    const check = checkHeader(LAYOUTS.caseloads, ['worker', 'snapshot_date', 'child_name', 'Date of Birth', 'cin', 'cp', 'cla', 'care_leaver', 'pre_proceedings', 'early_help', 'region']);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.map((e) => e.column)).toEqual(['child_name', 'Date of Birth', 'region']);
    expect(check.errors[0]!.reason).toMatch(/child's details/);
    expect(check.errors[1]!.reason).toMatch(/child's details/);
    expect(check.errors[2]!.reason).toMatch(/carries only these columns/);
  });

  it('requires every count column of a caseload file', () => {
    const check = checkHeader(LAYOUTS.caseloads, ['worker', 'snapshot_date', 'cin', 'cp']);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.map((e) => e.column)).toEqual(['cla', 'care_leaver', 'pre_proceedings', 'early_help']);
  });

  it('explains an empty header', () => {
    const check = checkHeader(roster, ['', '']);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]!.reason).toMatch(/first row must be the header/);
  });
});

describe('rowOf', () => {
  it('reads cells by column name, trimmed, blanks as undefined, and refuses values outside the header', () => {
    const layout = LAYOUTS.training;
    const check = checkHeader(layout, ['course', 'date', 'attendee', 'status', '']);
    if (!check.ok) throw new Error('header');
    const { row, problems } = rowOf(layout, check.columns, ['  CS-DA ', '2026-01-02', '', 'attended', 'stray', 'beyond'], 7);
    expect(row.number).toBe(7);
    expect(row.cell('course')).toBe('CS-DA');
    expect(row.cell('attendee')).toBeUndefined();
    expect(row.cell('hours')).toBeUndefined();
    expect(where(problems)).toEqual(['7 ', '7 ']);
    expect(problems[0]!.reason).toMatch(/column 5 \(which has no header\)/);
    expect(problems[1]!.reason).toMatch(/column 6 \(beyond the header\)/);
  });
});

describe('streamCsv', () => {
  it('numbers rows as a spreadsheet does: blank rows count, a quoted line break does not start a row', async () => {
    const csv = 'a,b\r\n1,"two\r\nlines"\r\n\r\n,\r\n3,4\r\n';
    const { rows, result } = await records(csv);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'two\r\nlines']],
      [5, ['3', '4']],
    ]);
    expect(result.lastRow).toBe(5);
    expect(result.problem).toBeUndefined();
  });

  it('hashes the bytes as given (sha256), drops a byte-order mark from the first cell, and copes with characters split across chunks', async () => {
    const text = '\uFEFFname,team\nZoë Łukasz,Édition\n';
    const bytes = Buffer.from(text, 'utf8');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const { rows, result } = await records(Readable.from(chunks));
    expect(rows[0]![1]).toEqual(['name', 'team']);
    expect(rows[1]![1]).toEqual(['Zoë Łukasz', 'Édition']);
    expect(result.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.bytes).toBe(bytes.length);
    expect((await records(bytes)).result.hash).toBe(result.hash);
  });

  it('stops at an unclosed quote with a problem on that row, and still hashes the whole file', async () => {
    const csv = 'a,b\n1,2\n3,"never closed\n5,6\n';
    const { rows, result } = await records(csv);
    expect(rows.map((r) => r[0])).toEqual([1, 2]);
    expect(result.problem).toMatchObject({ row: 3, column: '' });
    expect(result.problem!.reason).toMatch(/not valid CSV from row 3.*never closed/);
    expect(result.hash).toBe(createHash('sha256').update(csv).digest('hex'));
  });

  it('fails, rather than waits, when the file cannot be read', async () => {
    const { createReadStream } = await import('node:fs');
    await expect(streamCsv(createReadStream('/no/such/file.csv'), () => undefined)).rejects.toThrow(/ENOENT/);
    const broken = new Readable({ read() { this.destroy(new Error('disk gone')); } });
    await expect(streamCsv(broken, () => undefined)).rejects.toThrow('disk gone');
  });

  it('reports progress every thousand rows', async () => {
    const csv = 'a\n' + '1\n'.repeat(2500);
    const seen: number[] = [];
    await streamCsv(csv, () => undefined, (_bytes, rows) => seen.push(rows));
    expect(seen).toEqual([1000, 2000, 2501]);
  });
});

describe('cells', () => {
  it('reads ISO and UK dates, and refuses dates that do not exist', () => {
    expect(readDate('2026-02-28')).toBe('2026-02-28');
    expect(readDate('3/2/2026')).toBe('2026-02-03');
    expect(readDate('29/02/2028')).toBe('2028-02-29');
    expect(readDate('29/02/2027')).toBeUndefined();
    expect(readDate('2026-2-3')).toBeUndefined();
    expect(readDate('02/03/26')).toBeUndefined();
  });

  it('reads people by email or object id, in lower case, and refuses several in one cell', () => {
    const cells: Record<string, string> = { a: 'Sam.Okafor@Borough.gov.uk', b: '3F2B6C1E-9A4D-4C1B-8E2F-5A6B7C8D9E0F', c: 'a@x.gov.uk; b@x.gov.uk', d: 'Sam Okafor' };
    const r = new RowReader((c) => cells[c]);
    expect(r.person('a', 'the attendee')).toEqual({ by: 'email', value: 'sam.okafor@borough.gov.uk' });
    expect(r.person('b', 'the attendee')).toEqual({ by: 'oid', value: '3f2b6c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f' });
    expect(r.person('c', 'the attendee')).toBeUndefined();
    expect(r.person('d', 'the attendee')).toBeUndefined();
    expect(r.problems.map((p) => p.column)).toEqual(['c', 'd']);
    expect(r.problems[0]!.reason).toMatch(/one person per row/);
    expect(r.problems[1]!.reason).toMatch(/not an email address or an Entra object id/);
  });

  it('reads numbers strictly (no "1e3", "0x10" or blanks as zero)', () => {
    const cells: Record<string, string> = { a: '0.8', b: '1e3', c: '0x10', d: '0', e: '12' };
    const r = new RowReader((c) => cells[c]);
    expect(r.number('a', 'FTE', { min: 0, above: true, max: 1 })).toBe(0.8);
    expect(r.number('b', 'hours', { min: 0, max: 5000 })).toBeUndefined();
    expect(r.number('c', 'hours', { min: 0, max: 200 })).toBeUndefined();
    expect(r.number('d', 'FTE', { min: 0, above: true, max: 1 })).toBeUndefined();
    expect(r.number('e', 'months', { min: 1, max: 120, whole: true })).toBe(12);
    expect(r.number('missing', 'hours', { min: 0, max: 1 })).toBeUndefined();
    expect(r.problems.map((p) => p.column)).toEqual(['b', 'c', 'd']);
  });

  it('never repeats a value when told not to echo', () => {
    const r = new RowReader(() => '12/03/2015', false);
    r.number('cin', 'count', { min: 0, max: 5 });
    expect(r.problems[0]!.reason).not.toContain('2015');
  });
});

describe('child details', () => {
  it('spots dates and names where counts belong, and columns named for them', () => {
    expect(childDetailsIn('03/04/2015')).toBe('date');
    expect(childDetailsIn('3rd April 2015')).toBe('date');
    expect(childDetailsIn('Jane Smith')).toBe('name');
    expect(childDetailsIn('2.5')).toBeUndefined();
    expect(childDetailsIn('-1')).toBeUndefined();
    for (const c of ['child_name', 'dob', 'date_of_birth', 'forename', 'surname', 'postcode', 'upn', 'nhs_number']) expect(isChildDetailsColumn(c)).toBe(true);
    for (const c of ['worker', 'snapshot_date', 'cin', 'region']) expect(isChildDetailsColumn(c)).toBe(false);
  });
});
