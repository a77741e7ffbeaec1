/**
 * A deterministic demo borough: about 400 children's social care staff in about 30 teams, with a year of
 * supervision, training, CPD and caseload history, for local demos and seeding (see store/seed.ts).
 *
 * Pure: no I/O and no clock. The same (tenantId, today, seed) always gives deep-equal output; every date is
 * derived from `today` and every timestamp from a record's date.
 */
import { emptyCounts } from '../domain/caseload';
import { registrationYear } from '../domain/cpd';
import {
  dayOfWeek,
  daysBetween,
  isLocalDate,
  monthsBetween,
  onOrAfterWorkingDay,
  onOrBeforeWorkingDay,
  plusDays,
  plusMonths,
  type LocalDate,
} from '../domain/dates';
import { kssFrameworkFor } from '../domain/kss';
import {
  CASE_HOLDING_ROLES,
  EARLY_CAREER_ROLES,
  REGISTERED_ROLES,
  SUPERVISION_FUNCTIONS,
  type CaseCounts,
  type CaseType,
  type CaseloadSnapshot,
  type Course,
  type CpdEntry,
  type CpdType,
  type Role,
  type Staff,
  type SupervisionAction,
  type SupervisionFunction,
  type SupervisionSession,
  type SupervisionType,
  type TrainingRecord,
  type TrainingStatus,
} from '../domain/model';
import { DEFAULT_CORE_SKILLS, DEFAULT_POLICY } from '../domain/policy';
import { earlyCareerStart, isFormalHeld, lastFormalSession, supervisionDue } from '../domain/supervision';
import { qualityFlags } from '../domain/supervision-form';
import { DEFAULT_CATALOGUE } from '../domain/training';

export interface DemoBorough {
  staff: Staff[];
  courses: Course[];
  sessions: SupervisionSession[];
  training: TrainingRecord[];
  cpd: CpdEntry[];
  caseloads: CaseloadSnapshot[];
}

export const DEMO_TENANT_ID = '7d3f8a2e-5b1c-4e6a-9f0d-2c8b4a6e1f30';

/** Fixed identities for a local demo: sign in as one of these to see the borough as that person. */
export const DEMO_USERS = {
  manager: { staffId: 's-0001', aadObjectId: '00000000-0000-0000-0000-00000000a001', role: 'team_manager' },
  practitioner: { staffId: 's-0002', aadObjectId: '00000000-0000-0000-0000-00000000a002', role: 'social_worker' },
  psw: { staffId: 's-0003', aadObjectId: '00000000-0000-0000-0000-00000000a0b1', role: 'principal_social_worker' },
} as const satisfies Record<string, { staffId: string; aadObjectId: string; role: Role }>;

const policy = DEFAULT_POLICY;

/** Share of active supervised staff who are overdue today (national audits find a similar slice). */
const OVERDUE_SHARE = 0.17;
/** Recent starters who have had no supervision at all yet. */
const NEVER_SUPERVISED = 3;
/** Share of registered social workers short of the CPD minimum so far this registration year. */
const CPD_SHORT_SHARE = 0.25;

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

type Rng = () => number;

// Bound once: under jest every global lookup (`Math`) goes through the vm context and made the tests 5x slower.
const { floor, imul } = Math;

/** mulberry32: a tiny PRNG that gives the same sequence on every platform. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a label into a 32-bit seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

const randInt = (rng: Rng, min: number, max: number): number => min + floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const sample = <T>(rng: Rng, items: readonly T[], n: number): T[] => shuffle(rng, items).slice(0, n);

/** One of the keys, chosen in proportion to its weight. */
function weighted<K extends string>(rng: Rng, entries: readonly (readonly [K, number])[]): K {
  let r = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return (entries[entries.length - 1] as readonly [K, number])[0];
}

// ---------------------------------------------------------------------------------------------------------
/** People start on a Monday (a working-day check would load bank holidays for every year back to 2007). */
const mondayOnOrBefore = (date: LocalDate): LocalDate => plusDays(date, -((dayOfWeek(date) + 6) % 7));

/** When supervision falls due after `last` (or after starting), by the domain rule. */
function dueAfter(person: Staff, last: LocalDate | undefined): LocalDate {
  const due = supervisionDue(person, last, policy);
  if (!due) throw new Error(`${person.id} is not supervised`);
  return due;
}

/** Records are written at the end of the working day they describe. */
const stamp = (date: LocalDate, time = '16:00'): string => `${date}T${time}:00.000Z`;
const earlier = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
const later = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
const daysAgo = (today: LocalDate, days: number): LocalDate => plusDays(today, -days);

/** Any calendar day in [from, to], or undefined when the range is empty. */
function dayBetween(rng: Rng, from: LocalDate, to: LocalDate): LocalDate | undefined {
  return from > to ? undefined : plusDays(from, randInt(rng, 0, daysBetween(from, to)));
}

/** A working day in [from, to], or undefined when there is none. */
function workingDayBetween(rng: Rng, from: LocalDate, to: LocalDate): LocalDate | undefined {
  const day = dayBetween(rng, from, to);
  if (!day) return undefined;
  const before = onOrBeforeWorkingDay(day);
  if (before >= from) return before;
  const after = onOrAfterWorkingDay(from);
  return after <= to ? after : undefined;
}

const employedOn = (person: Staff, date: LocalDate): boolean =>
  person.startDate <= date && (!person.leavingDate || date <= person.leavingDate);

// ---------------------------------------------------------------------------------------------------------
// The organisation

type TeamKind =
  | 'assessment'
  | 'child_in_need'
  | 'child_protection'
  | 'children_in_care'
  | 'care_leavers'
  | 'disabled_children'
  | 'fostering'
  | 'early_help';

/** Headcount under the team manager, by role. */
interface TeamMix {
  practiceManager: boolean;
  social: number;
  senior: number;
  advanced: number;
  asye: number;
  family: number;
}

