import { CASE_TYPES, ROLES } from '../../../bot/src/domain/model';
import { DEFAULT_CORE_SKILLS, DEFAULT_POLICY, PolicyError, resolvePolicy, type PolicyOverrides, type TenantPolicy } from '../../../bot/src/domain/policy';
import { trainingStanding } from '../../../bot/src/domain/training';
import { staff } from './fixtures';

/** Lets a test store a value the type system would refuse, as a tenant's stored JSON could. */
const raw = (o: unknown) => o as PolicyOverrides;

function policyErrorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('resolvePolicy defaults (shared/domain.md)', () => {
  const p = resolvePolicy();

  it('with no overrides equals DEFAULT_POLICY', () => {
    expect(p).toEqual(DEFAULT_POLICY);
    expect(resolvePolicy({})).toEqual(DEFAULT_POLICY);
  });

  it('supervises every role monthly except business support', () => {
    for (const role of ROLES) {
      expect(p.supervisionInterval[role]).toEqual(role === 'business_support' ? null : { unit: 'month', count: 1 });
    }
  });

  it('early career: weekly for 6 weeks, fortnightly to 6 months, then monthly', () => {
    expect(p.earlyCareer).toEqual({ weeklyForWeeks: 6, fortnightlyForMonths: 6, then: { unit: 'month', count: 1 } });
  });

  it('a formal session should last at least 1.5 hours', () => {
    expect(p.minimumSessionMinutes).toBe(90);
  });

  it('caseload thresholds: social worker 18, family practitioner 12; ramp 25/50/70/90% from 0/3/6/9 months', () => {
    expect(p.caseloadThreshold.social_worker).toBe(18);
    expect(p.caseloadThreshold.family_practitioner).toBe(12);
    expect(p.caseloadThreshold.team_manager).toBeUndefined();
    expect(p.earlyCareerRamp).toEqual([
      { fromMonth: 0, share: 0.25 },
      { fromMonth: 3, share: 0.5 },
      { fromMonth: 6, share: 0.7 },
      { fromMonth: 9, share: 0.9 },
    ]);
    expect(p.nationalAverageCaseload).toBe(15.4);
    expect(p.prorateThresholdByFte).toBe(true);
    for (const t of CASE_TYPES) expect(p.caseWeights[t]).toBe(1);
  });

  it('CPD: 2 pieces, 1 peer-reflected, renewal window from September', () => {
    expect(p.cpd).toEqual({ minimumEntries: 2, minimumPeerReflected: 1, renewalWindowStartMonth: 9 });
  });

  it('keeps leavers for 6 years', () => {
    expect(p.retentionYearsAfterLeaving).toBe(6);
  });

  it('practitioners need the six default core skills; business support needs no Signs of Safety', () => {
    expect(p.coreSkillsRequired.social_worker).toEqual([...DEFAULT_CORE_SKILLS]);
    expect(p.coreSkillsRequired.family_practitioner).toBeUndefined();
    expect(p.signsOfSafetyRequired.business_support).toBeNull();
  });
});

describe('resolvePolicy overrides (merged per section)', () => {
  it('merges a role into supervisionInterval and keeps the others', () => {
    const p = resolvePolicy({ supervisionInterval: { social_worker: { unit: 'week', count: 4 } } });
    expect(p.supervisionInterval.social_worker).toEqual({ unit: 'week', count: 4 });
    expect(p.supervisionInterval.team_manager).toEqual({ unit: 'month', count: 1 });
    expect(p.supervisionInterval.business_support).toBeNull();
  });

  it('can stop supervising a role (null)', () => {
    expect(resolvePolicy({ supervisionInterval: { family_practitioner: null } }).supervisionInterval.family_practitioner).toBeNull();
  });

  it('merges earlyCareer, cpd, caseloadThreshold and caseWeights key by key', () => {
    const p = resolvePolicy({
      earlyCareer: { weeklyForWeeks: 8 },
      cpd: { minimumEntries: 3 },
      caseloadThreshold: { social_worker: 20 },
      caseWeights: { cp: 1.5 },
    });
    expect(p.earlyCareer).toEqual({ weeklyForWeeks: 8, fortnightlyForMonths: 6, then: { unit: 'month', count: 1 } });
    expect(p.cpd).toEqual({ minimumEntries: 3, minimumPeerReflected: 1, renewalWindowStartMonth: 9 });
    expect(p.caseloadThreshold).toMatchObject({ social_worker: 20, family_practitioner: 12, advanced_practitioner: 12 });
    expect(p.caseWeights).toEqual({ cin: 1, cp: 1.5, cla: 1, care_leaver: 1, pre_proceedings: 1, early_help: 1 });
  });

  it('replaces an array section (the ramp) whole', () => {
    const ramp = [{ fromMonth: 0, share: 0.5 }, { fromMonth: 6, share: 1 }];
    expect(resolvePolicy({ earlyCareerRamp: ramp }).earlyCareerRamp).toEqual(ramp);
  });

  it('replaces scalars', () => {
    const p = resolvePolicy({ dueSoonDays: 5, minimumSessionMinutes: 60, prorateThresholdByFte: false, retentionYearsAfterLeaving: 7 });
    expect(p).toMatchObject({ dueSoonDays: 5, minimumSessionMinutes: 60, prorateThresholdByFte: false, retentionYearsAfterLeaving: 7 });
  });

  it('leaves DEFAULT_POLICY untouched', () => {
    const before = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as TenantPolicy;
    resolvePolicy({ supervisionInterval: { social_worker: { unit: 'week', count: 4 } }, cpd: { minimumEntries: 5 }, caseloadThreshold: { social_worker: 25 } });
    expect(DEFAULT_POLICY).toEqual(before);
  });

  it("one tenant's resolved policy shares no mutable state with the defaults or another tenant's", () => {
    const a = resolvePolicy();
    a.caseloadThreshold.social_worker = 5;
    a.supervisionInterval.social_worker = { unit: 'week', count: 1 };
    a.coreSkillsRequired.social_worker?.push('CS-EXTRA');
    const b = resolvePolicy();
    expect(b.caseloadThreshold.social_worker).toBe(18);
    expect(b.supervisionInterval.social_worker).toEqual({ unit: 'month', count: 1 });
    expect(b.coreSkillsRequired.social_worker).toEqual([...DEFAULT_CORE_SKILLS]);
  });

  it.each([
    [{ dueSoonDays: 0 }],
    [{ caseWeights: { early_help: 0 } }],
    [{ earlyCareerRamp: [{ fromMonth: 0, share: 1 }] }],
    [{ cpd: { renewalWindowStartMonth: 1 } }],
    [{ cpd: { renewalWindowStartMonth: 11 } }],
    [{ supervisionInterval: { social_worker: { unit: 'week' as const, count: 2 } } }],
  ])('accepts the edge value %j', (overrides) => {
    expect(() => resolvePolicy(overrides)).not.toThrow();
  });
});

