import { KSS_FRAMEWORKS, kssAreaTitle, kssFrameworkFor } from '../../../bot/src/domain/kss';
import { ROLES, type Role } from '../../../bot/src/domain/model';

const byId = (id: string) => KSS_FRAMEWORKS.find((f) => f.id === id);

describe('KSS frameworks', () => {
  it.each([
    ['cfp-2014', 'Child and family practitioner', 10],
    ['ps-2018', 'Practice supervisor', 8],
    ['pl-2018', 'Practice leader', 6],
  ])('%s (%s) has %d areas', (id, title, areas) => {
    const f = byId(id);
    expect(f).toBeDefined();
    expect(f!.title).toBe(title);
    expect(f!.areas).toHaveLength(areas);
    expect(f!.areas.map((a) => a.id)).toEqual(Array.from({ length: areas }, (_, i) => `${id.split('-')[0]}-${i + 1}`));
  });

  it('area ids are unique across every framework', () => {
    const ids = KSS_FRAMEWORKS.flatMap((f) => f.areas.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the child and family practitioner areas follow the domain guide, in order', () => {
    const keywords = [
      /relationships.*direct work/i,
      /communication/i,
      /child development/i,
      /adult mental ill health.*substance misuse.*domestic abuse.*disability/i,
      /abuse and neglect/i,
      /assessment/i,
      /analysis, decision-making, planning and review/i,
      /law and the family and youth justice systems/i,
      /role of supervision/i,
      /organisational context/i,
    ];
    byId('cfp-2014')!.areas.forEach((a, i) => expect(a.title).toMatch(keywords[i]!));
  });
});

describe('kssFrameworkFor', () => {
  const expected: Record<Role, string | undefined> = {
    asye: 'cfp-2014',
    ecdp: 'cfp-2014',
    social_worker: 'cfp-2014',
    senior_practitioner: 'cfp-2014',
    advanced_practitioner: 'ps-2018',
    family_practitioner: undefined,
    team_manager: 'ps-2018',
    practice_manager: 'ps-2018',
    group_manager: 'pl-2018',
    service_manager: 'pl-2018',
    principal_social_worker: 'pl-2018',
    business_support: undefined,
  };

  it.each(ROLES.map((r) => [r, expected[r]] as const))('%s -> %p', (role, id) => {
    expect(kssFrameworkFor(role, '2026-02-03')?.id).toBe(id);
  });

  it('is undefined before a framework came into force', () => {
    expect(kssFrameworkFor('social_worker', '2014-10-31')).toBeUndefined();
    expect(kssFrameworkFor('social_worker', '2014-11-01')?.id).toBe('cfp-2014');
    expect(kssFrameworkFor('team_manager', '2017-12-31')).toBeUndefined();
    expect(kssFrameworkFor('team_manager', '2018-01-01')?.id).toBe('ps-2018');
  });
});

describe('kssAreaTitle', () => {
  it.each([
    ['cfp-9', 'The role of supervision'],
    ['cfp-1', 'Relationships and effective direct work'],
    ['ps-7', 'Emotionally intelligent practice supervision'],
    ['pl-6', 'Quality assurance and improvement'],
  ])('%s -> %s', (id, title) => {
    expect(kssAreaTitle(id)).toBe(title);
  });

  it.each(['cfp-11', 'ps-9', 'pl-7', '', 'CFP-1'])('is undefined for %p', (id) => {
    expect(kssAreaTitle(id)).toBeUndefined();
  });
});
