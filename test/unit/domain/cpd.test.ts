import fc from 'fast-check';
import { cpdStanding, isRegistered, registrationYear } from '../../../bot/src/domain/cpd';
import { daysBetween } from '../../../bot/src/domain/dates';
import { ROLES, type Role } from '../../../bot/src/domain/model';
import { DEFAULT_POLICY, resolvePolicy } from '../../../bot/src/domain/policy';
import { cpd, localDate2020to2030, PROPERTY_RUNS, refPlusDays, staff } from './fixtures';

const policy = DEFAULT_POLICY;
const EN_DASH = '\u2013';

describe('registrationYear (Social Work England: 1 Dec – 30 Nov)', () => {
  it.each([
    ['2025-12-01', '2025-12-01', '2026-11-30', `2025${EN_DASH}26`],
    ['2025-12-31', '2025-12-01', '2026-11-30', `2025${EN_DASH}26`],
    ['2026-01-01', '2025-12-01', '2026-11-30', `2025${EN_DASH}26`],
    ['2026-02-03', '2025-12-01', '2026-11-30', `2025${EN_DASH}26`],
    ['2026-11-30', '2025-12-01', '2026-11-30', `2025${EN_DASH}26`],
    ['2025-11-30', '2024-12-01', '2025-11-30', `2024${EN_DASH}25`],
    ['2024-02-29', '2023-12-01', '2024-11-30', `2023${EN_DASH}24`],
    ['2026-12-01', '2026-12-01', '2027-11-30', `2026${EN_DASH}27`],
    ['2009-12-25', '2009-12-01', '2010-11-30', `2009${EN_DASH}10`],
    ['1999-12-01', '1999-12-01', '2000-11-30', `1999${EN_DASH}00`],
    ['2000-06-01', '1999-12-01', '2000-11-30', `1999${EN_DASH}00`],
  ])('%s is in %s – %s, labelled %s', (date, start, end, label) => {
    expect(registrationYear(date)).toEqual({ start, end, label });
  });

  it('labels with an en dash, not a hyphen', () => {
    const { label } = registrationYear('2026-02-03');
    expect(label).toBe('2025–26');
    expect(label).not.toContain('-');
    expect(label.charCodeAt(4)).toBe(0x2013);
  });

  it('always contains the date, starts on 1 Dec and ends on 30 Nov the next year (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, (date) => {
        const y = registrationYear(date);
        expect(y.start <= date && date <= y.end).toBe(true);
        expect(y.start.slice(4)).toBe('-12-01');
        expect(y.end.slice(4)).toBe('-11-30');
        const startYear = Number(y.start.slice(0, 4));
        expect(Number(y.end.slice(0, 4))).toBe(startYear + 1);
        expect(y.label).toBe(`${startYear}${EN_DASH}${String((startYear + 1) % 100).padStart(2, '0')}`);
        expect([364, 365]).toContain(daysBetween(y.start, y.end));
        // the next year starts the day after this one ends
        expect(registrationYear(refPlusDays(y.end, 1)).start).toBe(refPlusDays(y.end, 1));
        // every day in the same year shares it
        const tomorrow = refPlusDays(date, 1);
        if (date !== y.end) expect(registrationYear(tomorrow)).toEqual(y);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('isRegistered', () => {
  const expected: Record<Role, boolean> = {
    asye: true,
    ecdp: true,
    social_worker: true,
    senior_practitioner: true,
    advanced_practitioner: true,
    family_practitioner: false,
    team_manager: true,
    practice_manager: true,
    group_manager: true,
    service_manager: true,
    principal_social_worker: true,
    business_support: false,
  };
  it.each(ROLES.map((r) => [r, expected[r]] as const))('%s -> %p', (role, registered) => {
    expect(isRegistered({ role })).toBe(registered);
  });
});

describe('cpdStanding', () => {
  const sw = staff({ role: 'social_worker' });
  const today = '2026-02-03';

  it('needs at least 2 pieces in the year', () => {
    expect(cpdStanding(sw, [], today, policy)).toMatchObject({ required: true, entries: 0, peerReflected: 0, met: false });
    expect(cpdStanding(sw, [cpd('2026-01-10', true)], today, policy)).toMatchObject({ entries: 1, peerReflected: 1, met: false });
  });

  it('needs at least 1 reflected on with a peer', () => {
    expect(cpdStanding(sw, [cpd('2025-12-10'), cpd('2026-01-10')], today, policy)).toMatchObject({ entries: 2, peerReflected: 0, met: false });
    expect(cpdStanding(sw, [cpd('2025-12-10'), cpd('2026-01-10', true)], today, policy)).toMatchObject({ entries: 2, peerReflected: 1, met: true });
  });

  it('returns the registration year of today', () => {
    expect(cpdStanding(sw, [], today, policy).year).toEqual({ start: '2025-12-01', end: '2026-11-30', label: '2025–26' });
  });

  it('counts only entries in the current registration year, boundaries included', () => {
    const entries = [
      cpd('2025-11-30', true), // last day of the previous year: not counted
      cpd('2025-12-01'), // first day: counted
      cpd('2026-11-30', true), // last day: counted
      cpd('2026-12-01', true), // next year: not counted
    ];
    expect(cpdStanding(sw, entries, today, policy)).toMatchObject({ entries: 2, peerReflected: 1, met: true });
    expect(cpdStanding(sw, entries, '2025-11-15', policy)).toMatchObject({ entries: 1, peerReflected: 1, met: false });
  });

  it('starts afresh on 1 December', () => {
    const entries = [cpd('2026-03-01', true), cpd('2026-06-01')];
    expect(cpdStanding(sw, entries, '2026-11-30', policy).met).toBe(true);
    expect(cpdStanding(sw, entries, '2026-12-01', policy)).toMatchObject({ entries: 0, met: false, shortInRenewalWindow: false });
  });

  describe('renewal window (from 1 September to 30 November)', () => {
    const short = [cpd('2026-01-10')];
    it.each([
      ['2026-08-31', false],
      ['2026-09-01', true],
      ['2026-10-15', true],
      ['2026-11-30', true],
      ['2026-12-01', false],
      ['2026-02-03', false],
    ])('someone short of CPD on %s: told = %p', (day, told) => {
      expect(cpdStanding(sw, short, day, policy).shortInRenewalWindow).toBe(told);
    });

    it('someone who has met it is not told', () => {
      expect(cpdStanding(sw, [cpd('2026-01-10'), cpd('2026-02-10', true)], '2026-09-15', policy)).toMatchObject({ met: true, shortInRenewalWindow: false });
    });

    it('follows the policy start month', () => {
      const p = resolvePolicy({ cpd: { renewalWindowStartMonth: 10 } });
      expect(cpdStanding(sw, short, '2026-09-30', p).shortInRenewalWindow).toBe(false);
      expect(cpdStanding(sw, short, '2026-10-01', p).shortInRenewalWindow).toBe(true);
    });
  });

  it.each<Role>(['family_practitioner', 'business_support'])('%s is not required to record CPD, even in the renewal window', (role) => {
    expect(cpdStanding(staff({ role }), [], '2026-10-01', policy)).toMatchObject({ required: false, met: true, shortInRenewalWindow: false, entries: 0 });
  });

  it.each<Role>(['asye', 'ecdp', 'senior_practitioner', 'advanced_practitioner', 'team_manager', 'practice_manager', 'group_manager', 'service_manager', 'principal_social_worker'])(
    '%s is required to record CPD',
    (role) => {
      expect(cpdStanding(staff({ role }), [], '2026-10-01', policy)).toMatchObject({ required: true, met: false, shortInRenewalWindow: true });
    },
  );

  it('follows the policy minimums', () => {
    const p = resolvePolicy({ cpd: { minimumEntries: 3, minimumPeerReflected: 2 } });
    const two = [cpd('2026-01-10', true), cpd('2026-01-11', true)];
    expect(cpdStanding(sw, two, today, p).met).toBe(false);
    expect(cpdStanding(sw, [...two, cpd('2026-01-12')], today, p).met).toBe(true);
    expect(cpdStanding(sw, [cpd('2026-01-10', true), cpd('2026-01-11'), cpd('2026-01-12')], today, p).met).toBe(false);
  });

  it('met iff enough entries and peer reflections in the year of today (property)', () => {
    const entryArb = fc.record({ date: localDate2020to2030, peerReflected: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), localDate2020to2030, (entries, day) => {
        const y = registrationYear(day);
        const inYear = entries.filter((e) => e.date >= y.start && e.date <= y.end);
        const peers = inYear.filter((e) => e.peerReflected).length;
        const s = cpdStanding(sw, entries, day, policy);
        expect(s.entries).toBe(inYear.length);
        expect(s.peerReflected).toBe(peers);
        expect(s.met).toBe(inYear.length >= 2 && peers >= 1);
        const month = Number(day.slice(5, 7));
        expect(s.shortInRenewalWindow).toBe(!s.met && month >= 9 && month <= 11);
      }),
      PROPERTY_RUNS,
    );
  });
});
