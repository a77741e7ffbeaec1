import { tzOffset } from '@date-fns/tz';
import Holidays from 'date-holidays';

/**
 * A calendar day as `YYYY-MM-DD`. Supervision, training and due dates are days, not instants:
 * keeping them as strings means a clock change can never shift one by a day.
 */
export type LocalDate = string;

export const SERVICE_TIME_ZONE = 'Europe/London';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad2 = (n: number): string => String(n).padStart(2, '0');

// Calendar arithmetic works on whole days since 1970 in UTC: no clock change can move a day, the process
// time zone does not matter, and it is fast enough for the seed and the sweep (hundreds of thousands of calls).
function dayNumber(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE.exec(value);
  return m !== null && Number(m[1]) >= 1000 && fromDayNumber(dayNumber(value)) === value;
}

/** The calendar day it is in `timeZone` at `instant`. */
export function dateIn(instant: Date, timeZone: string = SERVICE_TIME_ZONE): LocalDate {
  return new Date(instant.getTime() + tzOffset(timeZone, instant) * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant at which local wall-clock `hh:mm` happens on `date` in `timeZone`. A time the clocks skip (spring)
 * is taken as the same moment after the change; a time that happens twice (autumn) as its first occurrence.
 */
export function instantAt(date: LocalDate, time: string, timeZone: string = SERVICE_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const hour = 3_600_000;
  // The offsets in force either side of the wall time cover any change on that day.
  const offsets = [tzOffset(timeZone, new Date(wall - 12 * hour)), tzOffset(timeZone, new Date(wall + 12 * hour))];
  const candidates = offsets.map((o) => wall - o * 60_000).filter((t) => wall - tzOffset(timeZone, new Date(t)) * 60_000 === t);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - offsets[0]! * 60_000);
}

export function plusDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function plusWeeks(date: LocalDate, weeks: number): LocalDate {
  return plusDays(date, 7 * weeks);
}

/** Adds calendar months; the 31st becomes the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function plusMonths(date: LocalDate, months: number): LocalDate {
  const monthIndex = Number(date.slice(5, 7)) - 1 + months;
  const year = Number(date.slice(0, 4)) + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad2(month + 1)}-${pad2(Math.min(Number(date.slice(8, 10)), lastDay))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whole calendar months from `from` to `to`, counting a month only once its day is reached. */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  if (to < from) return -monthsBetween(to, from);
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return plusMonths(from, months) > to ? months - 1 : months;
}

/** 0 is Sunday, as in Date.getDay. */
export function dayOfWeek(date: LocalDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday
}

/** "3 Feb 2026", the way the service writes dates to people. */
export function formatDate(date: LocalDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

const holidayCalendar = new Holidays('GB', 'ENG');
const holidaysByYear = new Map<number, ReadonlySet<LocalDate>>();

/** England-and-Wales bank holidays (the two nations share the same list) for a year. */
export function bankHolidays(year: number): ReadonlySet<LocalDate> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      holidayCalendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isBankHoliday(date: LocalDate): boolean {
  return bankHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: LocalDate): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !isBankHoliday(date);
}

/** The date itself when it is a working day, otherwise the next one. */
export function onOrAfterWorkingDay(date: LocalDate): LocalDate {
  let d = date;
  while (!isWorkingDay(d)) d = plusDays(d, 1);
  return d;
}

/** The date itself when it is a working day, otherwise the one before. */
export function onOrBeforeWorkingDay(date: LocalDate): LocalDate {
  let d = date;
  while (!isWorkingDay(d)) d = plusDays(d, -1);
  return d;
}
