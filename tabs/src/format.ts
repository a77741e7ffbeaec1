// Dates arrive as YYYY-MM-DD in Europe/London (the service decides "today"). Formatting them by hand, without
// Date, means no browser timezone can shift a date by a day.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
}

/** "2026-02-03" -> "3 Feb 2026"; anything else is shown as it came. */
export function formatDate(date: string | undefined, fallback = '—'): string {
  if (!date) return fallback;
  const p = parts(date);
  const month = p && MONTHS[p[1] - 1];
  return p && month ? `${p[2]} ${month} ${p[0]}` : date;
}

/** "2026-02" -> "Feb 2026" (or "February 2026" with long). */
export function formatMonth(month: string, long = false): string {
  const p = parts(month);
  const name = p && (long ? MONTHS_LONG : MONTHS)[p[1] - 1];
  return p && name ? `${name} ${p[0]}` : month;
}

export const shortMonth = (month: string): string => {
  const p = parts(month);
  return (p && MONTHS[p[1] - 1]) ?? month;
};

export const formatNumber = (n: number): string => n.toLocaleString('en-GB');

export const formatPercent = (n: number): string =>
  `${n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** ["4", "7", "18"] -> "4, 7 and 18". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Calendar arithmetic on YYYY-MM-DD; the day is clamped to the target month's length (31 Mar - 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const p = parts(date);
  if (!p) return date;
  const index = p[0] * 12 + (p[1] - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(p[2], last))}`;
}
