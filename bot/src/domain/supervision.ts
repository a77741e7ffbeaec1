import {
  daysBetween,
  monthsBetween,
  onOrAfterWorkingDay,
  plusMonths,
  plusWeeks,
  type LocalDate,
} from './dates';
import { EARLY_CAREER_ROLES, type Staff, type SupervisionSession } from './model';
import type { Interval, TenantPolicy } from './policy';

type Person = Pick<Staff, 'role' | 'startDate' | 'programme' | 'programmeStart'>;

/** Whether the person is on an early-career programme (ASYE or ECDP) and when it started. */
export function earlyCareerStart(person: Person): LocalDate | undefined {
  if (!EARLY_CAREER_ROLES.includes(person.role) && !person.programme) return undefined;
  return person.programmeStart ?? person.startDate;
}

/**
 * The supervision interval that applies to a person on a given date, or null when the role is not supervised.
 * Early career: weekly before 6 full weeks, fortnightly before 6 full months, then the policy's interval.
 */
export function supervisionInterval(person: Person, on: LocalDate, policy: TenantPolicy): Interval | null {
  const start = earlyCareerStart(person);
  if (start && EARLY_CAREER_ROLES.includes(person.role)) {
    const { weeklyForWeeks, fortnightlyForMonths, then } = policy.earlyCareer;
    const days = daysBetween(start, on);
    if (days < weeklyForWeeks * 7) return { unit: 'week', count: 1 };
    if (monthsBetween(start, on) < fortnightlyForMonths) return { unit: 'week', count: 2 };
    return then;
  }
  return policy.supervisionInterval[person.role];
}

export function addInterval(date: LocalDate, interval: Interval): LocalDate {
  return interval.unit === 'week' ? plusWeeks(date, interval.count) : plusMonths(date, interval.count);
}

/** Formal sessions reset the clock; ad hoc case consultations and cancelled sessions do not. */
export function isFormalHeld(session: Pick<SupervisionSession, 'status' | 'type'>): boolean {
  return session.status === 'held' && session.type !== 'case_consultation';
}

/** The date of the latest held formal session, if any. */
export function lastFormalSession(sessions: readonly Pick<SupervisionSession, 'status' | 'type' | 'date'>[]): LocalDate | undefined {
  let last: LocalDate | undefined;
  for (const s of sessions) if (isFormalHeld(s) && (!last || s.date > last)) last = s.date;
  return last;
}

/**
 * When the next supervision is due: the last held formal session (or the start date, for someone never
 * supervised) plus the interval for the role on that date, moved past weekends and bank holidays.
 */
export function supervisionDue(person: Person, lastHeld: LocalDate | undefined, policy: TenantPolicy): LocalDate | undefined {
  const from = lastHeld ?? earlyCareerStart(person) ?? person.startDate;
  const interval = supervisionInterval(person, from, policy);
  if (!interval) return undefined;
  return onOrAfterWorkingDay(addInterval(from, interval));
}

export type SupervisionState = 'not_supervised' | 'in_date' | 'due_soon' | 'overdue';

export interface SupervisionStanding {
  state: SupervisionState;
  due?: LocalDate;
  /** Days past the due date (0 unless overdue). */
  daysOverdue: number;
  /** Days until the due date (negative when overdue). */
  daysUntilDue?: number;
}

/** Overdue means today is past the due date; due soon means within the policy's window. */
export function supervisionStanding(due: LocalDate | undefined, today: LocalDate, policy: TenantPolicy): SupervisionStanding {
  if (!due) return { state: 'not_supervised', daysOverdue: 0 };
  const daysUntilDue = daysBetween(today, due);
  if (daysUntilDue < 0) return { state: 'overdue', due, daysOverdue: -daysUntilDue, daysUntilDue };
  if (daysUntilDue <= policy.dueSoonDays) return { state: 'due_soon', due, daysOverdue: 0, daysUntilDue };
  return { state: 'in_date', due, daysOverdue: 0, daysUntilDue };
}
