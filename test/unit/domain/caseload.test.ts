import fc from 'fast-check';
import {
  caseloadStanding,
  caseloadThreshold,
  emptyCounts,
  totalCases,
  weightedCases,
} from '../../../bot/src/domain/caseload';
import { CASE_TYPES, ROLES, type CaseCounts, type Role } from '../../../bot/src/domain/model';
import { DEFAULT_POLICY, resolvePolicy } from '../../../bot/src/domain/policy';
import { localDate2020to2030, PROPERTY_RUNS, refPlusDays, refPlusMonths, staff } from './fixtures';

const policy = DEFAULT_POLICY;
const counts = (c: Partial<CaseCounts>): CaseCounts => ({ ...emptyCounts(), ...c });

describe('caseloadThreshold per role (defaults, full time)', () => {
  const expected: Record<Role, number | undefined> = {
    asye: 16, // 90% of 18 after 9 months, rounded down
    ecdp: 16,
    social_worker: 18,
    senior_practitioner: 18,
    advanced_practitioner: 12,
    family_practitioner: 12,
    team_manager: undefined,
    practice_manager: undefined,
    group_manager: undefined,
    service_manager: undefined,
    principal_social_worker: undefined,
    business_support: undefined,
  };

  it.each(ROLES.map((r) => [r, expected[r]] as const))('%s -> %p', (role, threshold) => {
    const person = staff({ role, startDate: '2023-09-04', programmeStart: '2023-09-04' });
    expect(caseloadThreshold(person, '2026-02-03', policy)).toBe(threshold);
  });

  it('takes a tenant override and leaves other roles at the default', () => {
    const p = resolvePolicy({ caseloadThreshold: { social_worker: 20 } });
    expect(caseloadThreshold(staff({ role: 'social_worker' }), '2026-02-03', p)).toBe(20);
    expect(caseloadThreshold(staff({ role: 'family_practitioner' }), '2026-02-03', p)).toBe(12);
  });
});

describe('early-career ramp (25/50/70/90% of the social worker threshold from 0/3/6/9 months, rounded down)', () => {
  const asye = staff({ role: 'asye', startDate: '2025-08-18', programme: 'asye', programmeStart: '2025-09-01' });

  it.each([
    ['2025-09-01', 4, '0 months: 25% of 18 = 4.5 -> 4'],
    ['2025-11-30', 4, '2 months 29 days: still 25%'],
    ['2025-12-01', 9, 'exactly 3 months: 50% of 18 = 9'],
    ['2026-02-28', 9, 'still under 6 months'],
    ['2026-03-01', 12, 'exactly 6 months: 70% of 18 = 12.6 -> 12'],
    ['2026-05-31', 12, 'still under 9 months'],
    ['2026-06-01', 16, 'exactly 9 months: 90% of 18 = 16.2 -> 16'],
    ['2026-09-01', 16, '12 months: stays at 90%'],
    ['2027-09-01', 16, '24 months: stays at 90%'],
  ])('on %s -> %d (%s)', (on, threshold) => {
    expect(caseloadThreshold(asye, on, policy)).toBe(threshold);
  });

  it('applies to ECDP', () => {
    const ecdp = staff({ role: 'ecdp', programme: 'ecdp', programmeStart: '2027-09-06' });
    expect(caseloadThreshold(ecdp, '2027-09-06', policy)).toBe(4);
    expect(caseloadThreshold(ecdp, '2027-12-06', policy)).toBe(9);
    expect(caseloadThreshold(ecdp, '2028-03-06', policy)).toBe(12);
    expect(caseloadThreshold(ecdp, '2028-06-06', policy)).toBe(16);
  });

  it('ramps from the social worker threshold, not the early-career role threshold', () => {
    const p = resolvePolicy({ caseloadThreshold: { social_worker: 20, asye: 10 } });
    expect(caseloadThreshold(asye, '2026-06-01', p)).toBe(18); // 90% of 20
    expect(caseloadThreshold(asye, '2025-09-01', p)).toBe(5); // 25% of 20
  });

  it('uses the employment start date when no programme start is recorded', () => {
    const noProgrammeStart = staff({ role: 'asye', startDate: '2025-09-01' });
    expect(caseloadThreshold(noProgrammeStart, '2025-11-30', policy)).toBe(4);
    expect(caseloadThreshold(noProgrammeStart, '2025-12-01', policy)).toBe(9);
  });

  it('a social worker with a completed programme recorded is not ramped', () => {
    const sw = staff({ role: 'social_worker', programme: 'asye', programmeStart: '2026-01-05' });
    expect(caseloadThreshold(sw, '2026-02-03', policy)).toBe(18);
  });

  it('follows a tenant ramp given out of order', () => {
    const p = resolvePolicy({ earlyCareerRamp: [{ fromMonth: 6, share: 1 }, { fromMonth: 0, share: 0.5 }] });
    expect(caseloadThreshold(asye, '2026-02-28', p)).toBe(9);
    expect(caseloadThreshold(asye, '2026-03-01', p)).toBe(18);
  });

  it('never exceeds 90% of the social worker threshold and never goes down as months pass (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 60 }), (start, d1, gap) => {
        const person = staff({ role: 'asye', programme: 'asye', programmeStart: start });
        const earlier = caseloadThreshold(person, refPlusDays(start, d1), policy)!;
        const later = caseloadThreshold(person, refPlusDays(start, d1 + gap), policy)!;
        expect([4, 9, 12, 16]).toContain(earlier);
        expect(later).toBeGreaterThanOrEqual(earlier);
        expect(later).toBeLessThanOrEqual(16);
      }),
      PROPERTY_RUNS,
    );
  });

  it('steps exactly on the 3-, 6- and 9-month anniversaries (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, (start) => {
        const person = staff({ role: 'asye', programme: 'asye', programmeStart: start });
        for (const [months, before, at] of [[3, 4, 9], [6, 9, 12], [9, 12, 16]] as const) {
          const anniversary = refPlusMonths(start, months);
          expect(caseloadThreshold(person, refPlusDays(anniversary, -1), policy)).toBe(before);
          expect(caseloadThreshold(person, anniversary, policy)).toBe(at);
        }
      }),
      { ...PROPERTY_RUNS, numRuns: 300 },
    );
  });
});

