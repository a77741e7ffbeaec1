import { CASE_TYPES, ROLES, SIGNS_OF_SAFETY_LEVELS, type CaseType, type Role, type SignsOfSafetyLevel } from './model';

/** A supervision interval: every `count` weeks or months. */
export interface Interval {
  unit: 'week' | 'month';
  count: number;
}

/**
 * Everything a council sets for itself. Defaults follow shared/domain.md; a tenant stores only its overrides.
 */
export interface TenantPolicy {
  /** Interval per role; `null` means the role is not supervised in Reflect. */
  supervisionInterval: Record<Role, Interval | null>;
  /** Early-career cadence by time since programme start (LGA Employer Standard 5). */
  earlyCareer: { weeklyForWeeks: number; fortnightlyForMonths: number; then: Interval };
  /** A formal session shorter than this is flagged at recording time. */
  minimumSessionMinutes: number;
  /** "Due soon" starts this many days before the due date. */
  dueSoonDays: number;
  /** Caseload threshold (children) per case-holding role. */
  caseloadThreshold: Partial<Record<Role, number>>;
  /** Early-career ramp: share of the social worker threshold reached by each month since programme start. */
  earlyCareerRamp: { fromMonth: number; share: number }[];
  /** Weights per case type for the weighted caseload (1 = counts as one child). */
  caseWeights: Record<CaseType, number>;
  /** Part-time staff get a threshold in proportion to their FTE. */
  prorateThresholdByFte: boolean;
  /** Context for caseload charts: DfE children's social work workforce census, Sept 2024. */
  nationalAverageCaseload: number;
  /** Signs of Safety level each role should hold (`null`: none expected). */
  signsOfSafetyRequired: Record<Role, SignsOfSafetyLevel | null>;
  /** Core skills courses (catalogue codes) each role should have; missing roles need none. */
  coreSkillsRequired: Partial<Record<Role, string[]>>;
  /** Social Work England: pieces of CPD per registration year and how many reflected on with a peer. */
  cpd: { minimumEntries: number; minimumPeerReflected: number; renewalWindowStartMonth: number };
  /** Years after leaving that a leaver's records are kept. */
  retentionYearsAfterLeaving: number;
}

const monthly: Interval = { unit: 'month', count: 1 };

export const DEFAULT_CORE_SKILLS = [
  'CS-ASSESS',
  'CS-CHRON',
  'CS-DIRECT',
  'CS-DA',
  'CS-EXPLOIT',
  'CS-COURT',
] as const;

const practitionerCoreSkills = [...DEFAULT_CORE_SKILLS];

export const DEFAULT_POLICY: TenantPolicy = {
  supervisionInterval: {
    asye: monthly,
    ecdp: monthly,
    social_worker: monthly,
    senior_practitioner: monthly,
    advanced_practitioner: monthly,
    family_practitioner: monthly,
    team_manager: monthly,
    practice_manager: monthly,
    group_manager: monthly,
    service_manager: monthly,
    principal_social_worker: monthly,
    business_support: null,
  },
  earlyCareer: { weeklyForWeeks: 6, fortnightlyForMonths: 6, then: monthly },
  minimumSessionMinutes: 90,
  dueSoonDays: 3,
  caseloadThreshold: {
    social_worker: 18,
    senior_practitioner: 18,
    advanced_practitioner: 12,
    asye: 18,
    ecdp: 18,
    family_practitioner: 12,
  },
  earlyCareerRamp: [
    { fromMonth: 0, share: 0.25 },
    { fromMonth: 3, share: 0.5 },
    { fromMonth: 6, share: 0.7 },
    { fromMonth: 9, share: 0.9 },
  ],
  caseWeights: { cin: 1, cp: 1, cla: 1, care_leaver: 1, pre_proceedings: 1, early_help: 1 },
  prorateThresholdByFte: true,
  nationalAverageCaseload: 15.4,
  signsOfSafetyRequired: {
    asye: 'intro_2day',
    ecdp: 'intro_2day',
    social_worker: 'intro_2day',
    senior_practitioner: 'intro_2day',
    advanced_practitioner: 'advanced',
    family_practitioner: 'intro_2day',
    team_manager: 'advanced',
    practice_manager: 'advanced',
    group_manager: 'manager_overview',
    service_manager: 'manager_overview',
    principal_social_worker: 'advanced',
    business_support: null,
  },
  coreSkillsRequired: {
    asye: practitionerCoreSkills,
    ecdp: practitionerCoreSkills,
    social_worker: practitionerCoreSkills,
    senior_practitioner: practitionerCoreSkills,
    advanced_practitioner: practitionerCoreSkills,
  },
  cpd: { minimumEntries: 2, minimumPeerReflected: 1, renewalWindowStartMonth: 9 },
  retentionYearsAfterLeaving: 6,
};