const TEAM_MIX: Record<TeamKind, TeamMix> = {
  assessment: { practiceManager: true, social: 8, senior: 2, advanced: 1, asye: 2, family: 1 },
  child_in_need: { practiceManager: true, social: 8, senior: 2, advanced: 0, asye: 2, family: 2 },
  child_protection: { practiceManager: true, social: 7, senior: 3, advanced: 1, asye: 1, family: 0 },
  children_in_care: { practiceManager: false, social: 9, senior: 2, advanced: 0, asye: 1, family: 1 },
  // Personal advisers for care leavers are unregistered: recorded as family practitioners.
  care_leavers: { practiceManager: false, social: 3, senior: 1, advanced: 0, asye: 1, family: 6 },
  disabled_children: { practiceManager: false, social: 7, senior: 2, advanced: 0, asye: 1, family: 1 },
  fostering: { practiceManager: true, social: 6, senior: 2, advanced: 0, asye: 0, family: 0 },
  early_help: { practiceManager: false, social: 1, senior: 1, advanced: 0, asye: 0, family: 9 },
};

/** What a worker's children are, by team. Fostering workers support carers; their count is the children placed. */
const CASE_MIX: Record<TeamKind, Partial<Record<CaseType, number>>> = {
  assessment: { cin: 0.7, cp: 0.3 },
  child_in_need: { cin: 0.85, cp: 0.15 },
  child_protection: { cp: 0.55, pre_proceedings: 0.3, cin: 0.15 },
  children_in_care: { cla: 0.9, pre_proceedings: 0.1 },
  care_leavers: { care_leaver: 1 },
  disabled_children: { cin: 0.65, cla: 0.25, cp: 0.1 },
  fostering: { cla: 1 },
  early_help: { early_help: 1 },
};

interface TeamPlan {
  name: string;
  kind: TeamKind;
}

interface ServiceArea {
  name: string;
  /** Index into the two service managers. */
  serviceManager: 0 | 1;
  teams: TeamPlan[];
}