describe('FTE proration', () => {
  it.each<[Role, number, number]>([
    ['social_worker', 1, 18],
    ['social_worker', 0.5, 9],
    ['social_worker', 0.8, 14], // 14.4
    ['social_worker', 0.6, 10], // 10.8
    ['social_worker', 0.7, 12], // 12.6
    ['family_practitioner', 0.5, 6],
    ['advanced_practitioner', 0.6, 7], // 7.2
    ['senior_practitioner', 0.9, 16], // 16.2
  ])('%s at %s FTE -> %d', (role, fte, threshold) => {
    expect(caseloadThreshold(staff({ role, fte }), '2026-02-03', policy)).toBe(threshold);
  });

  it('prorates an early-career threshold after the ramp', () => {
    const asye = staff({ role: 'asye', programme: 'asye', programmeStart: '2025-01-06', fte: 0.5 });
    expect(caseloadThreshold(asye, '2026-02-03', policy)).toBe(8); // 18 × 0.9 × 0.5 = 8.1
    expect(caseloadThreshold({ ...asye, programmeStart: '2026-01-05' }, '2026-02-03', policy)).toBe(2); // 18 × 0.25 × 0.5 = 2.25
  });

  it('does not round a product just below a whole number down a child (100 × 0.29 = 28.999…)', () => {
    const p = resolvePolicy({ caseloadThreshold: { social_worker: 100 } });
    expect(caseloadThreshold(staff({ fte: 0.29 }), '2026-02-03', p)).toBe(29);
  });

  it('does not raise the threshold above full time', () => {
    expect(caseloadThreshold(staff({ fte: 1.2 }), '2026-02-03', policy)).toBe(18);
  });

  it('can be switched off', () => {
    const p = resolvePolicy({ prorateThresholdByFte: false });
    expect(caseloadThreshold(staff({ fte: 0.5 }), '2026-02-03', p)).toBe(18);
  });

  it('is a whole number no more than threshold × FTE and less than one child below it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (hundredths) => {
        const fte = hundredths / 100;
        const t = caseloadThreshold(staff({ fte }), '2026-02-03', policy)!;
        expect(Number.isInteger(t)).toBe(true);
        expect(t).toBeLessThanOrEqual(18 * fte + 1e-6);
        expect(t).toBeGreaterThan(18 * fte - 1 - 1e-6);
      }),
      { ...PROPERTY_RUNS, numRuns: 100 },
    );
  });
});

