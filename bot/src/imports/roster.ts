import { createHash } from 'node:crypto';
import { plusMonths, type LocalDate } from '../domain/dates';
import { managementCycles } from '../domain/line-management';
import { EARLY_CAREER_ROLES, ROLE_LABELS, ROLES, type EarlyCareerProgramme, type Role, type Staff } from '../domain/model';
import { normaliseName, RowReader, type PersonRef } from './cells';
import type { ErrorLog } from './errors';
import type { CsvRow } from './parse';
import { PeopleIndex, describeRef } from './people';
import { sameFields, writable, type KindPlan, type PlannedWrite } from './plan';

/**
 * Roster (HR extract) rows -> staff documents, pure. Matching: by Entra object id when the row has one and it is
 * stored, otherwise by email (case-insensitive). New people get an id derived from the tenant and their object
 * id (or email), so importing the same file twice creates nobody twice. Line manager and professional supervisor
 * name someone in the same file or already stored. Nobody is deleted: leavers are marked with status and date,
 * and stored people missing from the file are left as they are (and counted).
 */

/** A roster row as read, with what could be read even when some cells are wrong. */
export interface RosterRow {
  row: number;
  ok: boolean;
  oid?: string;
  email?: string;
  name?: string;
  role?: Role;
  team?: string;
  manager?: PersonRef;
  supervisor?: PersonRef;
  startDate?: LocalDate;
  programme?: EarlyCareerProgramme;
  programmeStart?: LocalDate;
  fte?: number;
  employment?: Staff['employment'];
  sweNumber?: string;
  status?: Staff['status'];
  leavingDate?: LocalDate;
}

const ROLE_ALIASES: Record<string, Role> = Object.fromEntries(
  (Object.entries(ROLE_LABELS) as [Role, string][]).flatMap(([role, label]) => [
    [normaliseName(label), role],
    [normaliseName(role.replace(/_/g, ' ')), role],
  ]),
);
ROLE_ALIASES.psw = 'principal_social_worker';
ROLE_ALIASES.nqsw = 'asye';

const SWE_NUMBER = /^SW\d{1,8}$/i;

/** The fields a roster sets; "unchanged" compares these. */
export const ROSTER_FIELDS = [
  'aadObjectId', 'name', 'email', 'role', 'team', 'managerId', 'professionalSupervisorId', 'startDate',
  'programme', 'programmeStart', 'fte', 'employment', 'sweNumber', 'status', 'leavingDate',
] as const satisfies readonly (keyof Staff)[];

/** Reads one roster row (pure); problems go to `errors`. */
export function readRosterRow(row: CsvRow, today: LocalDate, errors: ErrorLog): RosterRow {
  const r = new RowReader(row.cell);
  const oid = r.objectId('object_id', 'an Entra object id');
  const email = r.email('email', 'the email address', { required: true });
  const name = r.text('name', 'the name', { required: true, max: 200 });
  const role = r.choice('role', 'role', ROLES, { required: true, aliases: ROLE_ALIASES });
  const team = r.text('team', 'the team', { required: true, max: 100 });
  const manager = r.person('line_manager', 'the line manager');
  const supervisor = r.person('professional_supervisor', 'the professional supervisor');
  const startDate = r.date('start_date', 'the start date', {
    required: true,
    notAfter: plusMonths(today, 12),
    notBefore: '1950-01-01',
    afterMessage: 'The start date is more than a year ahead.',
  });
  let programme = r.choice<EarlyCareerProgramme>('programme', 'programme', ['asye', 'ecdp']);
  if (!programme && !r.hasFailed('programme') && role && EARLY_CAREER_ROLES.includes(role)) programme = role as EarlyCareerProgramme;
  let programmeStart = r.date('programme_start', 'the programme start', { notAfter: plusMonths(today, 12), notBefore: '1950-01-01' });
  if (programmeStart && !programme && !r.hasFailed('programme')) r.fail('programme_start', 'A programme start needs a programme (asye or ecdp): fill in "programme" or leave this blank.');
  if (programme && !programmeStart && !r.hasFailed('programme_start')) programmeStart = startDate;
  const fte = r.number('fte', 'FTE', { min: 0, above: true, max: 1 }) ?? 1;
  const employment = r.choice<Staff['employment']>('employment', 'employment', ['permanent', 'agency']) ?? 'permanent';
  const swe = r.text('swe_number', 'the Social Work England number', { max: 20 });
  let sweNumber: string | undefined;
  if (swe !== undefined) {
    const compact = swe.replace(/\s+/g, '');
    if (SWE_NUMBER.test(compact)) sweNumber = compact.toUpperCase();
    else r.fail('swe_number', `"${swe}" is not a Social Work England registration number (SW followed by digits, e.g. SW123456).`);
  }
  const statusCell = r.choice<Staff['status']>('status', 'status', ['active', 'leaver'], { aliases: { left: 'leaver' } });
  const leavingDate = r.date('leaving_date', 'the leaving date', { notAfter: plusMonths(today, 12), notBefore: '1950-01-01', afterMessage: 'The leaving date is more than a year ahead.' });
  let status: Staff['status'] | undefined = statusCell ?? (r.hasFailed('status') ? undefined : r.hasFailed('leaving_date') || leavingDate ? 'leaver' : 'active');
  if (status === 'leaver' && !leavingDate && !r.hasFailed('leaving_date')) r.fail('leaving_date', 'Enter the leaving date: a leaver needs one.');
  if (status === 'active' && leavingDate) {
    r.fail('leaving_date', 'Active staff have no leaving date: set status to leaver, or leave the date blank.');
    status = undefined;
  }
  if (leavingDate && startDate && leavingDate < startDate) r.fail('leaving_date', 'The leaving date is before the start date.');
  errors.addAll(r.problems.map((p) => ({ row: row.number, ...p })));
  return { row: row.number, ok: !errors.has(row.number), oid, email, name, role, team, manager, supervisor, startDate, programme, programmeStart, fte, employment, sweNumber, status, leavingDate };
}

