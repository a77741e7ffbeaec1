import fc from 'fast-check';
import { KSS_FRAMEWORKS } from '../../../bot/src/domain/kss';
import { ROLES, SIGNS_OF_SAFETY_LEVELS, type Role, type SignsOfSafetyLevel, type TrainingRecord } from '../../../bot/src/domain/model';
import { DEFAULT_CORE_SKILLS, DEFAULT_POLICY, resolvePolicy } from '../../../bot/src/domain/policy';
import { DEFAULT_CATALOGUE, trainingStanding } from '../../../bot/src/domain/training';
import { catalogueOf, PROPERTY_RUNS, refPlusDays, refPlusMonths, staff, training } from './fixtures';

const policy = DEFAULT_POLICY;
const catalogue = catalogueOf(DEFAULT_CATALOGUE);
const today = '2026-02-03';
const sw = staff({ role: 'social_worker' });

const SOS_COURSE: Record<SignsOfSafetyLevel, string> = {
  intro_2day: 'SOS-INTRO',
  manager_overview: 'SOS-MGR',
  advanced: 'SOS-ADV',
  practice_lead: 'SOS-LEAD',
  trainer_licensed: 'SOS-TRAINER',
};

const standing = (records: TrainingRecord[], role: Role = 'social_worker', on = today, p = policy) =>
  trainingStanding(staff({ role }), records, catalogue, on, p);

describe('DEFAULT_CATALOGUE', () => {
  it('has unique course codes', () => {
    const codes = DEFAULT_CATALOGUE.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has one Signs of Safety course per level', () => {
    const levels = DEFAULT_CATALOGUE.filter((c) => c.category === 'signs_of_safety').map((c) => c.level);
    expect(levels.sort()).toEqual([...SIGNS_OF_SAFETY_LEVELS].sort());
    for (const [level, code] of Object.entries(SOS_COURSE)) expect(catalogue.get(code)?.level).toBe(level);
  });

  it('has every default core skills course', () => {
    for (const code of DEFAULT_CORE_SKILLS) expect(catalogue.get(code)?.category).toBe('core_skills');
  });

  it('has a KSS course for every area of every framework', () => {
    const areas = KSS_FRAMEWORKS.flatMap((f) => f.areas.map((a) => a.id));
    const kss = DEFAULT_CATALOGUE.filter((c) => c.category === 'kss').map((c) => c.level);
    expect(kss.sort()).toEqual([...areas].sort());
    expect(areas).toHaveLength(24);
    expect(catalogue.get('KSS-CFP-9')?.level).toBe('cfp-9');
  });
});

describe('Signs of Safety', () => {
  const required: Record<Role, SignsOfSafetyLevel | null> = {
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
  };

  it.each(ROLES.map((r) => [r, required[r]] as const))('%s requires %p', (role, level) => {
    const s = standing([], role);
    expect(s.signsOfSafety.required).toBe(level);
    expect(s.signsOfSafety.held).toBeUndefined();
    expect(s.signsOfSafety.met).toBe(level === null);
  });

  it('the levels rank intro < manager overview < advanced < practice lead < licensed trainer', () => {
    expect(SIGNS_OF_SAFETY_LEVELS).toEqual(['intro_2day', 'manager_overview', 'advanced', 'practice_lead', 'trainer_licensed']);
  });

  it('holds the highest current level', () => {
    const s = standing([training('SOS-INTRO', '2022-05-10'), training('SOS-ADV', '2024-03-01'), training('SOS-MGR', '2025-01-15')]);
    expect(s.signsOfSafety.held).toBe('advanced');
    expect(standing([training('SOS-ADV', '2024-03-01'), training('SOS-INTRO', '2022-05-10')]).signsOfSafety.held).toBe('advanced');
  });

  it.each(
    SIGNS_OF_SAFETY_LEVELS.flatMap((held, hi) => SIGNS_OF_SAFETY_LEVELS.map((req, ri) => [held, req, hi >= ri] as const)),
  )('holding %s against a requirement of %s: met = %p', (held, req, met) => {
    const p = resolvePolicy({ signsOfSafetyRequired: { social_worker: req } });
    const s = standing([training(SOS_COURSE[held], '2024-03-01')], 'social_worker', today, p);
    expect(s.signsOfSafety).toEqual({ held, required: req, met });
  });

  it('a team manager with only the introduction does not meet "advanced"; with advanced does', () => {
    expect(standing([training('SOS-INTRO', '2023-01-01')], 'team_manager').signsOfSafety.met).toBe(false);
    expect(standing([training('SOS-INTRO', '2023-01-01'), training('SOS-ADV', '2024-01-01')], 'team_manager').signsOfSafety.met).toBe(true);
  });

  it('a group manager meets "manager overview" with advanced', () => {
    expect(standing([training('SOS-ADV', '2024-01-01')], 'group_manager').signsOfSafety).toEqual({ held: 'advanced', required: 'manager_overview', met: true });
    expect(standing([training('SOS-INTRO', '2024-01-01')], 'group_manager').signsOfSafety.met).toBe(false);
  });

  it.each<[TrainingRecord['status'], string, boolean]>([
    ['completed', '2025-06-01', true],
    ['attended', '2025-06-01', true],
    ['booked', '2026-03-01', false],
    ['booked', '2025-06-01', false],
    ['did_not_attend', '2025-06-01', false],
    ['completed', '2026-02-04', false], // dated after today
    ['completed', '2026-02-03', true], // today
  ])('a %s record dated %s counts: %p', (status, date, counts) => {
    const s = standing([training('SOS-INTRO', date, status)]);
    expect(s.signsOfSafety.held).toBe(counts ? 'intro_2day' : undefined);
    expect(s.signsOfSafety.met).toBe(counts);
  });

  it('a licensed trainer lapses 24 months after the course', () => {
    const trainer = [training('SOS-TRAINER', '2024-02-10'), training('SOS-INTRO', '2020-01-10')];
    expect(standing(trainer, 'social_worker', '2026-02-09').signsOfSafety.held).toBe('trainer_licensed');
    expect(standing(trainer, 'social_worker', '2026-02-10').signsOfSafety.held).toBe('intro_2day');
  });

  it('a Signs of Safety course missing from the catalogue is ignored', () => {
    expect(standing([training('SOS-UNKNOWN', '2025-01-01')]).signsOfSafety.held).toBeUndefined();
  });
});