describe('totalCases / weightedCases', () => {
  it('totals every case type', () => {
    expect(totalCases(counts({ cin: 5, cp: 4, cla: 3, care_leaver: 2, pre_proceedings: 1, early_help: 2 }))).toBe(17);
    expect(totalCases(emptyCounts())).toBe(0);
  });

  it('treats a missing type as zero', () => {
    expect(totalCases({ cin: 3, cp: 2 } as CaseCounts)).toBe(5);
    expect(weightedCases({ cin: 3, cp: 2 } as CaseCounts, policy)).toBe(5);
  });

  it('weights default to 1, so weighted equals total', () => {
    const c = counts({ cin: 5, cp: 4, cla: 3, care_leaver: 2, pre_proceedings: 1, early_help: 2 });
    expect(weightedCases(c, policy)).toBe(17);
  });

  it('applies per-type weights and rounds to one decimal place', () => {
    const p = resolvePolicy({ caseWeights: { cp: 1.5, pre_proceedings: 2, early_help: 0.5 } });
    expect(weightedCases(counts({ cin: 4, cp: 4, pre_proceedings: 1, early_help: 3 }), p)).toBe(13.5); // 4 + 6 + 2 + 1.5
    const thirds = resolvePolicy({ caseWeights: { cla: 1 / 3 } });
    expect(weightedCases(counts({ cla: 1 }), thirds)).toBe(0.3);
    expect(weightedCases(counts({ cla: 2 }), thirds)).toBe(0.7);
  });

  it('a weight of 0 leaves a type out', () => {
    const p = resolvePolicy({ caseWeights: { early_help: 0 } });
    expect(weightedCases(counts({ cin: 3, early_help: 10 }), p)).toBe(3);
    expect(totalCases(counts({ cin: 3, early_help: 10 }))).toBe(13);
  });
});

describe('caseloadStanding bands (over the threshold: over; at 90% or more: near)', () => {
  it.each([
    [0, 'within'],
    [15, 'within'],
    [16, 'within'], // 16 < 16.2
    [17, 'near'],
    [18, 'near'], // at the threshold is not over
    [19, 'over'],
    [30, 'over'],
  ])('%d children against 18 -> %s', (n, band) => {
    expect(caseloadStanding(counts({ cin: n }), 18, policy)).toEqual({ total: n, weighted: n, threshold: 18, band });
  });

  it.each([
    [10, 9, 'near'],
    [10, 8, 'within'],
    [10, 11, 'over'],
    [12, 11, 'near'], // 10.8
    [12, 10, 'within'],
    [4, 4, 'near'],
    [4, 3, 'within'], // 3.6
  ])('threshold %d with %d children -> %s', (threshold, n, band) => {
    expect(caseloadStanding(counts({ cp: n }), threshold, policy).band).toBe(band);
  });

  it('bands on the weighted figure', () => {
    const p = resolvePolicy({ caseWeights: { cp: 1.5, pre_proceedings: 2 } });
    const c = counts({ cin: 4, cp: 5, pre_proceedings: 3 }); // total 12, weighted 4 + 7.5 + 6 = 17.5
    expect(caseloadStanding(c, 18, p)).toEqual({ total: 12, weighted: 17.5, threshold: 18, band: 'near' });
    expect(caseloadStanding(counts({ cin: 4, cp: 6, pre_proceedings: 3 }), 18, p)).toEqual({ total: 13, weighted: 19, threshold: 18, band: 'over' });
    expect(caseloadStanding(counts({ cin: 6, cp: 2, pre_proceedings: 3 }), 18, p).band).toBe('within'); // 6 + 3 + 6 = 15
  });

  it('a weighted load of exactly 90% is near even when 90% of the threshold is not exact in floating point (13 × 0.9 = 11.7)', () => {
    const tenths = resolvePolicy({ caseWeights: { cp: 1.1 } });
    const c3 = counts({ cp: 7, cin: 4 }); // 7.7 + 4 = 11.7, exactly 90% of 13
    expect(weightedCases(c3, tenths)).toBe(11.7);
    expect(caseloadStanding(c3, 13, tenths).band).toBe('near');
    expect(caseloadStanding(counts({ cp: 7, cin: 3 }), 13, tenths).band).toBe('within'); // 10.7
  });

  it('has no band without a threshold', () => {
    expect(caseloadStanding(counts({ cin: 40 }), undefined, policy)).toEqual({ total: 40, weighted: 40 });
  });

  it('band matches the rule for any counts and integer threshold (property)', () => {
    const countsArb = fc.record(Object.fromEntries(CASE_TYPES.map((t) => [t, fc.integer({ min: 0, max: 12 })])) as Record<keyof CaseCounts, fc.Arbitrary<number>>);
    fc.assert(
      fc.property(countsArb, fc.integer({ min: 1, max: 30 }), (c, threshold) => {
        const s = caseloadStanding(c, threshold, policy);
        const n = Object.values(c).reduce((a, b) => a + b, 0);
        expect(s.total).toBe(n);
        expect(s.weighted).toBe(n);
        // integers only: n >= 0.9t  <=>  10n >= 9t, exact in integer arithmetic
        expect(s.band).toBe(n > threshold ? 'over' : 10 * n >= 9 * threshold ? 'near' : 'within');
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('emptyCounts', () => {
  it('has every case type at zero', () => {
    const c = emptyCounts();
    expect(Object.keys(c).sort()).toEqual([...CASE_TYPES].sort());
    expect(Object.values(c).every((v) => v === 0)).toBe(true);
  });

  it('returns a fresh object each time', () => {
    const a = emptyCounts();
    a.cin = 5;
    expect(emptyCounts().cin).toBe(0);
  });
});
