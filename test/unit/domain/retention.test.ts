import { ConfigError, loadConfig } from '../../../bot/src/config';
import { dueForPurge, retentionEndsOn, type RetentionCandidate } from '../../../bot/src/domain/retention';
import { nextPurgeAt } from '../../../bot/src/usecases/retention';

const leaver = (id: string, leavingDate?: string): RetentionCandidate => ({ id, status: 'leaver', leavingDate });
const due = (staff: RetentionCandidate[], today: string, years = 6): string[] => dueForPurge(staff, today, years).due.map((d) => d.staffId);

describe('retentionEndsOn', () => {
  it('is the anniversary of the leaving date N years on', () => {
    expect(retentionEndsOn('2020-03-31', 6)).toBe('2026-03-31');
    expect(retentionEndsOn('2019-12-31', 1)).toBe('2020-12-31');
  });

  it('ends a 29 February leaving date on 1 March in a common year, and on 29 February in a leap year', () => {
    expect(retentionEndsOn('2024-02-29', 6)).toBe('2030-03-01');
    expect(retentionEndsOn('2024-02-29', 4)).toBe('2028-02-29');
    expect(retentionEndsOn('2096-02-29', 4)).toBe('2100-03-01'); // 2100 is not a leap year
  });

  it('refuses a period that is not a whole number from 1 to 100 years', () => {
    expect(() => retentionEndsOn('2020-01-01', 0)).toThrow(RangeError);
    expect(() => retentionEndsOn('2020-01-01', 2.5)).toThrow(RangeError);
    expect(() => dueForPurge([], '2026-01-01', 101)).toThrow(RangeError);
  });
});

describe('dueForPurge', () => {
  it('is due on the day exactly N years after leaving, not the day before', () => {
    const staff = [leaver('a', '2020-06-15')];
    expect(due(staff, '2026-06-14')).toEqual([]);
    expect(due(staff, '2026-06-15')).toEqual(['a']);
    expect(due(staff, '2030-01-01')).toEqual(['a']);
  });

  it('keeps a 29 February leaver through 28 February and purges on 1 March', () => {
    const staff = [leaver('feb29', '2020-02-29')];
    expect(due(staff, '2026-02-28')).toEqual([]);
    expect(due(staff, '2026-03-01')).toEqual(['feb29']);
    expect(due(staff, '2024-02-29', 4)).toEqual(['feb29']);
    expect(due(staff, '2024-02-28', 4)).toEqual([]);
  });

  it('uses the configured period', () => {
    const staff = [leaver('a', '2020-06-15')];
    expect(due(staff, '2026-06-15', 7)).toEqual([]);
    expect(due(staff, '2023-06-15', 3)).toEqual(['a']);
  });

  it('never purges a leaver with no (or no valid) leaving date, and reports them', () => {
    const result = dueForPurge([leaver('none'), leaver('bad', '2019-02-30'), leaver('ok', '2001-01-01')], '2026-11-23', 6);
    expect(result.due.map((d) => d.staffId)).toEqual(['ok']);
    expect(result.undated).toEqual(['bad', 'none']);
  });

  it('never purges active staff, even with a leaving date long ago', () => {
    const result = dueForPurge([{ id: 'working-notice', status: 'active', leavingDate: '2001-01-01' }, { id: 'active', status: 'active' }], '2026-11-23', 6);
    expect(result).toEqual({ due: [], undated: [] });
  });

  it('lists who is due oldest first, with the day their period ended', () => {
    const result = dueForPurge([leaver('b', '2019-05-01'), leaver('a', '2018-01-10'), leaver('recent', '2025-01-01')], '2026-11-23', 6);
    expect(result.due).toEqual([
      { staffId: 'a', leavingDate: '2018-01-10', retainedUntil: '2024-01-10' },
      { staffId: 'b', leavingDate: '2019-05-01', retainedUntil: '2025-05-01' },
    ]);
  });
});

describe('nextPurgeAt', () => {
  const at = (iso: string): Date => new Date(iso);
  it('is 02:00 London time every day, weekends and bank holidays included, across the clock change', () => {
    expect(nextPurgeAt(at('2026-11-23T10:00:00Z'), '02:00', 'Europe/London')).toEqual({ date: '2026-11-24', at: at('2026-11-24T02:00:00Z') });
    expect(nextPurgeAt(at('2026-12-24T10:00:00Z'), '02:00', 'Europe/London').date).toBe('2026-12-25');
    expect(nextPurgeAt(at('2026-07-01T00:30:00Z'), '02:00', 'Europe/London')).toEqual({ date: '2026-07-01', at: at('2026-07-01T01:00:00Z') });
    expect(nextPurgeAt(at('2026-03-28T12:00:00Z'), '02:00', 'Europe/London').at).toEqual(at('2026-03-29T01:00:00Z'));
  });
});

describe('RETENTION_YEARS and RETENTION_PURGE', () => {
  it('default to 6 years and a daily purge', () => {
    expect(loadConfig({}).retention).toEqual({ years: 6, purge: true });
    expect(loadConfig({ RETENTION_YEARS: '7', RETENTION_PURGE: 'false' }).retention).toEqual({ years: 7, purge: false });
  });

  it.each(['0', '101', '6.5', 'six', '-1'])('refuse RETENTION_YEARS=%s with a ConfigError naming the variable', (value) => {
    expect(() => loadConfig({ RETENTION_YEARS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_YEARS: value })).toThrow(/^RETENTION_YEARS is ".*": set a whole number from 1 to 100/);
  });

  it('refuses a RETENTION_PURGE that is not true or false', () => {
    expect(() => loadConfig({ RETENTION_PURGE: 'sometimes' })).toThrow(/^RETENTION_PURGE is "sometimes": set true or false/);
  });
});