/** What a tenant may store to change the defaults: any top-level section, replaced or merged per key. */
export type PolicyOverrides = { [K in keyof TenantPolicy]?: Partial<TenantPolicy[K]> };

export class PolicyError extends Error {}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sections whose keys are roles, any of which a tenant may add. */
const ROLE_KEYED = new Set<string>(['caseloadThreshold', 'coreSkillsRequired']);

/** The defaults with a tenant's overrides applied; throws PolicyError naming the first bad setting. */
export function resolvePolicy(overrides: PolicyOverrides = {}): TenantPolicy {
  if (!isPlainObject(overrides)) throw new PolicyError('Policy overrides must be an object');
  // A deep copy: one tenant's policy must never share objects with the defaults or another tenant's.
  const merged = structuredClone(DEFAULT_POLICY) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_POLICY, key)) throw new PolicyError(`Unknown policy setting "${key}"`);
    const base = merged[key];
    if (isPlainObject(base)) {
      if (!isPlainObject(value)) throw new PolicyError(`${key} must be an object of settings`);
      const allowed = ROLE_KEYED.has(key) ? (ROLES as readonly string[]) : Object.keys(base);
      for (const [sub, v] of Object.entries(value)) {
        if (!allowed.includes(sub)) throw new PolicyError(`Unknown policy setting "${key}.${sub}"`);
        base[sub] = structuredClone(v);
      }
    } else {
      merged[key] = structuredClone(value);
    }
  }
  const policy = merged as unknown as TenantPolicy;
  checkPolicy(policy);
  return policy;
}

function checkPolicy(p: TenantPolicy): void {
  const fail = (message: string): never => {
    throw new PolicyError(message);
  };
  const positive = (n: unknown, name: string): void => {
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) fail(`${name} must be a positive number`);
  };
  const wholeAtLeast = (n: unknown, min: number, name: string): void => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min) fail(`${name} must be a whole number of at least ${min}`);
  };
  const interval = (value: unknown, name: string): void => {
    if (!isPlainObject(value) || (value.unit !== 'week' && value.unit !== 'month')) fail(`${name}.unit must be "week" or "month"`);
    positive((value as { count?: unknown }).count, `${name}.count`);
  };
  for (const role of ROLES) {
    const value = p.supervisionInterval[role];
    if (value === undefined) fail(`supervisionInterval.${role} is missing`);
    if (value !== null) interval(value, `supervisionInterval.${role}`);
  }
  positive(p.earlyCareer.weeklyForWeeks, 'earlyCareer.weeklyForWeeks');
  positive(p.earlyCareer.fortnightlyForMonths, 'earlyCareer.fortnightlyForMonths');
  interval(p.earlyCareer.then, 'earlyCareer.then');
  positive(p.minimumSessionMinutes, 'minimumSessionMinutes');
  wholeAtLeast(p.dueSoonDays, 0, 'dueSoonDays');
  for (const [role, n] of Object.entries(p.caseloadThreshold)) positive(n, `caseloadThreshold.${role}`);
  for (const type of CASE_TYPES) {
    const w = p.caseWeights[type];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail(`caseWeights.${type} must be zero or more`);
  }
  if (!Array.isArray(p.earlyCareerRamp) || p.earlyCareerRamp.length === 0) fail('earlyCareerRamp must be a list of steps');
  p.earlyCareerRamp.forEach((step: unknown, i) => {
    if (!isPlainObject(step)) return fail(`earlyCareerRamp[${i}] must be a step { fromMonth, share }`);
    wholeAtLeast(step.fromMonth, 0, `earlyCareerRamp[${i}].fromMonth`);
    const share = step.share;
    if (typeof share !== 'number' || !(share > 0 && share <= 1)) fail(`earlyCareerRamp[${i}].share must be above 0 and at most 1`);
  });
  if (typeof p.prorateThresholdByFte !== 'boolean') fail('prorateThresholdByFte must be true or false');
  positive(p.nationalAverageCaseload, 'nationalAverageCaseload');
  for (const role of ROLES) {
    const level = p.signsOfSafetyRequired[role];
    if (level !== null && !(SIGNS_OF_SAFETY_LEVELS as readonly unknown[]).includes(level)) {
      fail(`signsOfSafetyRequired.${role} must be one of ${SIGNS_OF_SAFETY_LEVELS.join(', ')} or null`);
    }
  }
  for (const [role, codes] of Object.entries(p.coreSkillsRequired)) {
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string' && c.length > 0)) fail(`coreSkillsRequired.${role} must be a list of course codes`);
  }
  wholeAtLeast(p.cpd.minimumEntries, 0, 'cpd.minimumEntries');
  wholeAtLeast(p.cpd.minimumPeerReflected, 0, 'cpd.minimumPeerReflected');
  const month = p.cpd.renewalWindowStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 11) fail('cpd.renewalWindowStartMonth must be a month from 1 to 11');
  positive(p.retentionYearsAfterLeaving, 'retentionYearsAfterLeaving');
}
