import { monthsBetween, type LocalDate } from './dates';
import { CASE_TYPES, EARLY_CAREER_ROLES, type CaseCounts, type Staff } from './model';
import type { TenantPolicy } from './policy';
import { earlyCareerStart } from './supervision';

type Person = Pick<Staff, 'role' | 'startDate' | 'programme' | 'programmeStart' | 'fte'>;

/**
 * The most children the person should hold on a date, or undefined for roles that hold no cases.
 * Early-career staff ramp up to a share of the social worker threshold; part-time staff get their FTE share.
 */
export function caseloadThreshold(person: Person, on: LocalDate, policy: TenantPolicy): number | undefined {
  let threshold: number | undefined;
  const start = earlyCareerStart(person);
  if (start && EARLY_CAREER_ROLES.includes(person.role)) {
    const base = policy.caseloadThreshold.social_worker ?? policy.caseloadThreshold[person.role];
    if (base === undefined) return undefined;
    const months = monthsBetween(start, on);
    const step = [...policy.earlyCareerRamp].sort((a, b) => a.fromMonth - b.fromMonth).filter((s) => months >= s.fromMonth).pop();
    threshold = base * (step?.share ?? policy.earlyCareerRamp[0]?.share ?? 1);
  } else {
    threshold = policy.caseloadThreshold[person.role];
  }
  if (threshold === undefined) return undefined;
  if (policy.prorateThresholdByFte && person.fte > 0 && person.fte < 1) threshold *= person.fte;
  // "Up to" the threshold: a fractional allowance rounds down to whole children.
  return Math.floor(threshold + 1e-9);
}

export function totalCases(counts: CaseCounts): number {
  return CASE_TYPES.reduce((sum, t) => sum + (counts[t] ?? 0), 0);
}

export function weightedCases(counts: CaseCounts, policy: TenantPolicy): number {
  const weighted = CASE_TYPES.reduce((sum, t) => sum + (counts[t] ?? 0) * policy.caseWeights[t], 0);
  return Math.round(weighted * 10) / 10;
}

export type CaseloadBand = 'within' | 'near' | 'over';

export interface CaseloadStanding {
  total: number;
  weighted: number;
  threshold?: number;
  band?: CaseloadBand;
}

/** Over the threshold is "over"; at 90% of it or more is "near". */
export function caseloadStanding(counts: CaseCounts, threshold: number | undefined, policy: TenantPolicy): CaseloadStanding {
  const total = totalCases(counts);
  const weighted = weightedCases(counts, policy);
  if (threshold === undefined) return { total, weighted };
  // The epsilon keeps 11.7 "at 90% of 13" from missing the band through binary rounding.
  const band: CaseloadBand = weighted > threshold ? 'over' : weighted >= threshold * 0.9 - 1e-9 ? 'near' : 'within';
  return { total, weighted, threshold, band };
}

export function emptyCounts(): CaseCounts {
  return { cin: 0, cp: 0, cla: 0, care_leaver: 0, pre_proceedings: 0, early_help: 0 };
}