describe('resolvePolicy rejects bad settings with PolicyError', () => {
  it.each<[string, unknown, RegExp]>([
    ['unknown top-level key', { supervisonInterval: {} }, /supervisonInterval/],
    ['unknown top-level key', { maxCaseload: 20 }, /maxCaseload/],
    ['interval unit', { supervisionInterval: { social_worker: { unit: 'day', count: 1 } } }, /supervisionInterval\.social_worker\.unit/],
    ['interval count 0', { supervisionInterval: { social_worker: { unit: 'month', count: 0 } } }, /supervisionInterval\.social_worker\.count/],
    ['interval count negative', { supervisionInterval: { team_manager: { unit: 'week', count: -2 } } }, /supervisionInterval\.team_manager\.count/],
    ['interval count NaN', { supervisionInterval: { social_worker: { unit: 'week', count: Number.NaN } } }, /supervisionInterval\.social_worker\.count/],
    ['interval count string', { supervisionInterval: { social_worker: { unit: 'week', count: '2' } } }, /supervisionInterval\.social_worker\.count/],
    ['interval missing', { supervisionInterval: { asye: undefined } }, /supervisionInterval\.asye/],
    ['weeklyForWeeks 0', { earlyCareer: { weeklyForWeeks: 0 } }, /earlyCareer\.weeklyForWeeks/],
    ['fortnightlyForMonths negative', { earlyCareer: { fortnightlyForMonths: -1 } }, /earlyCareer\.fortnightlyForMonths/],
    ['minimumSessionMinutes 0', { minimumSessionMinutes: 0 }, /minimumSessionMinutes/],
    ['minimumSessionMinutes Infinity', { minimumSessionMinutes: Number.POSITIVE_INFINITY }, /minimumSessionMinutes/],
    ['dueSoonDays negative', { dueSoonDays: -1 }, /dueSoonDays/],
    ['dueSoonDays fractional', { dueSoonDays: 1.5 }, /dueSoonDays/],
    ['caseload threshold 0', { caseloadThreshold: { social_worker: 0 } }, /caseloadThreshold\.social_worker/],
    ['caseload threshold string', { caseloadThreshold: { family_practitioner: '12' } }, /caseloadThreshold\.family_practitioner/],
    ['case weight negative', { caseWeights: { cp: -1 } }, /caseWeights\.cp/],
    ['case weight string', { caseWeights: { cla: 'x' } }, /caseWeights\.cla/],
    ['ramp share 0', { earlyCareerRamp: [{ fromMonth: 0, share: 0 }] }, /earlyCareerRamp\[0\]\.share/],
    ['ramp share over 1', { earlyCareerRamp: [{ fromMonth: 0, share: 0.5 }, { fromMonth: 6, share: 1.2 }] }, /earlyCareerRamp\[1\]\.share/],
    ['retention 0', { retentionYearsAfterLeaving: 0 }, /retentionYearsAfterLeaving/],
    ['renewal month 0', { cpd: { renewalWindowStartMonth: 0 } }, /cpd\.renewalWindowStartMonth/],
    ['renewal month 12 (December starts a new year)', { cpd: { renewalWindowStartMonth: 12 } }, /cpd\.renewalWindowStartMonth/],
    ['renewal month fractional', { cpd: { renewalWindowStartMonth: 9.5 } }, /cpd\.renewalWindowStartMonth/],
  ])('%s: %j', (_what, overrides, message) => {
    const error = policyErrorOf(() => resolvePolicy(raw(overrides)));
    expect(error).toBeInstanceOf(PolicyError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
  });
});

/**
 * Settings that reach resolvePolicy from a tenant's stored JSON but are not (or not fully) checked today.
 * Each should be refused with a PolicyError naming the setting, not accepted or crash with a TypeError.
 */
describe('resolvePolicy validation gaps (expected PolicyError)', () => {
  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf'])('rejects the inherited name %s as an unknown setting', (key) => {
    expect(() => resolvePolicy(raw({ [key]: 1 }))).toThrow(PolicyError);
  });

  it('rejects "__proto__" from parsed JSON as an unknown setting', () => {
    expect(() => resolvePolicy(raw(JSON.parse('{"__proto__": {"dueSoonDays": 3}}')))).toThrow(PolicyError);
  });

  it.each<[string, unknown]>([
    ['a misspelt role in supervisionInterval', { supervisionInterval: { social_workr: { unit: 'week', count: 4 } } }],
    ['an unknown role in caseloadThreshold', { caseloadThreshold: { socialworker: 20 } }],
    ['an unknown case type in caseWeights', { caseWeights: { child_protection: 2 } }],
    ['an unknown key in cpd', { cpd: { minimumEntry: 3 } }],
  ])('rejects %s', (_what, overrides) => {
    expect(() => resolvePolicy(raw(overrides))).toThrow(PolicyError);
  });

  it.each(['supervisionInterval', 'earlyCareer', 'cpd', 'caseWeights', 'earlyCareerRamp', 'signsOfSafetyRequired', 'coreSkillsRequired', 'caseloadThreshold'])(
    'rejects %s: null with a PolicyError, not a TypeError',
    (key) => {
      expect(policyErrorOf(() => resolvePolicy(raw({ [key]: null })))).toBeInstanceOf(PolicyError);
    },
  );

  it('rejects earlyCareerRamp that is not an array, or holds a non-object step', () => {
    expect(policyErrorOf(() => resolvePolicy(raw({ earlyCareerRamp: 'quarterly' })))).toBeInstanceOf(PolicyError);
    expect(policyErrorOf(() => resolvePolicy(raw({ earlyCareerRamp: [null] })))).toBeInstanceOf(PolicyError);
  });

  it.each<[string, unknown]>([
    ['earlyCareer.then with an unknown unit', { earlyCareer: { then: { unit: 'day', count: 1 } } }],
    ['earlyCareer.then with count 0', { earlyCareer: { then: { unit: 'month', count: 0 } } }],
    ['earlyCareer.then null', { earlyCareer: { then: null } }],
  ])('rejects %s', (_what, overrides) => {
    expect(() => resolvePolicy(raw(overrides))).toThrow(PolicyError);
  });

  it.each<[string, unknown]>([
    ['a ramp share of NaN', { earlyCareerRamp: [{ fromMonth: 0, share: Number.NaN }] }],
    ['a ramp share missing', { earlyCareerRamp: [{ fromMonth: 0 }] }],
    ['a ramp share given as a string', { earlyCareerRamp: [{ fromMonth: 0, share: '0.5' }] }],
    ['a ramp fromMonth missing', { earlyCareerRamp: [{ share: 0.5 }] }],
    ['a case weight of NaN', { caseWeights: { cp: Number.NaN } }],
  ])('rejects %s', (_what, overrides) => {
    expect(() => resolvePolicy(raw(overrides))).toThrow(PolicyError);
  });

  it.each<[string, unknown]>([
    ['an unknown Signs of Safety level', { signsOfSafetyRequired: { social_worker: 'intro' } }],
    ['core skills as a string, not a list', { coreSkillsRequired: { social_worker: 'CS-ASSESS' } }],
    ['cpd.minimumEntries as a string', { cpd: { minimumEntries: '2' } }],
    ['cpd.minimumPeerReflected negative', { cpd: { minimumPeerReflected: -1 } }],
    ['prorateThresholdByFte not a boolean', { prorateThresholdByFte: 'no' }],
    ['nationalAverageCaseload not a number', { nationalAverageCaseload: 'fifteen' }],
  ])('rejects %s', (_what, overrides) => {
    expect(() => resolvePolicy(raw(overrides))).toThrow(PolicyError);
  });

  it('a core skills list that is not an array must not get as far as crashing trainingStanding', () => {
    const overrides = raw({ coreSkillsRequired: { social_worker: 'CS-ASSESS' } });
    let policy: TenantPolicy | undefined;
    try {
      policy = resolvePolicy(overrides);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
      return;
    }
    expect(() => trainingStanding(staff(), [], new Map(), '2026-02-03', policy!)).not.toThrow();
  });
});
