import fc from 'fast-check';
import {
  bankHolidays,
  dateIn,
  dayOfWeek,
  daysBetween,
  formatDate,
  instantAt,
  isBankHoliday,
  isLocalDate,
  isWorkingDay,
  monthsBetween,
  onOrAfterWorkingDay,
  plusDays,
  plusMonths,
  plusWeeks,
  SERVICE_TIME_ZONE,
} from '../../../bot/src/domain/dates';
import {
  daysInMonth,
  GOV_UK_BANK_HOLIDAYS,
  intlLondonDate,
  intlLondonTime,
  isoFromUtcMs,
  lastSunday,
  localDate2020to2030,
  localDateCovered,
  PROPERTY_RUNS,
  refDaysBetween,
  refIsWorkingDay,
  refPlusDays,
  refPlusMonths,
  refWeekday,
  utcMs,
} from './fixtures';

describe('isLocalDate', () => {
  it.each(['2026-02-03', '2024-02-29', '2000-02-29', '2025-12-31', '2026-01-01', '2026-04-30'])('accepts %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    ['2026-02-30', 'no 30 February'],
    ['2026-02-29', '2026 is not a leap year'],
    ['2100-02-29', '2100 is not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-2-3', 'unpadded month and day'],
    ['2026-02-3', 'unpadded day'],
    ['26-02-03', 'two-digit year'],
    ['2026/02/03', 'slashes'],
    ['03-02-2026', 'day first'],
    ['2026-02-03T00:00:00Z', 'an instant, not a day'],
    [' 2026-02-03', 'leading space'],
    ['2026-02-03 ', 'trailing space'],
    ['', 'empty string'],
  ])('rejects %s (%s)', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it.each([[20260203], [null], [undefined], [new Date('2026-02-03T00:00:00Z')], [{}], [['2026-02-03']]])('rejects the non-string %p', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it('accepts every real calendar day and rejects day numbers past the end of the month (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: 1, max: 3 }), (date, extra) => {
        expect(isLocalDate(date)).toBe(true);
        const [y, m] = date.split('-').map(Number) as [number, number];
        const pastEnd = `${date.slice(0, 8)}${String(daysInMonth(y, m) + extra).padStart(2, '0')}`;
        expect(isLocalDate(pastEnd)).toBe(false);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-02-03', '3 Feb 2026'],
    ['2024-02-29', '29 Feb 2024'],
    ['2025-12-31', '31 Dec 2025'],
    ['2026-01-01', '1 Jan 2026'],
    ['2026-09-10', '10 Sep 2026'],
    ['2026-03-29', '29 Mar 2026'],
    ['2026-10-25', '25 Oct 2026'],
  ])('writes %s as "%s"', (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });

  it('writes the same day number, month and year it was given (property)', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(localDate2020to2030, (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(formatDate(date)).toBe(`${d} ${months[m - 1]} ${y}`);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('dateIn (calendar day in Europe/London)', () => {
  it('uses Europe/London by default', () => {
    expect(SERVICE_TIME_ZONE).toBe('Europe/London');
  });

  describe('clocks go forward: last Sunday in March 2026 (29 Mar, 01:00 GMT -> 02:00 BST)', () => {
    it.each([
      ['2026-03-28T23:30:00.000Z', '2026-03-28'], // 23:30 GMT Saturday
      ['2026-03-28T23:59:59.999Z', '2026-03-28'],
      ['2026-03-29T00:00:00.000Z', '2026-03-29'], // midnight GMT
      ['2026-03-29T00:30:00.000Z', '2026-03-29'], // 00:30 GMT, still before the change
      ['2026-03-29T01:30:00.000Z', '2026-03-29'], // 02:30 BST
      ['2026-03-29T22:59:59.999Z', '2026-03-29'], // 23:59 BST
      ['2026-03-29T23:00:00.000Z', '2026-03-30'], // 00:00 BST Monday: a UTC-based day would say 29th
      ['2026-03-29T23:30:00.000Z', '2026-03-30'], // 00:30 BST Monday
    ])('%s is %s', (iso, expected) => {
      expect(dateIn(new Date(iso))).toBe(expected);
    });
  });

  describe('clocks go back: last Sunday in October 2026 (25 Oct, 02:00 BST -> 01:00 GMT)', () => {
    it.each([
      ['2026-10-24T22:59:59.999Z', '2026-10-24'], // 23:59 BST Saturday
      ['2026-10-24T23:00:00.000Z', '2026-10-25'], // 00:00 BST Sunday: UTC still says the 24th
      ['2026-10-24T23:30:00.000Z', '2026-10-25'], // 00:30 BST Sunday
      ['2026-10-25T00:30:00.000Z', '2026-10-25'], // 01:30 BST, first time round
      ['2026-10-25T01:30:00.000Z', '2026-10-25'], // 01:30 GMT, second time round
      ['2026-10-25T23:30:00.000Z', '2026-10-25'], // 23:30 GMT
      ['2026-10-26T00:00:00.000Z', '2026-10-26'],
    ])('%s is %s', (iso, expected) => {
      expect(dateIn(new Date(iso))).toBe(expected);
    });
  });

  it('handles 00:30 local on both 2026 clock-change Sundays', () => {
    expect(dateIn(instantAt('2026-03-29', '00:30'))).toBe('2026-03-29');
    expect(dateIn(instantAt('2026-10-25', '00:30'))).toBe('2026-10-25');
    // the instant before each: 23:30 local on Saturday
    expect(dateIn(instantAt('2026-03-28', '23:30'))).toBe('2026-03-28');
    expect(dateIn(instantAt('2026-10-24', '23:30'))).toBe('2026-10-24');
  });

  it.each([
    ['2025-12-31T23:59:59.999Z', '2025-12-31'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29'],
    ['2024-03-01T00:00:00.000Z', '2024-03-01'],
    ['2026-06-30T23:00:00.000Z', '2026-07-01'],
    ['2026-06-30T22:59:59.999Z', '2026-06-30'],
  ])('year and month ends: %s is %s', (iso, expected) => {
    expect(dateIn(new Date(iso))).toBe(expected);
  });

  it('accepts another time zone', () => {
    expect(dateIn(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
    expect(dateIn(new Date('2026-01-01T03:00:00Z'), 'UTC')).toBe('2026-01-01');
    expect(dateIn(new Date('2025-12-31T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-01-01');
  });

  it('agrees with Intl (en-CA, Europe/London) for any instant in 2020–2030 (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59.999Z'), noInvalidDate: true }), (instant) => {
        expect(dateIn(instant)).toBe(intlLondonDate(instant));
      }),
      PROPERTY_RUNS,
    );
  });

  it('agrees with Intl within three hours either side of every clock change and midnight on those days, 2020–2030 (property)', () => {
    const edge = fc
      .record({
        year: fc.integer({ min: 2020, max: 2030 }),
        month: fc.constantFrom(3, 10),
        anchorHourUtc: fc.constantFrom(-1, 0, 1, 23), // BST midnight (23:00Z the day before), GMT midnight, the change at 01:00Z, next BST/GMT midnight
        offsetMinutes: fc.integer({ min: -180, max: 180 }),
      })
      .map(({ year, month, anchorHourUtc, offsetMinutes }) => utcMs(lastSunday(year, month)) + anchorHourUtc * 3_600_000 + offsetMinutes * 60_000);
    fc.assert(
      fc.property(edge, (ms) => {
        const instant = new Date(ms);
        expect(dateIn(instant)).toBe(intlLondonDate(instant));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('instantAt (local wall-clock time to instant)', () => {
  it('09:00 on the day the clocks go forward is 08:00Z', () => {
    expect(instantAt('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });

  it('09:00 on the day the clocks go back is 09:00Z', () => {
    expect(instantAt('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it.each([
    ['2026-03-28', '09:00', '2026-03-28T09:00:00.000Z'], // Saturday before: GMT
    ['2026-10-24', '09:00', '2026-10-24T08:00:00.000Z'], // Saturday before: BST
    ['2026-01-15', '09:00', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01', '09:00', '2026-07-01T08:00:00.000Z'],
    ['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z'], // before the change: GMT
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // after the change: BST
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'], // before the change: BST
    ['2026-10-25', '02:30', '2026-10-25T02:30:00.000Z'], // after the change: GMT
    ['2025-03-30', '09:00', '2025-03-30T08:00:00.000Z'],
    ['2025-10-26', '09:00', '2025-10-26T09:00:00.000Z'],
    ['2025-12-31', '23:59', '2025-12-31T23:59:00.000Z'],
    ['2026-01-01', '00:00', '2026-01-01T00:00:00.000Z'],
  ])('%s %s in London is %s', (date, time, iso) => {
    expect(instantAt(date, time).toISOString()).toBe(iso);
  });

  it('moves a time in the spring-forward gap (01:30 on 29 Mar 2026 does not exist) forward an hour, to 02:30 BST', () => {
    expect(instantAt('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('resolves the repeated hour (01:30 on 25 Oct 2026 happens twice) to the first occurrence, 01:30 BST, whatever the host time zone', () => {
    // Temporal's "compatible" disambiguation: earlier instant for a repeated time. The result must not depend on process TZ.
    expect(instantAt('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('takes another time zone', () => {
    expect(instantAt('2026-07-01', '09:00', 'UTC').toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(instantAt('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('shows the same wall-clock time and day in London, for any day 2020–2030 and any time outside the changed hour (property)', () => {
    const time = fc.record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) });
    fc.assert(
      fc.property(localDate2020to2030, time, (date, { h, m }) => {
        const year = Number(date.slice(0, 4));
        fc.pre(!(h === 1 && (date === lastSunday(year, 3) || date === lastSunday(year, 10))));
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const instant = instantAt(date, hhmm);
        expect(intlLondonDate(instant)).toBe(date);
        expect(intlLondonTime(instant)).toBe(hhmm);
        expect(dateIn(instant)).toBe(date);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('plusDays / plusWeeks', () => {
  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-02-03', 0, '2026-02-03'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('plusDays(%s, %d) = %s', (date, days, expected) => {
    expect(plusDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-26', 1, '2026-04-02'],
    ['2026-10-22', 1, '2026-10-29'],
    ['2025-12-29', 1, '2026-01-05'],
    ['2025-12-22', 2, '2026-01-05'],
    ['2026-01-05', -1, '2025-12-29'],
    ['2024-02-22', 1, '2024-02-29'],
    ['2026-01-05', 6, '2026-02-16'],
  ])('plusWeeks(%s, %d) = %s', (date, weeks, expected) => {
    expect(plusWeeks(date, weeks)).toBe(expected);
  });

  it('plusDays agrees with UTC arithmetic and daysBetween inverts it (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: -800, max: 800 }), (date, n) => {
        const result = plusDays(date, n);
        expect(result).toBe(refPlusDays(date, n));
        expect(daysBetween(date, result)).toBe(n);
        expect(daysBetween(result, date)).toBe(0 - n); // 0 - n, not -n: no negative zero
      }),
      PROPERTY_RUNS,
    );
  });

  it('plusWeeks(d, n) is plusDays(d, 7n) (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: -60, max: 60 }), (date, n) => {
        expect(plusWeeks(date, n)).toBe(refPlusDays(date, 7 * n));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('plusMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'], // leap year: 31 Jan + 1 month = 29 Feb
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-29', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-11-30', 1, '2025-12-30'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-03-29', 7, '2026-10-29'],
    ['2026-02-28', 0, '2026-02-28'],
  ])('plusMonths(%s, %d) = %s', (date, months, expected) => {
    expect(plusMonths(date, months)).toBe(expected);
  });

  it('clamps to the end of a shorter month and matches a plain implementation (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: -36, max: 36 }), (date, n) => {
        const result = plusMonths(date, n);
        expect(result).toBe(refPlusMonths(date, n));
        expect(isLocalDate(result)).toBe(true);
        const days = daysBetween(date, result);
        if (n >= 0) expect(days).toBeGreaterThanOrEqual(n * 28 - 3);
        if (n >= 0) expect(days).toBeLessThanOrEqual(n * 31);
        if (n < 0) expect(days).toBeLessThanOrEqual(0);
      }),
      PROPERTY_RUNS,
    );
  });

  it('monthsBetween(d, plusMonths(d, n)) is n (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, fc.integer({ min: -36, max: 36 }), (date, n) => {
        expect(monthsBetween(date, plusMonths(date, n))).toBe(n);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-28', '2026-03-30', 2], // across the spring change
    ['2026-10-24', '2026-10-26', 2], // across the autumn change
    ['2026-03-30', '2026-03-28', -2],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-12-31', '2026-01-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-02-03', '2026-02-03', 0],
  ])('daysBetween(%s, %s) = %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('matches UTC day counting for any two days 2020–2030 (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, localDate2020to2030, (a, b) => {
        expect(daysBetween(a, b)).toBe(refDaysBetween(a, b));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-02-29', 1], // the end of a shorter month counts as reaching the day
    ['2025-08-31', '2026-02-27', 5],
    ['2025-08-31', '2026-02-28', 6],
    ['2025-12-31', '2026-01-01', 0],
    ['2025-11-30', '2026-05-30', 6],
    ['2026-02-15', '2026-01-15', -1],
    ['2026-02-15', '2026-01-16', 0],
    ['2026-02-03', '2026-02-03', 0],
    ['2024-02-29', '2025-02-28', 12],
  ])('monthsBetween(%s, %s) = %d', (from, to, expected) => {
    expect(monthsBetween(from, to) + 0).toBe(expected); // + 0 folds a negative zero into 0
  });

  it('is the largest k with plusMonths(from, k) <= to (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, localDate2020to2030, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        let k = 0;
        while (refPlusMonths(from, k + 1) <= to) k += 1;
        expect(monthsBetween(from, to)).toBe(k);
        expect(monthsBetween(to, from) + 0).toBe(0 - k);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2026-02-03', 2],
    ['2026-03-29', 0],
    ['2026-10-25', 0],
    ['2026-03-28', 6],
    ['2024-02-29', 4],
    ['2026-01-01', 4],
  ])('%s is day %d', (date, dow) => {
    expect(dayOfWeek(date)).toBe(dow);
  });

  it('matches UTC getUTCDay (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, (date) => {
        expect(dayOfWeek(date)).toBe(refWeekday(date));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('England-and-Wales bank holidays', () => {
  it.each(Object.entries(GOV_UK_BANK_HOLIDAYS))('weekday bank holidays in %s match gov.uk', (year, expected) => {
    const weekdays = [...bankHolidays(Number(year))].filter((d) => refWeekday(d) !== 0 && refWeekday(d) !== 6).sort();
    expect(weekdays).toEqual([...expected].sort());
  });

  it.each([
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day substitute'],
    ['2027-12-27', 'Christmas Day substitute'],
    ['2027-12-28', 'Boxing Day substitute'],
    ['2022-01-03', "New Year's Day substitute"],
    ['2022-09-19', 'State Funeral'],
  ])('%s (%s) is a bank holiday and not a working day', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2026-01-02', 'Scotland only (2 January)'],
    ['2026-03-17', "Northern Ireland only (St Patrick's Day)"],
    ['2027-07-12', 'Northern Ireland only (Battle of the Boyne)'],
    ['2026-08-03', 'Scotland only (first Monday in August)'],
    ['2026-11-30', "Scotland only (St Andrew's Day)"],
    ['2026-03-15', "an observance (Mother's Day)"],
    ['2026-12-24', 'Christmas Eve'],
    ['2026-12-29', 'after the Christmas substitute day'],
  ])('%s (%s) is not an England-and-Wales bank holiday', (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });

  it.each(['2026-01-02', '2026-03-17', '2026-11-30', '2026-12-29', '2026-02-03'])('%s is a working day', (date) => {
    expect(isWorkingDay(date)).toBe(true);
  });

  it.each(['2026-02-07', '2026-02-08', '2026-03-29', '2026-10-25'])('%s (a weekend) is not a working day', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it('isWorkingDay matches weekends plus the gov.uk list for 2020–2027 (property)', () => {
    fc.assert(
      fc.property(localDateCovered, (date) => {
        expect(isWorkingDay(date)).toBe(refIsWorkingDay(date));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('onOrAfterWorkingDay', () => {
  it.each([
    ['2026-02-03', '2026-02-03', 'a working Tuesday stays'],
    ['2026-02-07', '2026-02-09', 'Saturday -> Monday'],
    ['2026-02-08', '2026-02-09', 'Sunday -> Monday'],
    ['2026-04-03', '2026-04-07', 'Good Friday -> Tuesday after Easter Monday'],
    ['2026-04-06', '2026-04-07', 'Easter Monday -> Tuesday'],
    ['2026-05-25', '2026-05-26', 'Spring bank holiday -> Tuesday'],
    ['2026-08-31', '2026-09-01', 'Summer bank holiday -> Tuesday'],
    ['2026-12-25', '2026-12-29', 'Christmas Day 2026 (Fri) -> Tue 29 Dec past the Boxing Day substitute'],
    ['2026-12-26', '2026-12-29', 'Boxing Day 2026 (Sat) -> Tue 29 Dec'],
    ['2026-12-28', '2026-12-29', 'Boxing Day substitute -> Tuesday'],
    ['2027-12-25', '2027-12-29', 'Christmas 2027 on a Saturday, two substitute days'],
    ['2022-12-31', '2023-01-03', 'across a year end with a New Year substitute day'],
    ['2022-01-01', '2022-01-04', "New Year's Day 2022 (Sat) -> Tue 4 Jan"],
    ['2021-12-31', '2021-12-31', 'Friday 31 Dec 2021 is a working day'],
    ['2026-01-01', '2026-01-02', "New Year's Day 2026 -> 2 Jan (a Scottish, not English, holiday)"],
    ['2020-05-08', '2020-05-11', 'VE day 2020'],
    ['2022-06-02', '2022-06-06', 'Platinum Jubilee weekend'],
    ['2023-05-08', '2023-05-09', 'Coronation'],
    ['2024-03-29', '2024-04-02', 'Good Friday 2024'],
  ])('%s -> %s (%s)', (date, expected) => {
    expect(onOrAfterWorkingDay(date)).toBe(expected);
  });

  it('returns the first working day on or after the input, within 5 days, for 2020–2030 (property)', () => {
    fc.assert(
      fc.property(localDate2020to2030, (date) => {
        const result = onOrAfterWorkingDay(date);
        expect(isLocalDate(result)).toBe(true);
        expect(result >= date).toBe(true);
        expect(isWorkingDay(result)).toBe(true);
        expect([0, 6]).not.toContain(refWeekday(result));
        const gap = refDaysBetween(date, result);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(5);
        for (let i = 0; i < gap; i += 1) expect(isWorkingDay(refPlusDays(date, i))).toBe(false);
        expect(onOrAfterWorkingDay(result)).toBe(result);
      }),
      PROPERTY_RUNS,
    );
  });

  it('agrees with the gov.uk list for 2020–2027 (property)', () => {
    fc.assert(
      fc.property(localDateCovered, (date) => {
        let expected = date;
        while (!refIsWorkingDay(expected)) expected = refPlusDays(expected, 1);
        expect(onOrAfterWorkingDay(date)).toBe(expected);
      }),
      PROPERTY_RUNS,
    );
  });

  it('keeps working days as they are (property)', () => {
    const ms = utcMs('2020-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (n) => {
        const date = isoFromUtcMs(ms + n * 86_400_000);
        fc.pre(isWorkingDay(date));
        expect(onOrAfterWorkingDay(date)).toBe(date);
      }),
      PROPERTY_RUNS,
    );
  });
});