/** The id a new person gets: derived from the tenant and their object id, or their email when there is none. */
export function newStaffId(tenantId: string, key: { oid?: string; email?: string }): string {
  const basis = key.oid ? `oid:${key.oid.toLowerCase()}` : `email:${(key.email ?? '').toLowerCase()}`;
  return `st-${createHash('sha256').update(`${tenantId}\n${basis}`).digest('hex').slice(0, 24)}`;
}

interface Placed {
  row: RosterRow;
  id: string;
  existing?: Staff;
  managerId?: string;
  supervisorId?: string;
}

/**
 * Checks the whole roster against itself and the stored staff, and works out what it would change (pure): the
 * same person twice, unknown managers, a line that goes round in a circle, a row that needs a manager whose own
 * row has errors. Problems go to `errors`; the plan holds only rows without any.
 */
export function planRoster(rows: readonly RosterRow[], stored: readonly Staff[], tenantId: string, errors: ErrorLog): KindPlan<Staff> {
  const people = new PeopleIndex(stored);
  const storedById = new Map(stored.map((s) => [s.id, s]));
  const fail = (row: number, column: string, reason: string): void => errors.add({ row, column, reason });

  // Who each row is: a stored person, or a new one.
  const placed: Placed[] = [];
  const byId = new Map<string, Placed>();
  const fileEmail = new Map<string, Placed>();
  const fileOid = new Map<string, Placed>();
  // People named by object id on some row are theirs; their stored email no longer identifies them on another row.
  const matchedByOid = new Set(rows.flatMap((r) => (r.oid && people.oid(r.oid) ? [people.oid(r.oid)!.id] : [])));
  for (const row of rows) {
    if (!row.email && !row.oid) continue;
    const byOid = row.oid ? people.oid(row.oid) : undefined;
    let byEmail = !byOid && row.email ? people.email(row.email) : undefined;
    if (byEmail && matchedByOid.has(byEmail.id)) byEmail = undefined;
    const existing = byOid ?? byEmail;
    if (byEmail && row.oid && byEmail.aadObjectId && byEmail.aadObjectId.toLowerCase() !== row.oid) {
      fail(row.row, 'object_id', `${row.email} belongs to ${byEmail.name} in Reflect, who has a different Entra object id (${byEmail.aadObjectId}). Check the object id.`);
      row.ok = false;
    }
    const p: Placed = { row, id: existing?.id ?? newStaffId(tenantId, { oid: row.oid, email: row.email }), existing };
    const twin = byId.get(p.id) ?? (row.email ? fileEmail.get(row.email) : undefined) ?? (row.oid ? fileOid.get(row.oid) : undefined);
    if (twin) {
      const same = row.email && twin.row.email === row.email ? 'the same email' : row.oid && twin.row.oid === row.oid ? 'the same Entra object id' : 'the same person in Reflect';
      fail(row.row, row.email && twin.row.email === row.email ? 'email' : 'object_id', `Duplicate person: row ${twin.row.row} has ${same}. Keep one row per person.`);
      row.ok = false;
      continue;
    }
    placed.push(p);
    byId.set(p.id, p);
    if (row.email) fileEmail.set(row.email, p);
    if (row.oid) fileOid.set(row.oid, p);
  }

  // An email belongs to one person only once the file is applied: someone stored may give theirs up in the file.
  const emailTaken = (p: Placed): string | undefined => {
    const owner = p.row.email ? people.email(p.row.email) : undefined;
    if (!owner || owner.id === p.id) return undefined;
    const mover = byId.get(owner.id);
    if (!mover || mover.row.email === p.row.email) return `Duplicate person: ${p.row.email} already belongs to ${owner.name} in Reflect.`;
    if (!mover.row.ok) return `${p.row.email} belongs to ${owner.name} in Reflect until their row (${mover.row.row}) changes it, and that row has errors.`;
    return undefined;
  };
  for (const p of placed) {
    const owner = p.row.email ? people.email(p.row.email) : undefined;
    const mover = owner && byId.get(owner.id);
    if (owner && owner.id !== p.id && (!mover || mover.row.email === p.row.email)) {
      fail(p.row.row, 'email', emailTaken(p)!);
      p.row.ok = false;
    }
  }

  // Line managers and professional supervisors: someone in the file, else someone stored.
  const resolve = (ref: PersonRef): { id: string; row?: RosterRow } | undefined => {
    const inFile = ref.by === 'email' ? fileEmail.get(ref.value) : fileOid.get(ref.value);
    if (inFile) return { id: inFile.id, row: inFile.row };
    const s = people.find(ref);
    return s && { id: s.id };
  };
  for (const p of placed) {
    const { row } = p;
    for (const [ref, column, label] of [[row.manager, 'line_manager', 'line manager'], [row.supervisor, 'professional_supervisor', 'professional supervisor']] as const) {
      if (!ref) continue;
      const found = resolve(ref);
      if (!found) {
        fail(row.row, column, `Unknown ${label}: nobody in this file or in Reflect has ${describeRef(ref)}.`);
        row.ok = false;
      } else if (found.id === p.id) {
        fail(row.row, column, `A person cannot be their own ${label}.`);
        row.ok = false;
      } else if (column === 'line_manager') p.managerId = found.id;
      else p.supervisorId = found.id;
    }
  }

  const label = (id: string): string => {
    const p = byId.get(id);
    return p?.row.name ?? p?.row.email ?? storedById.get(id)?.name ?? id;
  };
  const reportCycles = (among: readonly Placed[]): boolean => {
    const managerOf = new Map<string, string | undefined>(stored.map((s) => [s.id, s.managerId]));
    for (const p of among) managerOf.set(p.id, p.managerId);
    let found = false;
    for (const cycle of managementCycles(managerOf)) {
      const path = [...cycle, cycle[0]!].map(label).join(' → ');
      for (const id of cycle) {
        const p = byId.get(id);
        if (!p || !among.includes(p) || p.managerId === undefined) continue;
        fail(p.row.row, 'line_manager', `Line management goes round in a circle: ${path}. Someone in it must report to a manager outside it.`);
        p.row.ok = false;
        found = true;
      }
    }
    return found;
  };
  // Report every circle the file draws, then make sure the rows that can be applied alone draw none.
  reportCycles(placed.filter((p) => p.managerId !== undefined || p.row.ok));
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of placed) {
      if (!p.row.ok) continue;
      for (const [targetId, column, what] of [[p.managerId, 'line_manager', 'line manager'], [p.supervisorId, 'professional_supervisor', 'professional supervisor']] as const) {
        const target = targetId ? byId.get(targetId) : undefined;
        if (target && !target.row.ok && !storedById.has(target.id) && p.row.ok) {
          fail(p.row.row, column, `The ${what} is on row ${target.row.row}, which has errors: this row cannot be applied without it.`);
          p.row.ok = false;
          changed = true;
        }
      }
    }
    for (const p of placed) {
      const taken = p.row.ok ? emailTaken(p) : undefined;
      if (taken) {
        fail(p.row.row, 'email', taken);
        p.row.ok = false;
        changed = true;
      }
    }
    if (reportCycles(placed.filter((p) => p.row.ok))) changed = true;
  }

  const writes: PlannedWrite<Staff>[] = [];
  let unchanged = 0;
  let leaversMarked = 0;
  for (const p of placed) {
    const r = p.row;
    if (!r.ok) continue;
    const desired: Staff = {
      ...(p.existing ? writable(p.existing) : {}),
      id: p.id,
      tenantId,
      aadObjectId: r.oid ?? p.existing?.aadObjectId,
      name: r.name!,
      email: r.email!,
      role: r.role!,
      team: r.team!,
      managerId: p.managerId,
      professionalSupervisorId: p.supervisorId,
      startDate: r.startDate!,
      programme: r.programme,
      programmeStart: r.programmeStart,
      fte: r.fte!,
      employment: r.employment!,
      sweNumber: r.sweNumber,
      status: r.status!,
      leavingDate: r.leavingDate,
    };
    if (p.existing && sameFields(desired, p.existing, ROSTER_FIELDS)) {
      unchanged++;
      continue;
    }
    if (desired.status === 'leaver' && p.existing?.status !== 'leaver') leaversMarked++;
    writes.push({ row: r.row, change: p.existing ? 'update' : 'create', doc: writable(desired) });
  }
  const inFile = new Set(placed.map((p) => p.id));
  const notInFile = stored.filter((s) => s.status === 'active' && !inFile.has(s.id)).length;
  return { writes, unchanged, notInFile, leaversMarked, affected: writes.map((w) => w.doc.id) };
}
