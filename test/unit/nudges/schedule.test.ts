import { nextSweepAt } from '../../../bot/src/nudges/schedule';

const at = (iso: string): Date => new Date(iso);

describe('nextSweepAt', () => {
  it('is 09:00 London time on the next working day', () => {
    expect(nextSweepAt(at('2026-11-23T08:00:00Z'), '09:00', 'Europe/London')).toEqual({ date: '2026-11-23', at: at('2026-11-23T09:00:00Z') });
    expect(nextSweepAt(at('2026-11-23T09:00:00Z'), '09:00', 'Europe/London').date).toBe('2026-11-24');
  });

  it('skips the weekend', () => {
    expect(nextSweepAt(at('2026-11-27T10:00:00Z'), '09:00', 'Europe/London').date).toBe('2026-11-30');
  });

  it('skips bank holidays: Christmas, Boxing Day substitute, Easter Monday, the Spring bank holiday', () => {
    expect(nextSweepAt(at('2026-12-24T10:00:00Z'), '09:00', 'Europe/London').date).toBe('2026-12-29');
    expect(nextSweepAt(at('2026-04-02T10:00:00Z'), '09:00', 'Europe/London').date).toBe('2026-04-07');
    expect(nextSweepAt(at('2026-05-22T10:00:00Z'), '09:00', 'Europe/London').date).toBe('2026-05-26');
  });

  it('stays at 09:00 local across the clocks changing', () => {
    // Clocks go forward on Sunday 29 March 2026: Friday is GMT, Monday is BST.
    expect(nextSweepAt(at('2026-03-27T10:00:00Z'), '09:00', 'Europe/London').at).toEqual(at('2026-03-30T08:00:00Z'));
    // Clocks go back on Sunday 25 October 2026: Friday is BST, Monday is GMT.
    expect(nextSweepAt(at('2026-10-23T09:00:00Z'), '09:00', 'Europe/London').at).toEqual(at('2026-10-26T09:00:00Z'));
  });
});
