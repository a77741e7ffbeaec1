/**
 * Hand-built records and independent date helpers for the domain unit tests.
 * The helpers below deliberately do NOT use bot/src/domain/dates.ts, so properties compare
 * the module against a second, simpler implementation (plain UTC `Date` arithmetic).
 */
import fc from 'fast-check';
import type {
  Course,
  CpdEntry,
  Role,
  Staff,
  SupervisionSession,
  TrainingRecord,
} from '../../../bot/src/domain/model';

export const TENANT = 'tenant-1';

/** Settings shared by every property: fixed seed so a failure reproduces, enough runs to cover DST edges and year ends. */
export const PROPERTY_RUNS = { numRuns: 1000, seed: 20260203 } as const;

export function staff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 'staff-1',
    tenantId: TENANT,
    name: 'Sam Worker',
    email: 'sam.worker@example.gov.uk',
    role: 'social_worker',
    team: 'Assessment East',
    managerId: 'manager-1',
    startDate: '2024-04-01',
    fte: 1,
    employment: 'permanent',
    status: 'active',
    ...overrides,
  };
}

let sessionSeq = 0;
export function session(overrides: Partial<SupervisionSession> = {}): SupervisionSession {
  sessionSeq += 1;
  return {
    id: `session-${sessionSeq}`,
    tenantId: TENANT,
    superviseeId: 'staff-1',
    supervisorId: 'manager-1',
    date: '2026-01-13',
    type: 'individual',
    durationMinutes: 90,
    status: 'held',
    functions: ['management', 'development', 'support', 'mediation'],
    caseIds: [],
    wellbeingDiscussed: false,
    actions: [],
    qualityFlags: [],
    recordedBy: 'manager-1',
    recordedAt: '2026-01-13T12:00:00.000Z',
    ...overrides,
  };
}

let trainingSeq = 0;
export function training(courseCode: string, date: string, status: TrainingRecord['status'] = 'completed', hours = 6): TrainingRecord {
  trainingSeq += 1;
  return {
    id: `training-${trainingSeq}`,
    tenantId: TENANT,
    staffId: 'staff-1',
    courseCode,
    date,
    status,
    hours,
    recordedBy: 'bs-1',
    recordedAt: `${date}T17:00:00.000Z`,
  };
}

let cpdSeq = 0;
export function cpd(date: string, peerReflected = false): CpdEntry {
  cpdSeq += 1;
  return {
    id: `cpd-${cpdSeq}`,
    tenantId: TENANT,
    staffId: 'staff-1',
    date,
    type: 'reading',
    learning: 'Read research on neglect',
    impact: 'Changed how I plan visits',
    peerReflected,
    recordedAt: `${date}T12:00:00.000Z`,
  };
}

export function catalogueOf(defs: readonly Omit<Course, 'id' | 'tenantId'>[]): Map<string, Course> {
  return new Map(defs.map((d) => [d.code, { ...d, id: `course-${d.code}`, tenantId: TENANT }]));
}

// ---------- independent calendar helpers (UTC Date arithmetic, no date-fns) ----------

const DAY_MS = 86_400_000;

export function isoFromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function refPlusDays(date: string, days: number): string {
  return isoFromUtcMs(utcMs(date) + days * DAY_MS);
}

export function refDaysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function refWeekday(date: string): number {
  return new Date(utcMs(date)).getUTCDay();
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Calendar months with the day clamped to the end of a shorter month. */
export function refPlusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

/** The last Sunday of a month (1-based), where UK clocks change in March and October. */
export function lastSunday(year: number, month1: number): string {
  const last = `${year}-${String(month1).padStart(2, '0')}-${String(daysInMonth(year, month1)).padStart(2, '0')}`;
  return refPlusDays(last, -refWeekday(last));
}

/** The calendar day in Europe/London at an instant, via the platform's Intl (ICU) data. */
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
export function intlLondonDate(instant: Date): string {
  return londonDay.format(instant);
}

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export function intlLondonTime(instant: Date): string {
  return londonClock.format(instant);
}

/**
 * England-and-Wales bank holidays that fall on a weekday, as published on gov.uk/bank-holidays
 * (substitute days included, plus the 2020 VE day move, the 2022 Jubilee and State Funeral, the 2023 Coronation).
 */
export const GOV_UK_BANK_HOLIDAYS: Record<number, string[]> = {
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};
const GOV_UK_SET = new Set(Object.values(GOV_UK_BANK_HOLIDAYS).flat());

/** Reference working-day test for 2020–2027 (weekends and the gov.uk list above). */
export function refIsWorkingDay(date: string): boolean {
  const dow = refWeekday(date);
  return dow !== 0 && dow !== 6 && !GOV_UK_SET.has(date);
}

// ---------- arbitraries ----------

const ms2020 = Date.UTC(2020, 0, 1);
const daysTo2031 = refDaysBetween('2020-01-01', '2030-12-31');
const daysTo2028 = refDaysBetween('2020-01-01', '2027-12-31');

/** Any calendar day from 1 Jan 2020 to 31 Dec 2030. */
export const localDate2020to2030 = fc.integer({ min: 0, max: daysTo2031 }).map((n) => isoFromUtcMs(ms2020 + n * DAY_MS));

/** Any calendar day from 1 Jan 2020 to 24 Dec 2027 (inside the hard-coded gov.uk list, with room to move forward). */
export const localDateCovered = fc.integer({ min: 0, max: daysTo2028 - 7 }).map((n) => isoFromUtcMs(ms2020 + n * DAY_MS));

export const ALL_ROLES_SUPERVISED_MONTHLY: readonly Role[] = [
  'social_worker',
  'senior_practitioner',
  'advanced_practitioner',
  'family_practitioner',
  'team_manager',
  'practice_manager',
  'group_manager',
  'service_manager',
  'principal_social_worker',
];
