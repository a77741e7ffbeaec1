import fc from 'fast-check';
import { daysBetween, isWorkingDay, plusDays, type LocalDate } from '../../../bot/src/domain/dates';
import { ROLES, type Role, type SupervisionSession } from '../../../bot/src/domain/model';
import { DEFAULT_POLICY, resolvePolicy, type Interval } from '../../../bot/src/domain/policy';
import {
  addInterval,
  earlyCareerStart,
  isFormalHeld,
  lastFormalSession,
  supervisionDue,
  supervisionInterval,
  supervisionStanding,
} from '../../../bot/src/domain/supervision';
import {
  localDate2020to2030,
  PROPERTY_RUNS,
  refDaysBetween,
  refIsWorkingDay,
  refPlusDays,
  refPlusMonths,
  refWeekday,
  session,
  staff,
} from './fixtures';

const policy = DEFAULT_POLICY;
const WEEKLY: Interval = { unit: 'week', count: 1 };
const FORTNIGHTLY: Interval = { unit: 'week', count: 2 };
const MONTHLY: Interval = { unit: 'month', count: 1 };

/** The interval each role gets from the defaults in shared/domain.md, on an ordinary day (early career: well past 6 months). */
const EXPECTED_INTERVAL: Record<Role, Interval | null> = {
  asye: MONTHLY,
  ecdp: MONTHLY,
  social_worker: MONTHLY,
  senior_practitioner: MONTHLY,
  advanced_practitioner: MONTHLY,
  family_practitioner: MONTHLY,
  team_manager: MONTHLY,
  practice_manager: MONTHLY,
  group_manager: MONTHLY,
  service_manager: MONTHLY,
  principal_social_worker: MONTHLY,
  business_support: null,
};

