import { SIGNS_OF_SAFETY_LABELS } from '../cards/labels';
import { caseloadStanding } from '../domain/caseload';
import { registrationYear } from '../domain/cpd';
import { plusDays, plusMonths, type LocalDate } from '../domain/dates';
import { KSS_FRAMEWORKS } from '../domain/kss';
import { EARLY_CAREER_ROLES, ROLE_LABELS, SIGNS_OF_SAFETY_LEVELS, type Course, type Role } from '../domain/model';
import type { TenantPolicy } from '../domain/policy';
import type { PersonStatus } from '../domain/status';
import { cpdThisYear, earlyCareerProgress } from '../domain/summaries';
import { supervisionDue, supervisionStanding } from '../domain/supervision';
import type { AsyeRow, CaseloadBucket, CaseloadRow, CoreSkillRow, CpdRow, KssRow, OverdueRow, PersonLink, SignsOfSafetyRow, TeamSupervisionRow, TrendPoint, WorkforceReport } from './contract';

export interface WorkforceInput {
  scope: WorkforceReport['scope'];
  /** Everyone in the caller's scope, leavers included (the trend counts people who were there at the time). */
  people: readonly PersonStatus[];
  /** Names of managers, who may sit outside the scope. */
  names: ReadonlyMap<string, string>;
  catalogue: ReadonlyMap<string, Course>;
  policy: TenantPolicy;
  today: LocalDate;
  filters: { team?: string; role?: Role };
}

const TREND_MONTHS = 12;
const BUCKET_WIDTH = 5;
const LAST_BUCKET_FROM = 30;

/** The PSW's dashboard figures (or a manager's, for their line), computed in memory from status documents. */
export function workforceReport(input: WorkforceInput): WorkforceReport {
  const { filters, today, policy } = input;
  const matches = (p: PersonStatus) => (!filters.team || p.team === filters.team) && (!filters.role || p.role === filters.role);
  const activeInScope = input.people.filter((p) => p.active);
  const people = activeInScope.filter(matches);
  const link = (p: PersonStatus): PersonLink => ({ staffId: p.staffId, name: p.name, team: p.team, roleLabel: ROLE_LABELS[p.role] });

  const standings = people.map((p) => ({ p, s: supervisionStanding(p.nextDue, today, policy) })).filter(({ s }) => s.state !== 'not_supervised');
  const within = standings.filter(({ s }) => s.state !== 'overdue');
  const overdue: OverdueRow[] = standings
    .filter(({ s }) => s.state === 'overdue')
    .map(({ p, s }) => ({ ...link(p), managerName: p.managerId && input.names.get(p.managerId), lastSupervision: p.lastSupervision, due: s.due!, daysOverdue: s.daysOverdue }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byName(a, b));

  return {
    scope: input.scope,
    asOf: today,
    filters,
    options: {
      teams: unique(activeInScope.map((p) => p.team)).sort(compareText),
      roles: unique(activeInScope.map((p) => p.role)).sort().map((value) => ({ value, label: ROLE_LABELS[value] })),
    },
    people: people.length,
    supervision: {
      supervised: standings.length,
      withinPolicy: within.length,
      percent: percent(within.length, standings.length),
      overdue,
      byTeam: byTeam(standings.map(({ p, s }) => ({ team: p.team, overdue: s.state === 'overdue' }))),
      trend: trend(input.people.filter(matches), policy, today),
    },
    training: { signsOfSafety: signsOfSafety(people), coreSkills: coreSkills(people, input.catalogue), kss: kss(people) },
    caseloads: caseloads(people, policy, link),
    cpd: cpd(people, input, link),
    asye: people
      .filter((p) => p.programmeStart && EARLY_CAREER_ROLES.includes(p.role))
      .map((p): AsyeRow => {
        const supervision = supervisionStanding(p.nextDue, today, policy);
        return {
          ...link(p),
          ...earlyCareerProgress(p, policy, today)!,
          supervision: supervision.state,
          lastSupervision: p.lastSupervision,
          due: supervision.due,
          daysOverdue: supervision.daysOverdue,
          signsOfSafetyMet: p.signsOfSafety.met,
          caseload: p.caseload?.total,
          caseloadThreshold: p.caseload?.threshold,
        };
      })
      .sort((a, b) => a.start.localeCompare(b.start) || byName(a, b)),
  };
}

function byTeam(rows: { team: string; overdue: boolean }[]): TeamSupervisionRow[] {
  const teams = new Map<string, { supervised: number; overdue: number }>();
  for (const r of rows) {
    const t = teams.get(r.team) ?? { supervised: 0, overdue: 0 };
    t.supervised++;
    if (r.overdue) t.overdue++;
    teams.set(r.team, t);
  }
  return [...teams].map(([team, t]) => ({ team, supervised: t.supervised, withinPolicy: t.supervised - t.overdue, overdue: t.overdue, percent: percent(t.supervised - t.overdue, t.supervised) })).sort((a, b) => compareText(a.team, b.team));
}

/**
 * Supervision within policy at the end of each of the last 12 months, recomputed from each person's recent
 * sessions: who was in post that day, when their supervision was due given the last session held by then,
 * and whether that day was past it. Roles are today's (the roster keeps no role history).
 */
export function trend(people: readonly PersonStatus[], policy: TenantPolicy, today: LocalDate): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const month = plusMonths(`${today.slice(0, 7)}-01`, -back).slice(0, 7);
    const asOf = back === 0 ? today : plusDays(plusMonths(`${month}-01`, 1), -1);
    let supervised = 0;
    let withinPolicy = 0;
    for (const p of people) {
      if (p.startDate > asOf || (!p.active && (!p.leavingDate || p.leavingDate <= asOf))) continue;
      const due = supervisionDue(p, lastFormalBy(p, asOf), policy);
      if (!due) continue;
      supervised++;
      if (due >= asOf) withinPolicy++;
    }
    points.push({ month, asOf, supervised, withinPolicy, percent: percent(withinPolicy, supervised) });
  }
  return points;
}

