import { isLocalDate, type LocalDate } from './dates';
import type { Staff } from './model';

/**
 * Retention of leavers' records (UK GDPR: supervision and training records are employment records). A leaver's
 * records are kept for a whole number of years after their leaving date and deleted from the anniversary on.
 */

export const DEFAULT_RETENTION_YEARS = 6;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 100;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function assertRetentionYears(years: number): void {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
    throw new RangeError(`retention period must be a whole number of years from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}, not ${years}`);
  }
}

/**
 * The first day a leaver's records may be deleted: the `years`th anniversary of their leaving date. A 29 February
 * leaving date whose anniversary falls in a common year ends on 1 March, as a 29 February birthday does in UK law
 * (Family Law Reform Act 1969 s.9): never a day before the full period has run, since a purge cannot be undone.
 */
export function retentionEndsOn(leavingDate: LocalDate, years: number): LocalDate {
  assertRetentionYears(years);
  const year = Number(leavingDate.slice(0, 4)) + years;
  const monthDay = leavingDate.slice(5);
  if (monthDay === '02-29' && !isLeapYear(year)) return `${year}-03-01`;
  return `${year}-${monthDay}`;
}

export type RetentionCandidate = Pick<Staff, 'id' | 'status' | 'leavingDate'>;

export interface DuePurge {
  staffId: string;
  leavingDate: LocalDate;
  /** The day the retention period ended (on or before today). */
  retainedUntil: LocalDate;
}

export interface RetentionDecision {
  /** Leavers whose retention period has ended: delete their records. Sorted by leaving date, then id. */
  due: DuePurge[];
  /**
   * Leavers with no (or no valid) leaving date: never purged automatically, since the period cannot be counted.
   * Someone must record the date; the job reports them every run.
   */
  undated: string[];
}

/**
 * Who is due for purge on `today`: leavers whose leaving date plus `years` years is on or before today. Active
 * staff are never due, whatever dates they carry (someone working their notice has a leaving date).
 */
export function dueForPurge(staff: readonly RetentionCandidate[], today: LocalDate, years: number): RetentionDecision {
  assertRetentionYears(years);
  const due: DuePurge[] = [];
  const undated: string[] = [];
  for (const person of staff) {
    if (person.status !== 'leaver') continue;
    if (!person.leavingDate || !isLocalDate(person.leavingDate)) {
      undated.push(person.id);
      continue;
    }
    const retainedUntil = retentionEndsOn(person.leavingDate, years);
    if (retainedUntil <= today) due.push({ staffId: person.id, leavingDate: person.leavingDate, retainedUntil });
  }
  due.sort((a, b) => (a.leavingDate === b.leavingDate ? (a.staffId < b.staffId ? -1 : 1) : a.leavingDate < b.leavingDate ? -1 : 1));
  return { due, undated: undated.sort() };
}
