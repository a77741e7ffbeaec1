import {
  CASE_HOLDING_ROLES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  EARLY_CAREER_ROLES,
  isRole,
  MANAGER_ROLES,
  REGISTERED_ROLES,
  ROLE_LABELS,
  ROLES,
} from '../../../bot/src/domain/model';

describe('roles', () => {
  it('lists the twelve roles of the domain guide once each', () => {
    expect([...ROLES].sort()).toEqual(
      [
        'asye',
        'ecdp',
        'social_worker',
        'senior_practitioner',
        'advanced_practitioner',
        'family_practitioner',
        'team_manager',
        'practice_manager',
        'group_manager',
        'service_manager',
        'principal_social_worker',
        'business_support',
      ].sort(),
    );
  });

  it('labels every role', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/\S/);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });

  it.each([...ROLES])('isRole(%s) is true', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each(['', 'Social_Worker', 'psw', 'admin', null, undefined, 1, {}])('isRole(%p) is false', (value) => {
    expect(isRole(value)).toBe(false);
  });

  it('early career: asye and ecdp', () => {
    expect([...EARLY_CAREER_ROLES].sort()).toEqual(['asye', 'ecdp']);
  });

  it('managers', () => {
    expect([...MANAGER_ROLES].sort()).toEqual(['group_manager', 'practice_manager', 'service_manager', 'team_manager']);
  });

  it('registered roles are every role except family practitioner and business support', () => {
    expect([...REGISTERED_ROLES].sort()).toEqual(ROLES.filter((r) => r !== 'family_practitioner' && r !== 'business_support').sort());
  });

  it('case holders are the practitioner roles, not managers, the PSW or business support', () => {
    expect([...CASE_HOLDING_ROLES].sort()).toEqual(
      ['asye', 'ecdp', 'social_worker', 'senior_practitioner', 'advanced_practitioner', 'family_practitioner'].sort(),
    );
  });
});

describe('case types', () => {
  it('are CIN, CP, CLA, care leaver, pre-proceedings/court and early help, each labelled', () => {
    expect([...CASE_TYPES]).toEqual(['cin', 'cp', 'cla', 'care_leaver', 'pre_proceedings', 'early_help']);
    for (const t of CASE_TYPES) expect(CASE_TYPE_LABELS[t]).toMatch(/\S/);
  });
});
