import { type LocalDate } from './dates';
import { REGISTERED_ROLES, type CpdEntry, type Staff } from './model';
import type { TenantPolicy } from './policy';

export interface RegistrationYear {
  /** 1 December. */
  start: LocalDate;
  /** 30 November of the following year. */
  end: LocalDate;
  /** "2025–26". */
  label: string;
}

/** The Social Work England registration year (1 Dec – 30 Nov) that contains `date`. */
export function registrationYear(date: LocalDate): RegistrationYear {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5, 7) === '12' ? year : year - 1;
  return {
    start: `${startYear}-12-01`,
    end: `${startYear + 1}-11-30`,
    label: `${startYear}–${String((startYear + 1) % 100).padStart(2, '0')}`,
  };
}

export interface CpdStanding {
  /** False for staff who are not registered social workers and owe no CPD. */
  required: boolean;
  year: RegistrationYear;
  entries: number;
  peerReflected: number;
  met: boolean;
  /** In the renewal window (from 1 September) and still short: the person should be told. */
  shortInRenewalWindow: boolean;
}

export function isRegistered(person: Pick<Staff, 'role'>): boolean {
  return REGISTERED_ROLES.includes(person.role);
}

export function cpdStanding(
  person: Pick<Staff, 'role'>,
  entries: readonly Pick<CpdEntry, 'date' | 'peerReflected'>[],
  today: LocalDate,
  policy: TenantPolicy,
): CpdStanding {
  const year = registrationYear(today);
  const inYear = entries.filter((e) => e.date >= year.start && e.date <= year.end);
  const peerReflected = inYear.filter((e) => e.peerReflected).length;
  const required = isRegistered(person);
  const met = !required || (inYear.length >= policy.cpd.minimumEntries && peerReflected >= policy.cpd.minimumPeerReflected);
  const month = Number(today.slice(5, 7));
  const inWindow = month >= policy.cpd.renewalWindowStartMonth && month <= 11;
  return { required, year, entries: inYear.length, peerReflected, met, shortInRenewalWindow: required && !met && inWindow };
}
