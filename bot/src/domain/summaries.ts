import { caseloadStanding, totalCases, type CaseloadBand } from './caseload';
import { registrationYear } from './cpd';
import { daysBetween, monthsBetween, type LocalDate } from './dates';
import { KSS_FRAMEWORKS } from './kss';
import type { CaseCounts, CaseloadSnapshot, Course, Role, SignsOfSafetyLevel } from './model';
import type { TenantPolicy } from './policy';
import type { OpenAction, PersonStatus } from './status';
import { supervisionInterval, supervisionStanding, type SupervisionStanding } from './supervision';
import type { CourseState } from './training';

/** What "my development" shows: everything from the person's status document, as of today. */
export interface DevelopmentSummary {
  name: string;
  role: Role;
  team: string;
  supervision: SupervisionStanding & { last?: LocalDate; cancelledSinceLast: number; awaitingResponse: number };
  actions: (OpenAction & { overdue: boolean })[];
  signsOfSafety: { held?: SignsOfSafetyLevel; required: SignsOfSafetyLevel | null; met: boolean };
  coreSkills: { code: string; title: string; state: CourseState }[];
  kss?: { framework: string; covered: string[]; total: number };
  cpd: { required: boolean; yearLabel: string; entries: number; peerReflected: number; minimumEntries: number; minimumPeerReflected: number; met: boolean; shortInRenewalWindow: boolean };
  earlyCareer?: { start: LocalDate; weeks: number; months: number; cadence: string };
}

export function developmentSummary(status: PersonStatus, catalogue: ReadonlyMap<string, Course>, policy: TenantPolicy, today: LocalDate): DevelopmentSummary {
  const standing = supervisionStanding(status.nextDue, today, policy);
  const year = registrationYear(today);
  const { entries, peerReflected, met } = cpdThisYear(status, policy, today);
  const month = Number(today.slice(5, 7));
  const framework = status.kss && KSS_FRAMEWORKS.find((f) => f.id === status.kss!.frameworkId);
  return {
    name: status.name,
    role: status.role,
    team: status.team,
    supervision: { ...standing, last: status.lastSupervision, cancelledSinceLast: status.cancelledSinceLast, awaitingResponse: status.awaitingResponse },
    actions: status.actions.map((a) => ({ ...a, overdue: a.due !== undefined && a.due < today })),
    signsOfSafety: status.signsOfSafety,
    coreSkills: status.coreSkills.map((c) => ({ ...c, title: catalogue.get(c.code)?.title ?? c.code })),
    kss: status.kss && framework ? { framework: framework.title, covered: status.kss.covered.map((id) => framework.areas.find((a) => a.id === id)?.title ?? id), total: status.kss.total } : undefined,
    cpd: {
      required: status.cpd.required,
      yearLabel: year.label,
      entries,
      peerReflected,
      minimumEntries: policy.cpd.minimumEntries,
      minimumPeerReflected: policy.cpd.minimumPeerReflected,
      met,
      shortInRenewalWindow: status.cpd.required && !met && month >= policy.cpd.renewalWindowStartMonth && month <= 11,
    },
    earlyCareer: status.programmeStart ? earlyCareerProgress(status, policy, today) : undefined,
  };
}

/** The person's CPD in today's registration year: the status document's counts are for the year it was computed in, and a new year starts from nothing. */
export function cpdThisYear(status: PersonStatus, policy: TenantPolicy, today: LocalDate): { entries: number; peerReflected: number; met: boolean } {
  const sameYear = status.cpd.yearStart === registrationYear(today).start;
  const entries = sameYear ? status.cpd.entries : 0;
  const peerReflected = sameYear ? status.cpd.peerReflected : 0;
  return { entries, peerReflected, met: !status.cpd.required || (entries >= policy.cpd.minimumEntries && peerReflected >= policy.cpd.minimumPeerReflected) };
}

export function earlyCareerProgress(status: PersonStatus, policy: TenantPolicy, today: LocalDate): DevelopmentSummary['earlyCareer'] {
  const start = status.programmeStart!;
  const interval = supervisionInterval({ role: status.role, startDate: start, programme: 'asye', programmeStart: start }, today, policy);
  const cadence = !interval ? 'not supervised' : interval.unit === 'week' ? (interval.count === 1 ? 'weekly' : 'fortnightly') : interval.count === 1 ? 'monthly' : `every ${interval.count} months`;
  return { start, weeks: Math.max(0, Math.floor(daysBetween(start, today) / 7)), months: Math.max(0, monthsBetween(start, today)), cadence };
}

/** What "my caseload" shows: the latest snapshot against the threshold, and the trend. */
export interface CaseloadSummary {
  latest?: { date: LocalDate; counts: CaseCounts; total: number; weighted: number; threshold?: number; band?: CaseloadBand };
  /** Oldest first, at most three. */
  trend: { date: LocalDate; total: number }[];
  nationalAverage: number;
}

/** `threshold` is the person's threshold on the latest snapshot's date (the status document holds it). */
export function caseloadSummary(snapshotsNewestFirst: readonly Pick<CaseloadSnapshot, 'date' | 'counts'>[], threshold: number | undefined, policy: TenantPolicy): CaseloadSummary {
  const latest = snapshotsNewestFirst[0];
  return {
    latest: latest && { date: latest.date, counts: latest.counts, ...caseloadStanding(latest.counts, threshold, policy) },
    trend: snapshotsNewestFirst.slice(0, 3).map((s) => ({ date: s.date, total: totalCases(s.counts) })).reverse(),
    nationalAverage: policy.nationalAverageCaseload,
  };
}

/** One line of a manager's team view. */
export interface TeamRow {
  staffId: string;
  name: string;
  role: Role;
  supervision: SupervisionStanding & { last?: LocalDate };
  caseload?: { total: number; threshold?: number; band?: CaseloadBand };
  signsOfSafety: { held?: SignsOfSafetyLevel; met: boolean };
}

/** Overdue first (most overdue at the top), then due soon, then by name. */
export function teamRows(statuses: readonly PersonStatus[], policy: TenantPolicy, today: LocalDate): TeamRow[] {
  const order = { overdue: 0, due_soon: 1, in_date: 2, not_supervised: 3 } as const;
  return statuses
    .filter((s) => s.active)
    .map((s) => {
      const band = s.caseload && caseloadStanding(s.caseload.counts, s.caseload.threshold, policy).band;
      return {
        staffId: s.staffId,
        name: s.name,
        role: s.role,
        supervision: { ...supervisionStanding(s.nextDue, today, policy), last: s.lastSupervision },
        caseload: s.caseload && { total: s.caseload.total, threshold: s.caseload.threshold, band },
        signsOfSafety: { held: s.signsOfSafety.held, met: s.signsOfSafety.met },
      };
    })
    .sort(
      (a, b) =>
        order[a.supervision.state] - order[b.supervision.state] ||
        b.supervision.daysOverdue - a.supervision.daysOverdue ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
}