describe('supervisionInterval per role (defaults)', () => {
  it('the expected table covers every role in ROLES', () => {
    expect(Object.keys(EXPECTED_INTERVAL).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES.map((r) => [r, EXPECTED_INTERVAL[r]] as const))('%s -> %p', (role, expected) => {
    const person = staff({ role, startDate: '2020-01-06', programmeStart: role === 'asye' || role === 'ecdp' ? '2020-01-06' : undefined });
    expect(supervisionInterval(person, '2026-02-03', policy)).toEqual(expected);
  });

  it('business_support is not supervised, even for a new starter', () => {
    expect(supervisionInterval(staff({ role: 'business_support', startDate: '2026-02-02' }), '2026-02-03', policy)).toBeNull();
  });

  it('a non-early-career role does not get the ASYE cadence just because it recently started', () => {
    expect(supervisionInterval(staff({ role: 'social_worker', startDate: '2026-02-02' }), '2026-02-03', policy)).toEqual(MONTHLY);
  });

  it('uses a tenant override (every 4 weeks for social workers) and leaves other roles monthly', () => {
    const p = resolvePolicy({ supervisionInterval: { social_worker: { unit: 'week', count: 4 } } });
    expect(supervisionInterval(staff({ role: 'social_worker' }), '2026-02-03', p)).toEqual({ unit: 'week', count: 4 });
    expect(supervisionInterval(staff({ role: 'team_manager' }), '2026-02-03', p)).toEqual(MONTHLY);
    expect(supervisionInterval(staff({ role: 'business_support' }), '2026-02-03', p)).toBeNull();
  });
});

describe('early-career cadence (weekly < 6 weeks, fortnightly < 6 months, then monthly)', () => {
  // Programme starts Monday 5 Jan 2026: exactly 6 weeks = Mon 16 Feb 2026; exactly 6 months = 5 Jul 2026.
  const asye = staff({ role: 'asye', startDate: '2025-12-01', programme: 'asye', programmeStart: '2026-01-05' });

  it.each<[LocalDate, Interval, string]>([
    ['2026-01-05', WEEKLY, 'day 0'],
    ['2026-01-12', WEEKLY, 'week 1'],
    ['2026-02-09', WEEKLY, '5 weeks'],
    ['2026-02-15', WEEKLY, '6 weeks less a day (day 41)'],
    ['2026-02-16', FORTNIGHTLY, 'EXACTLY 6 weeks (day 42): fortnightly'],
    ['2026-02-17', FORTNIGHTLY, '6 weeks and a day'],
    ['2026-05-05', FORTNIGHTLY, '4 months'],
    ['2026-07-04', FORTNIGHTLY, '6 months less a day'],
    ['2026-07-05', MONTHLY, 'EXACTLY 6 months: monthly'],
    ['2026-07-06', MONTHLY, '6 months and a day'],
    ['2026-12-31', MONTHLY, 'year end'],
    ['2027-01-05', MONTHLY, '12 months'],
  ])('on %s -> %p (%s)', (on, expected) => {
    expect(supervisionInterval(asye, on, policy)).toEqual(expected);
  });

  it('ECDP follows the same cadence', () => {
    const ecdp = staff({ role: 'ecdp', programme: 'ecdp', programmeStart: '2027-09-06' });
    expect(supervisionInterval(ecdp, '2027-10-17', policy)).toEqual(WEEKLY); // day 41
    expect(supervisionInterval(ecdp, '2027-10-18', policy)).toEqual(FORTNIGHTLY); // day 42
    expect(supervisionInterval(ecdp, '2028-03-05', policy)).toEqual(FORTNIGHTLY);
    expect(supervisionInterval(ecdp, '2028-03-06', policy)).toEqual(MONTHLY);
  });

  it('counts from the programme start, not the employment start', () => {
    const person = staff({ role: 'asye', startDate: '2025-06-02', programme: 'asye', programmeStart: '2026-01-05' });
    expect(earlyCareerStart(person)).toBe('2026-01-05');
    expect(supervisionInterval(person, '2026-01-20', policy)).toEqual(WEEKLY);
  });

  it('falls back to the employment start when no programme start is recorded', () => {
    const person = staff({ role: 'asye', startDate: '2026-01-05' });
    expect(earlyCareerStart(person)).toBe('2026-01-05');
    expect(supervisionInterval(person, '2026-02-15', policy)).toEqual(WEEKLY);
    expect(supervisionInterval(person, '2026-02-16', policy)).toEqual(FORTNIGHTLY);
  });

  it('has no early-career start for other roles without a programme', () => {
    expect(earlyCareerStart(staff({ role: 'social_worker' }))).toBeUndefined();
    expect(earlyCareerStart(staff({ role: 'social_worker', programme: 'asye', programmeStart: '2026-01-05' }))).toBe('2026-01-05');
  });

  it('6 months from 31 August is reached on the last day of February', () => {
    const person = staff({ role: 'asye', programme: 'asye', programmeStart: '2025-08-31' });
    expect(supervisionInterval(person, '2026-02-27', policy)).toEqual(FORTNIGHTLY);
    expect(supervisionInterval(person, '2026-02-28', policy)).toEqual(MONTHLY);
  });

  it('follows the policy (8 weekly weeks, 3 fortnightly months, then every 4 weeks)', () => {
    const p = resolvePolicy({ earlyCareer: { weeklyForWeeks: 8, fortnightlyForMonths: 3, then: { unit: 'week', count: 4 } } });
    expect(supervisionInterval(asye, '2026-02-16', p)).toEqual(WEEKLY); // 6 weeks
    expect(supervisionInterval(asye, '2026-03-01', p)).toEqual(WEEKLY); // day 55
    expect(supervisionInterval(asye, '2026-03-02', p)).toEqual(FORTNIGHTLY); // day 56
    expect(supervisionInterval(asye, '2026-04-04', p)).toEqual(FORTNIGHTLY);
    expect(supervisionInterval(asye, '2026-04-05', p)).toEqual({ unit: 'week', count: 4 });
  });
});

describe('addInterval', () => {
  it.each<[LocalDate, Interval, LocalDate]>([
    ['2026-01-13', WEEKLY, '2026-01-20'],
    ['2026-01-13', FORTNIGHTLY, '2026-01-27'],
    ['2026-01-13', MONTHLY, '2026-02-13'],
    ['2024-02-29', MONTHLY, '2024-03-29'], // 29 Feb + 1 month
    ['2024-01-31', MONTHLY, '2024-02-29'], // 31 Jan + 1 month in a leap year
    ['2023-01-31', MONTHLY, '2023-02-28'],
    ['2025-12-31', MONTHLY, '2026-01-31'],
    ['2025-12-25', FORTNIGHTLY, '2026-01-08'],
    ['2026-03-26', WEEKLY, '2026-04-02'],
    ['2026-01-13', { unit: 'week', count: 4 }, '2026-02-10'],
    ['2026-01-13', { unit: 'month', count: 3 }, '2026-04-13'],
  ])('%s + %p = %s', (date, interval, expected) => {
    expect(addInterval(date, interval)).toBe(expected);
  });
});

describe('which sessions reset the clock', () => {
  it.each<[Partial<SupervisionSession>, boolean]>([
    [{ type: 'individual', status: 'held' }, true],
    [{ type: 'group', status: 'held' }, true],
    [{ type: 'case_consultation', status: 'held' }, false],
    [{ type: 'individual', status: 'cancelled' }, false],
    [{ type: 'group', status: 'cancelled' }, false],
    [{ type: 'case_consultation', status: 'cancelled' }, false],
  ])('%p -> %p', (fields, expected) => {
    expect(isFormalHeld(session(fields))).toBe(expected);
  });

  it('lastFormalSession picks the latest held individual or group session, in any order', () => {
    const sessions = [
      session({ date: '2026-01-13' }),
      session({ date: '2025-12-09', type: 'group' }),
      session({ date: '2026-02-10', status: 'cancelled', cancellationReason: 'Supervisor off sick' }),
      session({ date: '2026-02-05', type: 'case_consultation' }),
    ];
    expect(lastFormalSession(sessions)).toBe('2026-01-13');
    expect(lastFormalSession([...sessions].reverse())).toBe('2026-01-13');
  });

  it('a held group session counts', () => {
    expect(lastFormalSession([session({ date: '2026-01-13' }), session({ date: '2026-01-27', type: 'group' })])).toBe('2026-01-27');
  });

  it('is undefined with no sessions, or only cancelled sessions and case consultations', () => {
    expect(lastFormalSession([])).toBeUndefined();
    expect(
      lastFormalSession([
        session({ date: '2026-01-13', status: 'cancelled' }),
        session({ date: '2026-01-20', type: 'case_consultation' }),
      ]),
    ).toBeUndefined();
  });

  it('compares dates across a year end', () => {
    expect(lastFormalSession([session({ date: '2026-01-02' }), session({ date: '2025-12-31' })])).toBe('2026-01-02');
  });

  it('adding cancelled sessions or case consultations never changes the last formal session (property)', () => {
    const kind = fc.constantFrom<Pick<SupervisionSession, 'status' | 'type'>>(
      { status: 'cancelled', type: 'individual' },
      { status: 'cancelled', type: 'group' },
      { status: 'cancelled', type: 'case_consultation' },
      { status: 'held', type: 'case_consultation' },
    );
    const formal = fc.constantFrom<Pick<SupervisionSession, 'status' | 'type'>>({ status: 'held', type: 'individual' }, { status: 'held', type: 'group' });
    fc.assert(
      fc.property(
        fc.array(fc.record({ date: localDate2020to2030, k: formal }), { maxLength: 6 }),
        fc.array(fc.record({ date: localDate2020to2030, k: kind }), { minLength: 1, maxLength: 6 }),
        (held, noise) => {
          const base = held.map((h) => ({ date: h.date, ...h.k }));
          const withNoise = [...base, ...noise.map((n) => ({ date: n.date, ...n.k }))];
          const expected = base.length ? base.map((b) => b.date).sort().at(-1) : undefined;
          expect(lastFormalSession(base)).toBe(expected);
          expect(lastFormalSession(withNoise)).toBe(expected);
        },
      ),
      PROPERTY_RUNS,
    );
  });
});

describe('supervisionDue', () => {
  const sw = staff({ role: 'social_worker', startDate: '2024-04-01' });

  it.each<[LocalDate, LocalDate, string]>([
    ['2026-01-13', '2026-02-13', 'Tue 13 Jan -> Fri 13 Feb'],
    ['2026-01-15', '2026-02-16', 'Sun 15 Feb -> Mon 16 Feb'],
    ['2026-03-06', '2026-04-07', 'Easter Monday 6 Apr 2026 -> Tue 7 Apr'],
    ['2026-03-03', '2026-04-07', 'Good Friday 3 Apr 2026 -> Tue 7 Apr (past the Easter weekend and Monday)'],
    ['2026-04-25', '2026-05-26', 'Spring bank holiday Mon 25 May 2026 -> Tue 26 May'],
    ['2026-07-31', '2026-09-01', 'Summer bank holiday Mon 31 Aug 2026 -> Tue 1 Sep'],
    ['2026-11-25', '2026-12-29', 'Christmas Day (Fri) 2026, Boxing Day (Sat), substitute Mon 28 Dec -> Tue 29 Dec'],
    ['2026-11-26', '2026-12-29', 'Boxing Day (Sat) 2026 -> Tue 29 Dec'],
    ['2026-11-28', '2026-12-29', 'Boxing Day substitute Mon 28 Dec 2026 -> Tue 29 Dec'],
    ['2025-12-01', '2026-01-02', "New Year's Day 2026 -> Fri 2 Jan (not a holiday in England)"],
    ['2025-12-31', '2026-02-02', 'across the year end: Sat 31 Jan -> Mon 2 Feb'],
    ['2022-12-01', '2023-01-03', "New Year's Day 2023 (Sun) and its substitute Mon 2 Jan -> Tue 3 Jan"],
    ['2024-01-31', '2024-02-29', '31 Jan 2024 + 1 month = Thu 29 Feb 2024'],
    ['2024-01-29', '2024-02-29', '29 Jan 2024 -> Thu 29 Feb 2024'],
    ['2023-01-31', '2023-02-28', '31 Jan 2023 -> Tue 28 Feb 2023'],
    ['2024-02-29', '2024-04-02', '29 Feb 2024 + 1 month = 29 Mar 2024, which is Good Friday -> Tue 2 Apr after Easter Monday'],
    ['2024-03-29', '2024-04-29', 'a session on Good Friday itself still counts'],
  ])('last session %s -> due %s (%s)', (last, expected) => {
    expect(supervisionDue(sw, last, policy)).toBe(expected);
  });

  it('29 Feb 2024 plus a month is 29 Mar 2024 before the working-day move', () => {
    expect(addInterval('2024-02-29', MONTHLY)).toBe('2024-03-29');
    expect(isWorkingDay('2024-03-29')).toBe(false); // Good Friday
  });

  it('counts from the start date for someone never supervised', () => {
    expect(supervisionDue(staff({ role: 'social_worker', startDate: '2026-01-13' }), undefined, policy)).toBe('2026-02-13');
    expect(supervisionDue(staff({ role: 'team_manager', startDate: '2026-03-06' }), undefined, policy)).toBe('2026-04-07');
  });

  it('is undefined for business support, with or without a session', () => {
    const bs = staff({ role: 'business_support' });
    expect(supervisionDue(bs, undefined, policy)).toBeUndefined();
    expect(supervisionDue(bs, '2026-01-13', policy)).toBeUndefined();
  });

  it('cancelled sessions and case consultations do not reset the clock', () => {
    const sessions = [
      session({ date: '2026-01-13' }),
      session({ date: '2026-02-05', type: 'case_consultation' }),
      session({ date: '2026-02-10', status: 'cancelled', cancellationReason: 'Court' }),
    ];
    expect(supervisionDue(sw, lastFormalSession(sessions), policy)).toBe('2026-02-13');
    // …whereas a held formal session does
    expect(supervisionDue(sw, lastFormalSession([...sessions, session({ date: '2026-02-12' })]), policy)).toBe('2026-03-12');
  });

  describe('ASYE, programme start Mon 5 Jan 2026', () => {
    const asye = staff({ role: 'asye', startDate: '2026-01-05', programme: 'asye', programmeStart: '2026-01-05' });

    it('never supervised: one week after the programme start', () => {
      expect(supervisionDue(asye, undefined, policy)).toBe('2026-01-12');
    });

    it('a session before 6 weeks sets a weekly due date', () => {
      expect(supervisionDue(asye, '2026-01-12', policy)).toBe('2026-01-19');
      expect(supervisionDue(asye, '2026-02-13', policy)).toBe('2026-02-20'); // day 39
    });

    it('a session at EXACTLY 6 weeks sets a fortnightly due date', () => {
      expect(supervisionDue(asye, '2026-02-16', policy)).toBe('2026-03-02');
    });

    it('a weekly due date on Good Friday moves past Easter', () => {
      // programme start Fri 13 Mar 2026; session Fri 27 Mar (day 14) -> Fri 3 Apr (Good Friday) -> Tue 7 Apr
      const p = staff({ role: 'asye', programme: 'asye', programmeStart: '2026-03-13' });
      expect(supervisionDue(p, '2026-03-27', policy)).toBe('2026-04-07');
    });
  });

  describe('ASYE, programme start Tue 6 Jan 2026 (6 months = Mon 6 Jul 2026)', () => {
    const asye = staff({ role: 'asye', programme: 'asye', programmeStart: '2026-01-06' });

    it('a session the working day before 6 months is fortnightly', () => {
      expect(supervisionDue(asye, '2026-07-03', policy)).toBe('2026-07-17');
    });

    it('a session at EXACTLY 6 months is monthly', () => {
      expect(supervisionDue(asye, '2026-07-06', policy)).toBe('2026-08-06');
    });
  });

  it('is always a working day after the last session, at most 5 days after the raw interval, for every supervised role (property)', () => {
    const supervised = ROLES.filter((r) => r !== 'business_support');
    fc.assert(
      fc.property(fc.constantFrom(...supervised), localDate2020to2030, fc.integer({ min: 0, max: 400 }), (role, last, daysSinceStart) => {
        const person = staff({ role, startDate: '2019-06-03', programmeStart: refPlusDays(last, -daysSinceStart) });
        const due = supervisionDue(person, last, policy);
        expect(due).toBeDefined();
        const interval = supervisionInterval(person, last, policy)!;
        const raw = addInterval(last, interval);
        expect(due! > last).toBe(true);
        expect(isWorkingDay(due!)).toBe(true);
        expect([0, 6]).not.toContain(refWeekday(due!));
        const slip = refDaysBetween(raw, due!);
        expect(slip).toBeGreaterThanOrEqual(0);
        expect(slip).toBeLessThanOrEqual(5);
        for (let i = 0; i < slip; i += 1) expect(isWorkingDay(refPlusDays(raw, i))).toBe(false);
      }),
      PROPERTY_RUNS,
    );
  });

  it('matches last + cadence for an ASYE, judged against weeks and months since the programme start (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: 0, max: 500 }), (start, daysIn) => {
        const last = refPlusDays(start, daysIn);
        const person = staff({ role: 'asye', programme: 'asye', programmeStart: start });
        const sixMonths = refPlusMonths(start, 6);
        const raw = daysIn < 42 ? refPlusDays(last, 7) : last < sixMonths ? refPlusDays(last, 14) : refPlusMonths(last, 1);
        let expected = raw;
        while (!isWorkingDay(expected)) expected = plusDays(expected, 1);
        expect(supervisionDue(person, last, policy)).toBe(expected);
        if (refIsWorkingDay(raw) && last < '2027-11-01') expect(expected).toBe(raw);
        expect(daysBetween(last, expected)).toBeGreaterThan(0);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('supervisionStanding', () => {
  const due = '2026-02-13'; // Friday

  it.each<[LocalDate, string, number, number]>([
    ['2026-01-14', 'in_date', 0, 30],
    ['2026-02-09', 'in_date', 0, 4],
    ['2026-02-10', 'due_soon', 0, 3],
    ['2026-02-12', 'due_soon', 0, 1],
    ['2026-02-13', 'due_soon', 0, 0], // on the due date: not yet overdue
    ['2026-02-14', 'overdue', 1, -1], // the day after: overdue
    ['2026-02-16', 'overdue', 3, -3],
    ['2026-03-01', 'overdue', 16, -16],
  ])('today %s -> %s, %d days overdue', (today, state, daysOverdue, daysUntilDue) => {
    expect(supervisionStanding(due, today, policy)).toEqual({ state, due, daysOverdue, daysUntilDue });
  });

  it('is not_supervised without a due date', () => {
    expect(supervisionStanding(undefined, '2026-02-13', policy)).toEqual({ state: 'not_supervised', daysOverdue: 0 });
  });

  it('counts days across a year end', () => {
    expect(supervisionStanding('2026-01-02', '2025-12-30', policy)).toMatchObject({ state: 'due_soon', daysUntilDue: 3 });
    expect(supervisionStanding('2026-01-02', '2026-01-05', policy)).toMatchObject({ state: 'overdue', daysOverdue: 3 });
    expect(supervisionStanding('2024-03-01', '2024-02-28', policy)).toMatchObject({ state: 'due_soon', daysUntilDue: 2 });
  });

  it('follows the policy window', () => {
    const none = resolvePolicy({ dueSoonDays: 0 });
    expect(supervisionStanding(due, '2026-02-12', none).state).toBe('in_date');
    expect(supervisionStanding(due, '2026-02-13', none).state).toBe('due_soon');
    const week = resolvePolicy({ dueSoonDays: 7 });
    expect(supervisionStanding(due, '2026-02-06', week).state).toBe('due_soon');
    expect(supervisionStanding(due, '2026-02-05', week).state).toBe('in_date');
  });

  it('state and day counts agree for any due date and today (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: -60, max: 60 }), (today, offset) => {
        const d = refPlusDays(today, offset);
        const s = supervisionStanding(d, today, policy);
        expect(s.due).toBe(d);
        expect(s.daysUntilDue).toBe(offset);
        expect(s.daysOverdue).toBe(Math.max(0, -offset));
        expect(s.state).toBe(offset < 0 ? 'overdue' : offset <= 3 ? 'due_soon' : 'in_date');
      }),
      PROPERTY_RUNS,
    );
  });
});
