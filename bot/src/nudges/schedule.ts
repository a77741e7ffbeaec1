import { dateIn, instantAt, isWorkingDay, plusDays, type LocalDate } from '../domain/dates';

/**
 * The next moment the daily sweep should run after `after`: `time` (e.g. "09:00") local time on the next
 * working day (no weekends, no England-and-Wales bank holidays). Computed from the local calendar, so the
 * clocks changing never moves it off 09:00 local.
 */
export function nextSweepAt(after: Date, time: string, timeZone: string): { date: LocalDate; at: Date } {
  let date = dateIn(after, timeZone);
  for (let i = 0; i < 30; i++, date = plusDays(date, 1)) {
    if (!isWorkingDay(date)) continue;
    const at = instantAt(date, time, timeZone);
    if (at.getTime() > after.getTime()) return { date, at };
  }
  throw new Error('no working day within 30 days');
}