const numbered = (prefix: string, count: number, kind: TeamKind): TeamPlan[] =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i + 1}`, kind }));

const SERVICE_AREAS: readonly ServiceArea[] = [
  { name: 'Front Door and Assessment', serviceManager: 0, teams: numbered('Assessment', 5, 'assessment') },
  {
    name: 'Children in Need',
    serviceManager: 0,
    teams: [...numbered('Child in Need', 4, 'child_in_need'), ...numbered('Disabled Children', 2, 'disabled_children')],
  },
  { name: 'Child Protection and Court', serviceManager: 0, teams: numbered('Child Protection and Court', 4, 'child_protection') },
  {
    name: 'Corporate Parenting',
    serviceManager: 1,
    teams: [
      ...numbered('Children in Care', 4, 'children_in_care'),
      ...numbered('Care Leavers', 2, 'care_leavers'),
      ...numbered('Fostering', 2, 'fostering'),
    ],
  },
  { name: 'Early Help', serviceManager: 1, teams: numbered('Early Help', 4, 'early_help') },
];

const LEADERSHIP_TEAM = 'Senior Leadership';
const BUSINESS_SUPPORT_TEAM = 'Business Support';
const BUSINESS_SUPPORT_SIZE = 15;
const LEAVERS = 10;
const EMAIL_DOMAIN = 'demo-borough.gov.uk';

const FIRST_NAMES = [
  'Amara', 'Aisha', 'Olivia', 'Emily', 'Sophie', 'Hannah', 'Chloe', 'Grace', 'Priya', 'Anjali', 'Fatima', 'Zainab',
  'Ngozi', 'Chiamaka', 'Kemi', 'Abena', 'Shanice', 'Jade', 'Megan', 'Rachel', 'Sarah', 'Laura', 'Niamh', 'Siobhan',
  'Aoife', 'Katarzyna', 'Agnieszka', 'Maria', 'Elena', 'Leila', 'Yasmin', 'Mei', 'Rebecca', 'Claire', 'Joanne',
  'Nadia', 'Ruth', 'Esther', 'Hollie', 'Bethan', 'James', 'Daniel', 'Thomas', 'Michael', 'David', 'Mohammed', 'Ahmed',
  'Omar', 'Yusuf', 'Hamza', 'Ravi', 'Arjun', 'Sanjay', 'Kwame', 'Kofi', 'Tunde', 'Chinedu', 'Marcus', 'Jermaine',
  'Liam', 'Connor', 'Sean', 'Patrick', 'Tomasz', 'Piotr', 'Luca', 'Mateo', 'Wei', 'Jamal', 'Ben', 'Sam', 'Alex',
  'Owen', 'Rhys', 'Callum',
] as const;

const LAST_NAMES = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris',
  'Clarke', 'Patel', 'Khan', 'Ahmed', 'Ali', 'Hussain', 'Begum', 'Shah', 'Singh', 'Kaur', 'Sharma', 'Okafor',
  'Adeyemi', 'Mensah', 'Osei', 'Boateng', 'Okonkwo', 'Campbell', 'Murphy', "O'Brien", 'Kelly', 'Byrne', 'Kowalski',
  'Nowak', 'Rossi', 'Silva', 'Santos', 'Chen', 'Wang', 'Nguyen', 'Francis', 'Grant', 'Baptiste', 'Lewis', 'Jackson',
  'Mitchell', 'Fraser', 'MacDonald', 'Reid', 'Ibrahim', 'Yilmaz', 'Demir', 'Hassan', 'Mahmood', 'Akhtar', 'Hinds',
] as const;

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const PRACTITIONER_ROLES: readonly Role[] = ['social_worker', 'senior_practitioner', 'advanced_practitioner'];
const MANAGER_LIKE: readonly Role[] = ['team_manager', 'practice_manager'];
const LEADERSHIP_ROLES: readonly Role[] = ['group_manager', 'service_manager', 'principal_social_worker'];

type StaffDetails = Partial<Pick<Staff, 'managerId' | 'aadObjectId' | 'employment' | 'fte' | 'startDate' | 'programmeStart' | 'leavingDate'>>;

/** Creates staff in order, with readable sequential ids, unique emails and Social Work England numbers. */
class StaffFactory {
  readonly staff: Staff[] = [];
  private readonly emails = new Set<string>();
  private readonly sweNumbers = new Set<string>();

  constructor(
    private readonly tenantId: string,
    private readonly today: LocalDate,
    private readonly rng: Rng,
    /** A separate stream for Entra ids, so that they never shift the names. */
    private readonly idRng: Rng,
  ) {}

  add(role: Role, team: string, details: StaffDetails = {}): Staff {
    const first = pick(this.rng, FIRST_NAMES);
    const last = pick(this.rng, LAST_NAMES);
    const employment = details.employment ?? this.employmentFor(role);
    const startDate = details.startDate ?? details.programmeStart ?? this.startDateFor(role, employment);
    const person: Staff = {
      id: `s-${String(this.staff.length + 1).padStart(4, '0')}`,
      tenantId: this.tenantId,
      aadObjectId: details.aadObjectId ?? this.guid(),
      name: `${first} ${last}`,
      email: this.email(first, last),
      role,
      team,
      startDate,
      fte: details.fte ?? this.fteFor(role),
      employment,
      status: 'active',
    };
    if (details.managerId) person.managerId = details.managerId;
    if (role === 'asye') {
      person.programme = 'asye';
      person.programmeStart = startDate;
    }
    if (REGISTERED_ROLES.includes(role)) person.sweNumber = this.sweNumber();
    if (details.leavingDate) {
      person.status = 'leaver';
      person.leavingDate = details.leavingDate;
    }
    this.staff.push(person);
    return person;
  }

  /** London children's services lean on agency practitioners; early-career staff are always permanent. */
  private employmentFor(role: Role): Staff['employment'] {
    if (PRACTITIONER_ROLES.includes(role)) return chance(this.rng, 0.13) ? 'agency' : 'permanent';
    if (MANAGER_LIKE.includes(role)) return chance(this.rng, 0.05) ? 'agency' : 'permanent';
    return 'permanent';
  }

  private fteFor(role: Role): number {
    if (role === 'asye' || LEADERSHIP_ROLES.includes(role)) return 1;
    const partTime = MANAGER_LIKE.includes(role) ? 0.05 : 0.12;
    return chance(this.rng, partTime) ? pick(this.rng, [0.6, 0.7, 0.8]) : 1;
  }

  /** Agency staff come and go; a few permanent workers have just started (so some are not yet supervised). */
  private startDateFor(role: Role, employment: Staff['employment']): LocalDate {
    const r = this.rng;
    let days: number;
    if (employment === 'agency') days = randInt(r, 30, 540);
    else if (role === 'social_worker' || role === 'family_practitioner') days = chance(r, 0.06) ? randInt(r, 35, 95) : randInt(r, 120, 3650);
    else if (role === 'senior_practitioner' || role === 'advanced_practitioner') days = randInt(r, 700, 5500);
    else if (MANAGER_LIKE.includes(role)) days = randInt(r, 500, 4500);
    else days = randInt(r, 100, 7000);
    return mondayOnOrBefore(daysAgo(this.today, days));
  }

  private email(first: string, last: string): string {
    const base = `${slug(first).replace(/-/g, '')}.${slug(last).replace(/-/g, '')}`;
    let local = base;
    for (let n = 2; this.emails.has(local); n++) local = `${base}${n}`;
    this.emails.add(local);
    return `${local}@${EMAIL_DOMAIN}`;
  }

  private sweNumber(): string {
    let number: string;
    do number = `SW${String(randInt(this.rng, 10000, 999999)).padStart(6, '0')}`;
    while (this.sweNumbers.has(number));
    this.sweNumbers.add(number);
    return number;
  }

  /** GUID-shaped (version 4 layout), so it can never collide with the all-zero demo identities. */
  private guid(): string {
    const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(this.idRng() * 16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(this.idRng, ['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  }
}

interface Organisation {
  staff: Staff[];
  teamKind: ReadonlyMap<string, TeamKind>;
  /** Team name to team manager id, for group supervision. */
  teamManager: ReadonlyMap<string, string>;
}

/**
 * ASYE programme starts spread evenly over the last year, shuffled across teams: some in their first six weeks
 * (weekly supervision), some before six months (fortnightly), the rest monthly.
 */
function asyeStarts(rng: Rng, today: LocalDate, count: number): LocalDate[] {
  const starts = Array.from({ length: count }, (_, i) => mondayOnOrBefore(daysAgo(today, Math.round(((i + 0.5) * 365) / count))));
  return shuffle(rng, starts);
}

function buildOrganisation(tenantId: string, today: LocalDate, rng: Rng, idRng: Rng): Organisation {
  const f = new StaffFactory(tenantId, today, rng, idRng);
  const teams = SERVICE_AREAS.flatMap((a) => a.teams);
  const firstTeam = teams[0] as TeamPlan;

  // The demo identities come first so that their ids never depend on the size of the borough.
  // Established, permanent and full-time, so the demo shows a full year of history.
  const established = (years: number, aadObjectId: string): StaffDetails => ({
    employment: 'permanent',
    fte: 1,
    startDate: mondayOnOrBefore(daysAgo(today, years * 365)),
    aadObjectId,
  });
  const demoManager = f.add('team_manager', firstTeam.name, established(6, DEMO_USERS.manager.aadObjectId));
  const demoPractitioner = f.add('social_worker', firstTeam.name, { ...established(3, DEMO_USERS.practitioner.aadObjectId), managerId: demoManager.id });
  const psw = f.add('principal_social_worker', LEADERSHIP_TEAM, established(8, DEMO_USERS.psw.aadObjectId));
  for (const [key, person] of [['manager', demoManager], ['practitioner', demoPractitioner], ['psw', psw]] as const) {
    if (person.id !== DEMO_USERS[key].staffId) throw new Error(`demo ${key} must be ${DEMO_USERS[key].staffId}`);
  }

  const serviceManagers = [f.add('service_manager', LEADERSHIP_TEAM), f.add('service_manager', LEADERSHIP_TEAM)] as const;
  psw.managerId = serviceManagers[0].id;

  const starts = asyeStarts(rng, today, teams.reduce((n, t) => n + TEAM_MIX[t.kind].asye, 0));
  const teamManager = new Map<string, string>();
  for (const area of SERVICE_AREAS) {
    const groupManager = f.add('group_manager', LEADERSHIP_TEAM, { managerId: serviceManagers[area.serviceManager].id });
    for (const team of area.teams) {
      const mix = TEAM_MIX[team.kind];
      const manager = team === firstTeam ? demoManager : f.add('team_manager', team.name);
      manager.managerId = groupManager.id;
      teamManager.set(team.name, manager.id);
      const reportsTo = { managerId: manager.id };
      const counts: [Role, number][] = [
        // The demo practitioner is already one of the first team's social workers.
        ['social_worker', mix.social - (team === firstTeam ? 1 : 0)],
        ['senior_practitioner', mix.senior],
        ['advanced_practitioner', mix.advanced],
        ['family_practitioner', mix.family],
      ];
      for (const [role, n] of counts) for (let i = 0; i < n; i++) f.add(role, team.name, reportsTo);
      for (let i = 0; i < mix.asye; i++) f.add('asye', team.name, { ...reportsTo, programmeStart: starts.pop() });
      if (mix.practiceManager) f.add('practice_manager', team.name, { managerId: groupManager.id });
    }
  }

  // Leavers in the past year: they keep their records (retention) but are no longer active.
  for (let i = 0; i < LEAVERS; i++) {
    const team = pick(rng, teams);
    const role = pick<Role>(rng, ['social_worker', 'social_worker', 'social_worker', 'senior_practitioner', 'family_practitioner']);
    const leavingDate = onOrBeforeWorkingDay(daysAgo(today, randInt(rng, 10, 350)));
    const startDate = mondayOnOrBefore(plusDays(leavingDate, -randInt(rng, 150, 2500)));
    f.add(role, team.name, { managerId: teamManager.get(team.name), startDate, leavingDate });
  }

  // Business support is line-managed by its own lead but not supervised in Reflect.
  const lead = f.add('business_support', BUSINESS_SUPPORT_TEAM, { managerId: serviceManagers[0].id });
  for (let i = 1; i < BUSINESS_SUPPORT_SIZE; i++) f.add('business_support', BUSINESS_SUPPORT_TEAM, { managerId: lead.id });

  return { staff: f.staff, teamKind: new Map(teams.map((t) => [t.name, t.kind])), teamManager };
}

// ---------------------------------------------------------------------------------------------------------
// Supervision: first when each session happened, then what was recorded

/** A session on the timeline before its record is written. */
interface Planned {
  date: LocalDate;
  status: SupervisionSession['status'];
  type: SupervisionType;
  groupId?: string;
}

/** Where a person's supervision stands today. */
type Outlook = 'in_date' | 'overdue' | 'never_supervised';

const isSupervised = (person: Staff): boolean => person.managerId !== undefined && policy.supervisionInterval[person.role] !== null;

/**
 * Picks who is overdue today and who has never been supervised, so that the overall share is close to
 * OVERDUE_SHARE. People with nobody to supervise them in Reflect (the service managers) already count as overdue.
 */
function chooseOutlooks(staff: readonly Staff[], today: LocalDate, rng: Rng): Map<string, Outlook> {
  const demoIds = new Set<string>(Object.values(DEMO_USERS).map((u) => u.staffId));
  const active = staff.filter((p) => p.status === 'active' && policy.supervisionInterval[p.role] !== null);
  const supervised = active.filter(isSupervised);
  const unsupervisable = active.length - supervised.length;
  const startedDaysAgo = (p: Staff): number => daysBetween(earlyCareerStart(p) ?? p.startDate, today);

  const recentStarters = supervised.filter((p) => !demoIds.has(p.id) && p.role !== 'asye' && startedDaysAgo(p) >= 35 && startedDaysAgo(p) <= 95);
  const never = shuffle(rng, recentStarters).slice(0, NEVER_SUPERVISED);
  const neverIds = new Set(never.map((p) => p.id));
  // Started long enough ago that removing recent sessions really leaves them overdue.
  const eligible = supervised.filter((p) => !demoIds.has(p.id) && !neverIds.has(p.id) && startedDaysAgo(p) >= 45);
  // Two of the demo manager's own team first, so the demo dashboard always has someone to chase.
  const demoTeam = shuffle(rng, eligible.filter((p) => p.managerId === DEMO_USERS.manager.staffId)).slice(0, 2);
  const rest = shuffle(rng, eligible.filter((p) => !demoTeam.includes(p)));
  const target = Math.max(0, Math.round(OVERDUE_SHARE * active.length) - never.length - unsupervisable);
  const overdue = [...demoTeam, ...rest].slice(0, target);

  const outlooks = new Map<string, Outlook>(supervised.map((p) => [p.id, 'in_date']));
  for (const p of never) outlooks.set(p.id, 'never_supervised');
  for (const p of overdue) outlooks.set(p.id, 'overdue');
  return outlooks;
}

/** When the next session actually happens: mostly a few days early, sometimes late (leave, court, sickness). */
function slip(rng: Rng, last: LocalDate, due: LocalDate): LocalDate {
  const intervalDays = daysBetween(last, due);
  if (chance(rng, 0.72)) {
    const early = onOrBeforeWorkingDay(plusDays(due, -randInt(rng, 0, Math.floor(intervalDays / 5))));
    return early > last ? early : due;
  }
  return onOrAfterWorkingDay(plusDays(due, randInt(rng, 1, Math.max(2, Math.floor(intervalDays / 2)))));
}

/**
 * A year of sessions at the person's cadence (weekly, fortnightly, then monthly for ASYEs), held a little early
 * or late, with occasional cancellations (rebooked days later: the due date does not move) and ad hoc
 * case consultations in between.
 */
function simulateSessions(person: Staff, today: LocalDate, windowStart: LocalDate, rng: Rng): Planned[] {
  const end = person.leavingDate ?? today;
  const start = earlyCareerStart(person) ?? person.startDate;
  const planned: Planned[] = [];
  let last: LocalDate | undefined;
  let next: LocalDate;
  if (start >= windowStart) {
    const early = person.programme !== undefined;
    next = onOrAfterWorkingDay(plusDays(start, early ? randInt(rng, 0, 4) : randInt(rng, 3, 12)));
  } else {
    // Long-serving staff: pretend a session was held just before the window opened.
    last = daysAgo(windowStart, randInt(rng, 0, 25));
    next = slip(rng, last, dueAfter(person, last));
  }
  while (next <= end) {
    if (chance(rng, 0.07)) {
      if (next >= windowStart) planned.push({ date: next, status: 'cancelled', type: 'individual' });
      next = onOrAfterWorkingDay(plusDays(next, randInt(rng, 3, 12)));
      if (next > end) break;
    }
    if (last && chance(rng, 0.1)) {
      const date = workingDayBetween(rng, plusDays(last, 2), plusDays(next, -2));
      if (date && date >= windowStart) planned.push({ date, status: 'held', type: 'case_consultation' });
    }
    if (next >= windowStart) planned.push({ date: next, status: 'held', type: 'individual' });
    last = next;
    next = slip(rng, last, dueAfter(person, last));
  }
  return planned;
}

/** Bends the end of the timeline so that today the person is in date, overdue, or never supervised. */
function settleToday(person: Staff, planned: Planned[], outlook: Outlook, today: LocalDate, rng: Rng): Planned[] {
  if (outlook === 'never_supervised') return [];
  if (outlook === 'in_date') {
    if (dueAfter(person, lastFormalSession(planned)) >= today) return planned;
    // Caught up in the last few days.
    const date = workingDayBetween(rng, daysAgo(today, 6), today) ?? onOrBeforeWorkingDay(today);
    return [...planned.filter((p) => p.date < date), { date, status: 'held', type: 'individual' }];
  }
  const minDaysOverdue = randInt(rng, 1, 40);
  const kept = [...planned];
  for (;;) {
    const last = lastFormalSession(kept);
    if (!last || daysBetween(dueAfter(person, last), today) >= minDaysOverdue) return kept;
    const i = kept.findLastIndex((p) => p.date === last && isFormalHeld(p));
    // The session that would have kept them in date did not happen: sometimes it was cancelled and not rebooked.
    if (chance(rng, 0.4)) kept[i] = { date: last, status: 'cancelled', type: 'individual' };
    else kept.splice(i, 1);
  }
}

/**
 * Quarterly group supervision per team: an individual session near the group date becomes the group session.
 * A person's latest formal session is never moved, so today's overdue picture stays as settled.
 */
function holdGroupSessions(org: Organisation, timelines: Map<string, Planned[]>, today: LocalDate, windowStart: LocalDate, rng: Rng): void {
  for (const [team, managerId] of org.teamManager) {
    const members = org.staff.filter((p) => p.team === team && p.managerId === managerId);
    const offset = randInt(rng, -10, 10);
    for (let monthsAgo = 2; monthsAgo <= 11; monthsAgo += 3) {
      const date = onOrBeforeWorkingDay(plusDays(plusMonths(today, -monthsAgo), offset));
      if (date < windowStart) continue;
      const groupId = `grp-${slug(team)}-${date}`;
      const joins = members.flatMap((p) => {
        const planned = timelines.get(p.id) ?? [];
        const latest = lastFormalSession(planned);
        const i = planned.findIndex((s) => s.status === 'held' && s.type === 'individual' && s.date !== latest && Math.abs(daysBetween(s.date, date)) <= 4);
        // Only between two existing entries, so the order holds and nobody is supervised before they started.
        const before = planned[i - 1];
        const after = planned[i + 1];
        return i > 0 && before && after && before.date < date && date < after.date ? [{ planned, i }] : [];
      });
      if (joins.length < 2) continue;
      for (const { planned, i } of joins) planned[i] = { date, status: 'held', type: 'group', groupId };
    }
  }
}

const TEXT = {
  experience: {
    practitioner: [
      'Went through the allocated caseload, recent visits and the statutory timescales coming up this month.',
      'Reviewed progress on the assessments due this month and the outcome of a recent strategy discussion.',
      'Talked through a complex network meeting and the planning that followed it.',
      "Discussed direct work with children on the caseload and how their views are recorded.",
      'Reviewed preparation for an initial child protection conference and the report to share with the family.',
      'Discussed cases transferring in and the handover arrangements.',
      'Talked about a difficult conversation with a parent who disagreed with the plan.',
      'Reviewed chronologies and case summaries for the cases in pre-proceedings.',
      'Discussed workload, leave cover and a backlog of case recording.',
    ],
    manager: [
      "Reviewed the team's performance data: visits in timescale, assessments and plan reviews.",
      'Discussed recruitment, agency cover and allocation pressures in the team.',
      'Talked through practice quality findings from recent audits in the team.',
      'Discussed a complaint and the learning shared with the team.',
      "Reviewed supervision compliance in the team and support for the ASYEs.",
    ],
    group: [
      'Group supervision: one worker presented a case and the group mapped it with the three-column framework.',
      'Group supervision on working with resistance and disguised compliance, using a recent case as the example.',
      "Group reflective session on recording the child's lived experience.",
    ],
    case_consultation: [
      'Ad hoc consultation on a decision needed the same day after new information from school.',
      'Consultation on whether to convene a strategy discussion after a police notification.',
      'Consultation on family time arrangements ahead of a review.',
    ],
  },
  reflection: [
    'The worker reflected on feeling stretched by competing deadlines and on what helped them stay focused.',
    'We considered how the family might have experienced the last visit and what the worker noticed in themselves.',
    'The worker reflected on their confidence in challenging other professionals at the core group.',
    'Explored the emotional impact of a distressing disclosure and how the worker looked after themselves.',
    "Reflected on how strongly the child's voice comes through in recent recording.",
    'The worker reflected on the power imbalance in their relationship with the family.',
  ],
  analysis: [
    'Mapping the worries, what is working well and what needs to happen showed that the existing safety rests on the wider family network.',
    'On the safety scale the worker rated 4/10 and identified what would need to change to reach 6.',
    'Considered alternative explanations for missed appointments, including practical barriers for the family.',
    'The plan is drifting: clearer timescales and a review point are needed.',
    'Weighed the risks against the strengths; the current level of intervention remains proportionate.',
    'Hypotheses were tested against the chronology; the pattern of concern is escalating.',
  ],
  plan: [
    'Update the assessment and share it with the family; review at the next supervision.',
    'Arrange a network meeting and complete Words and Pictures work before the review.',
    'Book the court skills workshop and observe a senior practitioner at the next hearing.',
    'Agree priorities for the next fortnight and protect time for recording.',
    'Take the case to the legal gateway meeting for advice.',
    'Use Three Houses in the next direct work session and bring the outcome to supervision.',
  ],
  action: [
    'Complete and upload the updated assessment',
    'Arrange a core group meeting',
    'Update the chronology',
    'Book a place on the domestic abuse workshop',
    'Complete a Three Houses session',
    'Send the case summary to legal for the gateway meeting',
    'Review caseload allocation',
    'Arrange a joint visit',
    'Write up the safety plan with the family',
    'Protect a recording day each week',
  ],
  cancellation: [
    'Supervisor on annual leave',
    'Practitioner on annual leave',
    'Urgent child protection visit',
    'Court hearing overran',
    'Strategy meeting called at short notice',
    'Duty cover',
    'Supervisor absent',
  ],
  responseComment: [
    'Agreed. I would like more time on workload next time.',
    'Agreed; thank you for the space to reflect on this one.',
    'Agreed. Please add that the training request is still outstanding.',
  ],
} as const;

const FUNCTION_LIKELIHOOD: Record<SupervisionFunction, number> = { management: 0.9, development: 0.7, support: 0.8, mediation: 0.3 };

function functionsFor(rng: Rng, type: SupervisionType): SupervisionFunction[] {
  if (type === 'case_consultation') return ['management'];
  const functions = SUPERVISION_FUNCTIONS.filter((f) => chance(rng, FUNCTION_LIKELIHOOD[f]));
  return functions.length > 0 ? functions : ['management'];
}

function durationFor(rng: Rng, type: SupervisionType): number {
  if (type === 'case_consultation') return pick(rng, [30, 45, 60]);
  return chance(rng, 0.82) ? pick(rng, [90, 90, 105, 120, 120]) : pick(rng, [45, 60]);
}

/** Mostly time-bound with an owner; a few slip through without one, as Ofsted finds. */
function actionsFor(rng: Rng, count: number, superviseeId: string, supervisorId: string, date: LocalDate, today: LocalDate): SupervisionAction[] {
  return sample(rng, TEXT.action, count).map((text) => {
    const ownerId = chance(rng, 0.06) ? undefined : chance(rng, 0.75) ? superviseeId : supervisorId;
    const due = chance(rng, 0.06) ? undefined : plusDays(date, randInt(rng, 7, 28));
    const done = (due ?? plusDays(date, 28)) < today && chance(rng, 0.85);
    const action: SupervisionAction = { text, status: done ? 'done' : 'open' };
    if (ownerId) action.ownerId = ownerId;
    if (due) action.due = due;
    return action;
  });
}

/** Most supervisees agree the record within days; recent ones may still be waiting. */
function responseFor(rng: Rng, date: LocalDate, today: LocalDate): SupervisionSession['response'] {
  if (!chance(rng, daysBetween(date, today) > 14 ? 0.92 : 0.4)) return undefined;
  const at = stamp(earlier(plusDays(date, randInt(rng, 0, 5)), today), '17:30');
  if (chance(rng, 0.03)) return { agreed: false, comment: 'The record does not reflect our discussion about my workload; I have asked to revisit it.', at };
  return chance(rng, 0.12) ? { agreed: true, comment: pick(rng, TEXT.responseComment), at } : { agreed: true, at };
}

/** Case-management ids only: 'LCS-' and seven digits, never anything about the child. */
const caseId = (rng: Rng): string => `LCS-${randInt(rng, 1000000, 9999999)}`;

// Records are built as literals and optional fields assigned afterwards: object spread in these hot paths made
// generation several times slower.
function sessionRecord(
  id: string,
  person: Staff,
  supervisorId: string,
  entry: Planned,
  cases: readonly string[],
  today: LocalDate,
  rng: Rng,
): SupervisionSession {
  const session: SupervisionSession = {
    id,
    tenantId: person.tenantId,
    superviseeId: person.id,
    supervisorId,
    date: entry.date,
    type: entry.type,
    status: entry.status,
    durationMinutes: 0,
    functions: [],
    caseIds: [],
    wellbeingDiscussed: false,
    actions: [],
    qualityFlags: [],
    recordedBy: supervisorId,
    recordedAt: stamp(entry.date),
  };
  if (entry.groupId) session.groupId = entry.groupId;
  if (entry.status === 'cancelled') {
    session.cancellationReason = pick(rng, TEXT.cancellation);
    return session;
  }
  const type = entry.type;
  const audience = type === 'individual' ? (CASE_HOLDING_ROLES.includes(person.role) ? 'practitioner' : 'manager') : type;
  const [maxCases, maxActions] = type === 'individual' ? [audience === 'practitioner' ? 4 : 2, 3] : [1, 1];
  session.durationMinutes = durationFor(rng, type);
  session.functions = functionsFor(rng, type);
  session.experience = pick(rng, TEXT.experience[audience]);
  if (chance(rng, type === 'case_consultation' ? 0.8 : 0.93)) session.reflection = pick(rng, TEXT.reflection);
  if (chance(rng, 0.91)) session.analysis = pick(rng, TEXT.analysis);
  session.plan = pick(rng, TEXT.plan);
  session.caseIds = sample(rng, cases, randInt(rng, type === 'case_consultation' ? 1 : 0, maxCases));
  session.wellbeingDiscussed = chance(rng, type === 'individual' ? 0.7 : 0.2);
  // In a group session each person's actions are their own; otherwise some fall to the supervisor.
  const otherOwner = type === 'group' ? person.id : supervisorId;
  session.actions = actionsFor(rng, randInt(rng, 0, maxActions), person.id, otherOwner, entry.date, today);
  session.qualityFlags = qualityFlags(session, policy);
  const response = responseFor(rng, entry.date, today);
  if (response) session.response = response;
  return session;
}

function buildSupervision(org: Organisation, today: LocalDate, stream: (label: string) => Rng): SupervisionSession[] {
  const windowStart = plusMonths(today, -12);
  const outlooks = chooseOutlooks(org.staff, today, stream('outlooks'));
  const supervised = org.staff.filter(isSupervised);
  const timelines = new Map<string, Planned[]>();
  for (const person of supervised) {
    const rng = stream(`sessions:${person.id}`);
    const planned = simulateSessions(person, today, windowStart, rng);
    const outlook = outlooks.get(person.id);
    timelines.set(person.id, outlook ? settleToday(person, planned, outlook, today, rng) : planned);
  }
  holdGroupSessions(org, timelines, today, windowStart, stream('groups'));

  return supervised.flatMap((person) => {
    const rng = stream(`session-records:${person.id}`);
    // Each person's supervision keeps coming back to the same handful of cases.
    const cases = Array.from({ length: 8 }, () => caseId(rng));
    const supervisorId = person.managerId as string;
    const planned = [...(timelines.get(person.id) ?? [])].sort((a, b) => a.date.localeCompare(b.date));
    return planned.map((entry, i) => sessionRecord(`sup-${person.id}-${String(i + 1).padStart(3, '0')}`, person, supervisorId, entry, cases, today, rng));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Training

/** Catalogue codes and the likelihood each is held, for Signs of Safety by role. */
function signsOfSafetyPlan(role: Role): [string, number][] {
  switch (role) {
    case 'group_manager':
    case 'service_manager':
      return [['SOS-MGR', 0.85]];
    case 'team_manager':
    case 'practice_manager':
    case 'advanced_practitioner':
    case 'principal_social_worker':
      return [['SOS-INTRO', 0.95], ['SOS-ADV', 0.8]];
    case 'business_support':
      return [];
    default:
      return [['SOS-INTRO', 0.85]];
  }
}

/** Later courses in the list are the harder ones to get a place on. */
const CORE_SKILL_COVERAGE: Record<(typeof DEFAULT_CORE_SKILLS)[number], number> = {
  'CS-ASSESS': 0.8,
  'CS-CHRON': 0.76,
  'CS-DIRECT': 0.74,
  'CS-DA': 0.72,
  'CS-EXPLOIT': 0.68,
  'CS-COURT': 0.62,
};

const TRAINING_NOTES = ['Certificate on file', 'Attendance taken from the register', 'Evaluation form returned'] as const;

function trainingFor(person: Staff, catalogue: ReadonlyMap<string, Course>, recorders: readonly Staff[], today: LocalDate, rng: Rng): TrainingRecord[] {
  const end = person.leavingDate ?? today;
  // Four years of training history (long enough for 3-year renewals to lapse); a couple of weeks in post first.
  const from = plusDays(later(person.startDate, plusMonths(today, -48)), 14);
  const records: TrainingRecord[] = [];

  const record = (code: string, date: LocalDate, status: TrainingStatus): void => {
    const course = catalogue.get(code);
    if (!course) throw new Error(`unknown course ${code}`);
    const recordedOn = date <= today ? date : later(person.startDate, daysAgo(today, randInt(rng, 0, 20)));
    const doc: TrainingRecord = {
      id: `trn-${person.id}-${String(records.length + 1).padStart(2, '0')}`,
      tenantId: person.tenantId,
      staffId: person.id,
      courseCode: code,
      date,
      status,
      hours: status === 'did_not_attend' ? 0 : course.hours,
      recordedBy: pick(rng, recorders).id,
      recordedAt: stamp(recordedOn),
    };
    if ((status === 'completed' || status === 'attended') && chance(rng, 0.25)) doc.note = pick(rng, TRAINING_NOTES);
    records.push(doc);
  };

  /** Held with likelihood `p`; otherwise perhaps a missed place and perhaps a booking in the next two months. */
  const take = (code: string, p: number, status: TrainingStatus, after: LocalDate = from): LocalDate | undefined => {
    const date = chance(rng, p) ? workingDayBetween(rng, after, daysAgo(end, 7)) : undefined;
    if (date) {
      record(code, date, status);
      return date;
    }
    if (person.status !== 'active') return undefined;
    const missed = chance(rng, 0.2) && workingDayBetween(rng, later(after, plusMonths(today, -12)), daysAgo(today, 7));
    if (missed) record(code, missed, 'did_not_attend');
    const booked = chance(rng, 0.45) && workingDayBetween(rng, plusDays(today, 1), plusMonths(today, 2));
    if (booked) record(code, booked, 'booked');
    return undefined;
  };

  // Signs of Safety levels build on each other: the advanced course comes after the introduction.
  let previous: LocalDate | undefined;
  for (const [code, p] of signsOfSafetyPlan(person.role)) previous = take(code, p, 'completed', previous ? plusMonths(previous, 1) : from) ?? previous;
  if (person.role === 'principal_social_worker') {
    take('SOS-LEAD', 1, 'completed');
    take('SOS-TRAINER', 1, 'completed', later(from, plusMonths(today, -20)));
  } else if ((person.role === 'senior_practitioner' || person.role === 'advanced_practitioner') && chance(rng, 0.1)) {
    take('SOS-LEAD', 1, 'completed');
  }

  if (policy.coreSkillsRequired[person.role]) {
    // Early-career staff have had less time to get onto the workshops.
    const scale = EARLY_CAREER_ROLES.includes(person.role) ? 0.6 : 1;
    for (const code of DEFAULT_CORE_SKILLS) take(code, CORE_SKILL_COVERAGE[code] * scale, 'attended');
  }

  const framework = kssFrameworkFor(person.role, today);
  if (framework) {
    const count = person.role === 'asye' ? randInt(rng, 1, 5) : chance(rng, 0.45) ? randInt(rng, 1, 4) : 0;
    for (const area of sample(rng, framework.areas, count)) {
      const date = workingDayBetween(rng, from, daysAgo(end, 7));
      if (date) record(`KSS-${area.id.toUpperCase()}`, date, 'completed');
    }
  }
  return records;
}

// ---------------------------------------------------------------------------------------------------------
// CPD for Social Work England

const CPD_LEARNING = [
  'Read research on neglect and the impact of poverty on family life.',
  'Attended a workshop on contextual safeguarding.',
  'Reflected on a case in supervision using the three-column mapping.',
  'Shadowed a colleague at a legal planning meeting.',
  'Read the latest national child safeguarding practice review.',
  'Took part in a peer group on trauma-informed practice.',
  'Completed an online module on the Mental Capacity Act for 16 and 17 year olds.',
] as const;

const CPD_IMPACT = [
  'Now use a clearer structure for analysis in assessments.',
  "Plan direct work earlier so the child's views shape the plan.",
  'More confident explaining the pre-proceedings process to parents.',
  'Changed how I record chronologies so patterns are easier to see.',
  'Share learning with the team at the next practice meeting.',
] as const;

const PEER_TYPES: readonly CpdType[] = ['supervision', 'peer_learning'];
const SOLO_TYPES: readonly CpdType[] = ['course', 'reading', 'research', 'shadowing', 'other'];

/**
 * Registered staff record CPD through the year; about a quarter are short of the minimum (2 pieces, 1 reflected
 * on with a peer) so far this registration year (1 Dec to 30 Nov).
 */
function cpdFor(person: Staff, staffById: ReadonlyMap<string, Staff>, teammates: readonly Staff[], today: LocalDate, rng: Rng): CpdEntry[] {
  if (!REGISTERED_ROLES.includes(person.role)) return [];
  const end = person.leavingDate ?? today;
  const year = registrationYear(today);
  const short = chance(rng, CPD_SHORT_SHARE);
  // Each entry as "reflected on with a peer?".
  const thisYear: boolean[] = short
    ? pick(rng, [[], [false], [true], [false, false]])
    : [true, ...Array.from({ length: randInt(rng, 1, 2) }, () => chance(rng, 0.4))];
  const lastYear = Array.from({ length: randInt(rng, 0, 1) }, () => chance(rng, 0.5));

  const windows: [LocalDate, LocalDate, boolean[]][] = [
    [later(year.start, person.startDate), end, thisYear],
    [later(plusMonths(today, -12), person.startDate), earlier(plusDays(year.start, -1), end), lastYear],
  ];
  const entries = windows.flatMap(([from, to, peers]) =>
    peers.flatMap((peerReflected) => {
      const date = dayBetween(rng, from, to);
      if (!date) return [];
      const type = pick(rng, peerReflected ? PEER_TYPES : SOLO_TYPES);
      const peer = type === 'supervision' ? staffById.get(person.managerId ?? '') : pick(rng, teammates);
      return [{ date, type, peerReflected, peerName: peerReflected ? peer?.name : undefined }];
    }),
  );
  return entries
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e, i) => {
      const entry: CpdEntry = {
        id: `cpd-${person.id}-${String(i + 1).padStart(2, '0')}`,
        tenantId: person.tenantId,
        staffId: person.id,
        date: e.date,
        type: e.type,
        learning: pick(rng, CPD_LEARNING),
        impact: pick(rng, CPD_IMPACT),
        peerReflected: e.peerReflected,
        recordedAt: stamp(e.date),
      };
      if (e.peerName) entry.peerName = e.peerName;
      return entry;
    });
}

// ---------------------------------------------------------------------------------------------------------
// Caseloads

/** The first working day of each of the last 12 months, oldest first, none after today. */
function snapshotDates(today: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let m = 0; dates.length < 12; m++) {
    const date = onOrAfterWorkingDay(`${plusMonths(today, -m).slice(0, 7)}-01`);
    if (date <= today) dates.push(date);
  }
  return dates.reverse();
}

/** A worker's usual number of children; around 16 for social workers (national average 15.4), a few stretched. */
function usualCaseload(person: Staff, rng: Rng): number {
  let usual: number;
  if (person.role === 'social_worker' || person.role === 'senior_practitioner') {
    usual = chance(rng, 0.05) ? randInt(rng, 21, 24) : randInt(rng, 14, 18);
  } else {
    usual = randInt(rng, 6, 11);
  }
  return Math.round(usual * person.fte);
}

/**
 * Early-career staff build up under the policy's protected caseload (the earlyCareerRamp share of the social
 * worker threshold, as in caseloadThreshold), staying a little under it.
 */
function earlyCareerCaseload(person: Staff, date: LocalDate, rng: Rng): number {
  const months = monthsBetween(earlyCareerStart(person) ?? person.startDate, date);
  const step = [...policy.earlyCareerRamp].sort((a, b) => a.fromMonth - b.fromMonth).filter((s) => months >= s.fromMonth).pop();
  const protectedCaseload = (policy.caseloadThreshold.social_worker ?? 18) * (step?.share ?? 1);
  return Math.round(protectedCaseload * (0.6 + rng() * 0.35));
}

function splitCases(total: number, mix: Partial<Record<CaseType, number>>, rng: Rng): CaseCounts {
  const counts = emptyCounts();
  const weights = Object.entries(mix) as [CaseType, number][];
  for (let i = 0; i < total; i++) counts[weighted(rng, weights)] += 1;
  return counts;
}

function caseloadsFor(person: Staff, kind: TeamKind, dates: readonly LocalDate[], rng: Rng): CaseloadSnapshot[] {
  const usual = usualCaseload(person, rng);
  let drift = 0;
  return dates
    .filter((date) => employedOn(person, date))
    .map((date) => {
      drift = Math.max(-3, Math.min(3, drift + randInt(rng, -2, 2)));
      const total = EARLY_CAREER_ROLES.includes(person.role) ? earlyCareerCaseload(person, date, rng) : usual + drift;
      return {
        id: `cl-${person.id}-${date.slice(0, 7)}`,
        tenantId: person.tenantId,
        staffId: person.id,
        date,
        counts: splitCases(Math.max(1, total), CASE_MIX[kind], rng),
      };
    });
}

// ---------------------------------------------------------------------------------------------------------

export function generateDemoBorough(opts: { tenantId: string; today: LocalDate; seed?: number }): DemoBorough {
  const { tenantId, today, seed = 1 } = opts;
  if (!isLocalDate(today)) throw new Error(`today must be a YYYY-MM-DD date, got "${today}"`);
  // One stream per part of the borough, so that changing how (say) training is generated leaves everyone's
  // supervision history as it was. `today` is not in the seed: the same people appear whatever the date.
  const stream = (label: string): Rng => mulberry32(hash32(`${tenantId}|${seed}|${label}`));

  const org = buildOrganisation(tenantId, today, stream('staff'), stream('entra-ids'));
  const staffById = new Map(org.staff.map((p) => [p.id, p]));
  const byTeam = new Map<string, Staff[]>();
  for (const p of org.staff) {
    const team = byTeam.get(p.team);
    if (team) team.push(p);
    else byTeam.set(p.team, [p]);
  }
  const courses: Course[] = DEFAULT_CATALOGUE.map((c) => ({ id: `course-${c.code.toLowerCase()}`, tenantId, ...c }));
  const catalogue = new Map(courses.map((c) => [c.code, c]));
  const recorders = org.staff.filter((p) => p.role === 'business_support' && p.status === 'active');
  const dates = snapshotDates(today);

  return {
    staff: org.staff,
    courses,
    sessions: buildSupervision(org, today, stream),
    training: org.staff.flatMap((p) => trainingFor(p, catalogue, recorders, today, stream(`training:${p.id}`))),
    cpd: org.staff.flatMap((p) => {
      const teammates = (byTeam.get(p.team) ?? []).filter((t) => t.id !== p.id);
      return cpdFor(p, staffById, teammates.length > 0 ? teammates : [p], today, stream(`cpd:${p.id}`));
    }),
    caseloads: org.staff.flatMap((p) => {
      const kind = org.teamKind.get(p.team);
      return kind && CASE_HOLDING_ROLES.includes(p.role) ? caseloadsFor(p, kind, dates, stream(`caseloads:${p.id}`)) : [];
    }),
  };
}