function lastFormalBy(p: PersonStatus, day: LocalDate): LocalDate | undefined {
  if (p.lastSupervision && p.lastSupervision <= day) return p.lastSupervision;
  let last: LocalDate | undefined;
  for (const s of p.recentSessions) if (s.formal && s.date <= day) last = s.date;
  return last;
}

function signsOfSafety(people: readonly PersonStatus[]): SignsOfSafetyRow[] {
  return SIGNS_OF_SAFETY_LEVELS.map((level) => {
    const needing = people.filter((p) => p.signsOfSafety.required === level);
    // Levels no role requires (practice lead, licensed trainer) are shown as how many hold them.
    const held = needing.length > 0 ? needing.filter((p) => p.signsOfSafety.met).length : people.filter((p) => p.signsOfSafety.held === level).length;
    return { level, label: SIGNS_OF_SAFETY_LABELS[level], required: needing.length, held, percent: percent(held, needing.length) };
  });
}

function coreSkills(people: readonly PersonStatus[], catalogue: ReadonlyMap<string, Course>): CoreSkillRow[] {
  const rows = new Map<string, CoreSkillRow>();
  for (const p of people) {
    for (const { code, state } of p.coreSkills) {
      const row = rows.get(code) ?? { code, title: catalogue.get(code)?.title ?? code, done: 0, booked: 0, expired: 0, missing: 0, percent: 0 };
      row[state]++;
      rows.set(code, row);
    }
  }
  return [...rows.values()].map((r) => ({ ...r, percent: percent(r.done, r.done + r.booked + r.expired + r.missing) })).sort((a, b) => compareText(a.title, b.title));
}

function kss(people: readonly PersonStatus[]): KssRow[] {
  return KSS_FRAMEWORKS.flatMap((f) => {
    const holders = people.filter((p) => p.kss?.frameworkId === f.id);
    if (holders.length === 0) return [];
    return f.areas.map((a) => {
      const covered = holders.filter((p) => p.kss!.covered.includes(a.id)).length;
      return { framework: f.title, area: a.title, covered, people: holders.length, percent: percent(covered, holders.length) };
    });
  });
}

function caseloads(people: readonly PersonStatus[], policy: TenantPolicy, link: (p: PersonStatus) => PersonLink): WorkforceReport['caseloads'] {
  const rows: CaseloadRow[] = people
    .filter((p) => p.caseload)
    .map((p) => {
      const c = p.caseload!;
      return { ...link(p), total: c.total, weighted: c.weighted, threshold: c.threshold, band: caseloadStanding(c.counts, c.threshold, policy).band, asOf: c.date };
    })
    .sort((a, b) => load(b) - load(a) || b.total - a.total || byName(a, b));
  const distribution: CaseloadBucket[] = [];
  for (let from = 0; from <= LAST_BUCKET_FROM; from += BUCKET_WIDTH) {
    const to = from === LAST_BUCKET_FROM ? undefined : from + BUCKET_WIDTH - 1;
    distribution.push({ from, to, label: to === undefined ? `${from}+` : `${from}–${to}`, count: rows.filter((r) => r.total >= from && (to === undefined || r.total <= to)).length });
  }
  const totals = rows.map((r) => r.total).sort((a, b) => a - b);
  const mid = Math.floor(totals.length / 2);
  return {
    nationalAverage: policy.nationalAverageCaseload,
    // The full-time threshold of each role in scope: individual thresholds (part-time, early career) vary around them.
    thresholds: unique(people.flatMap((p) => (p.caseload && policy.caseloadThreshold[p.role] !== undefined ? [policy.caseloadThreshold[p.role]!] : []))).sort((a, b) => a - b),
    distribution,
    withCaseload: rows.length,
    people: rows.filter((r) => r.band === 'near' || r.band === 'over'),
    median: totals.length === 0 ? undefined : totals.length % 2 ? totals[mid] : (totals[mid - 1]! + totals[mid]!) / 2,
  };
}

/** How full a caseload is against its threshold; no threshold sorts last. */
const load = (r: CaseloadRow): number => (r.threshold ? r.weighted / r.threshold : -1);

function cpd(people: readonly PersonStatus[], input: WorkforceInput, link: (p: PersonStatus) => PersonLink): WorkforceReport['cpd'] {
  const owing = people.filter((p) => p.cpd.required).map((p) => ({ p, c: cpdThisYear(p, input.policy, input.today) }));
  const met = owing.filter(({ c }) => c.met).length;
  const short: CpdRow[] = owing
    .filter(({ c }) => !c.met)
    .map(({ p, c }) => ({ ...link(p), entries: c.entries, peerReflected: c.peerReflected, met: false }))
    .sort((a, b) => a.entries - b.entries || byName(a, b));
  return { yearLabel: registrationYear(input.today).label, required: owing.length, met, percent: percent(met, owing.length), people: short };
}

export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const unique = <T>(values: T[]): T[] => [...new Set(values)];
const compareText = (a: string, b: string): number => a.localeCompare(b, 'en-GB');
const byName = (a: { name: string }, b: { name: string }): number => compareText(a.name, b.name);