describe('core skills', () => {
  const stateOf = (s: ReturnType<typeof standing>, code: string) => s.coreSkills.find((c) => c.code === code)?.state;

  it('lists every default core skill for practitioner roles, all missing with no records', () => {
    for (const role of ['asye', 'ecdp', 'social_worker', 'senior_practitioner', 'advanced_practitioner'] as const) {
      expect(standing([], role).coreSkills).toEqual(DEFAULT_CORE_SKILLS.map((code) => ({ code, state: 'missing' })));
    }
  });

  it.each<Role>(['family_practitioner', 'team_manager', 'group_manager', 'principal_social_worker', 'business_support'])('%s needs none by default', (role) => {
    expect(standing([], role).coreSkills).toEqual([]);
  });

  it('done: attended or completed, without renewal, however long ago', () => {
    const s = standing([training('CS-ASSESS', '2015-03-01', 'completed'), training('CS-CHRON', '2025-11-01', 'attended')]);
    expect(stateOf(s, 'CS-ASSESS')).toBe('done');
    expect(stateOf(s, 'CS-CHRON')).toBe('done');
    expect(stateOf(s, 'CS-DIRECT')).toBe('missing');
  });

  it('expired: 36 months after domestic abuse training, exactly on the anniversary', () => {
    const records = [training('CS-DA', '2023-02-03')];
    expect(stateOf(standing(records, 'social_worker', '2026-02-02'), 'CS-DA')).toBe('done');
    expect(stateOf(standing(records, 'social_worker', '2026-02-03'), 'CS-DA')).toBe('expired');
    expect(stateOf(standing(records, 'social_worker', '2027-01-01'), 'CS-DA')).toBe('expired');
  });

  it('renewal from 29 Feb runs to the end of February in a non-leap year', () => {
    const records = [training('CS-EXPLOIT', '2024-02-29')];
    expect(stateOf(standing(records, 'social_worker', '2027-02-27'), 'CS-EXPLOIT')).toBe('done');
    expect(stateOf(standing(records, 'social_worker', '2027-02-28'), 'CS-EXPLOIT')).toBe('expired');
  });

  it('a later refresher makes an expired course done again', () => {
    expect(stateOf(standing([training('CS-DA', '2021-01-10'), training('CS-DA', '2025-05-01')]), 'CS-DA')).toBe('done');
  });

  it('booked: a booking today or later', () => {
    expect(stateOf(standing([training('CS-COURT', '2026-03-10', 'booked')]), 'CS-COURT')).toBe('booked');
    expect(stateOf(standing([training('CS-COURT', today, 'booked')]), 'CS-COURT')).toBe('booked');
  });

  it('missing: a booking in the past that was never updated, or did not attend', () => {
    expect(stateOf(standing([training('CS-COURT', '2026-01-10', 'booked')]), 'CS-COURT')).toBe('missing');
    expect(stateOf(standing([training('CS-COURT', '2026-01-10', 'did_not_attend')]), 'CS-COURT')).toBe('missing');
  });

  it('an expired course with a refresher booked is not done', () => {
    const s = standing([training('CS-DA', '2021-01-10'), training('CS-DA', '2026-04-01', 'booked')]);
    expect(['expired', 'booked']).toContain(stateOf(s, 'CS-DA'));
  });

  it('only counts records for that course', () => {
    const s = standing([training('CS-ASSESS', '2025-01-01'), training('SOS-INTRO', '2025-01-01')]);
    expect(s.coreSkills.filter((c) => c.state === 'done').map((c) => c.code)).toEqual(['CS-ASSESS']);
  });

  it('follows a tenant list of required courses', () => {
    const p = resolvePolicy({ coreSkillsRequired: { family_practitioner: ['CS-DIRECT', 'CS-DA'] } });
    const s = trainingStanding(staff({ role: 'family_practitioner' }), [training('CS-DIRECT', '2025-01-01')], catalogue, today, p);
    expect(s.coreSkills).toEqual([
      { code: 'CS-DIRECT', state: 'done' },
      { code: 'CS-DA', state: 'missing' },
    ]);
  });

  it('state follows the rules for any single record (property)', () => {
    const statusArb = fc.constantFrom<TrainingRecord['status']>('booked', 'attended', 'completed', 'did_not_attend');
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 400 }), statusArb, (offset, status) => {
        const date = refPlusDays(today, offset);
        const state = stateOf(standing([training('CS-DA', date, status)]), 'CS-DA');
        const expected =
          status === 'did_not_attend'
            ? 'missing'
            : status === 'booked'
              ? offset >= 0 ? 'booked' : 'missing'
              : offset <= 0 && refPlusMonths(date, 36) > today
                ? 'done'
                : offset <= 0
                  ? 'expired'
                  : undefined; // attended in the future: nonsense data, not asserted
        if (expected) expect(state).toBe(expected);
        expect(state === 'done').toBe(expected === 'done');
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('KSS', () => {
  it('covers the child and family practitioner areas a social worker has current records for', () => {
    const s = standing([
      training('KSS-CFP-9', '2025-03-01'),
      training('KSS-CFP-1', '2025-04-01'),
      training('KSS-CFP-2', '2026-03-01', 'booked'),
      training('KSS-CFP-3', '2025-05-01', 'did_not_attend'),
      training('KSS-PS-2', '2025-06-01'), // another framework
    ]);
    expect(s.kss).toEqual({ frameworkId: 'cfp-2014', covered: ['cfp-1', 'cfp-9'], total: 10 });
  });

  it('uses the practice supervisor framework (8 areas) for a team manager', () => {
    const s = standing([training('KSS-PS-2', '2025-06-01'), training('KSS-CFP-1', '2025-06-01')], 'team_manager');
    expect(s.kss).toEqual({ frameworkId: 'ps-2018', covered: ['ps-2'], total: 8 });
  });

  it('uses the practice leader framework (6 areas) for the PSW', () => {
    const s = standing(KSS_FRAMEWORKS.find((f) => f.id === 'pl-2018')!.areas.map((a) => training(`KSS-${a.id.toUpperCase()}`, '2025-06-01')), 'principal_social_worker');
    expect(s.kss).toEqual({ frameworkId: 'pl-2018', covered: ['pl-1', 'pl-2', 'pl-3', 'pl-4', 'pl-5', 'pl-6'], total: 6 });
  });

  it.each<Role>(['family_practitioner', 'business_support'])('%s has no KSS framework', (role) => {
    expect(standing([training('KSS-CFP-1', '2025-06-01')], role).kss).toBeUndefined();
  });

  it('lists each covered area once, in framework order', () => {
    const s = standing([training('KSS-CFP-10', '2025-06-01'), training('KSS-CFP-2', '2025-06-01'), training('KSS-CFP-2', '2024-06-01')]);
    expect(s.kss?.covered).toEqual(['cfp-2', 'cfp-10']);
  });
});

describe('hoursThisYear', () => {
  it('adds hours of attended and completed courses in the 12 months up to today', () => {
    const s = standing(
      [
        training('SOS-INTRO', '2025-02-03', 'completed', 12), // exactly 12 months ago: not counted
        training('CS-ASSESS', '2025-02-04', 'completed', 6), // counted
        training('CS-CHRON', '2025-10-01', 'attended', 3), // counted
        training('CS-DIRECT', '2026-01-20', 'did_not_attend', 6),
        training('CS-COURT', '2026-03-01', 'booked', 6),
        training('LOCAL-1', '2026-02-03', 'completed', 2), // not in the catalogue, today: counted
      ],
      'social_worker',
      '2026-02-03',
    );
    expect(s.hoursThisYear).toBe(11);
  });

  it('is 0 with no records', () => {
    expect(standing([]).hoursThisYear).toBe(0);
  });
});

describe('business support', () => {
  it('owes nothing', () => {
    expect(trainingStanding(staff({ role: 'business_support' }), [], catalogue, today, policy)).toEqual({
      signsOfSafety: { held: undefined, required: null, met: true },
      coreSkills: [],
      kss: undefined,
      hoursThisYear: 0,
    });
  });
});

it('works with the fixture staff record (smoke)', () => {
  expect(trainingStanding(sw, [], catalogue, today, policy).coreSkills).toHaveLength(6);
});
