import { isLocalDate, type LocalDate } from '../domain/dates';

/**
 * Reading the cells of one CSV row into typed values, pure. Like FormReader for cards, every reader records a
 * reason against the column it read, so a row reports all its problems at once; a column is read at most once
 * with at most one reason.
 */

/** A problem with one cell (or with the header, on row 1). Row numbers are as a spreadsheet shows them. */
export interface RowError {
  row: number;
  /** The column's name as the layout spells it; empty when the problem is with the whole row. */
  column: string;
  reason: string;
}

export type CellProblem = Omit<RowError, 'row'>;

/** A person referred to from another row or file: by email (lower case) or by Entra object id (lower case). */
export type PersonRef = { by: 'email'; value: string } | { by: 'oid'; value: string };

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MAX_CELL = 1000;

/** `Signs of Safety` -> `signs_of_safety`: how choices and header names are compared. */
export function normaliseName(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A date as `YYYY-MM-DD`, from either `YYYY-MM-DD` or the UK spreadsheet form `DD/MM/YYYY`; undefined if neither. */
export function readDate(value: string): LocalDate | undefined {
  const uk = UK_DATE.exec(value);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : value;
  // The common case without building a Date (a large file has a date on every row); anything else as dates.ts says.
  const m = ISO_DATE.exec(iso);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31) ? iso : undefined;
  }
  return isLocalDate(iso) ? iso : undefined;
}

export const isEmail = (value: string): boolean => EMAIL.test(value) && value.length <= 254;
export const isObjectId = (value: string): boolean => GUID.test(value);

/** Shows a cell's value in a reason, shortened. */
export function shown(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

export class RowReader {
  readonly problems: CellProblem[] = [];
  private readonly failed = new Set<string>();

  /**
   * `cell(column)` returns the trimmed cell, or undefined when it is blank or the column is absent. With `echo`
   * false, reasons never repeat a cell's value (a caseload file might carry a child's details by mistake).
   */
  constructor(
    private readonly cell: (column: string) => string | undefined,
    private readonly echo = true,
  ) {}

  private show(value: string): string {
    return this.echo ? shown(value) : 'The value';
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  fail(column: string, reason: string): void {
    if (this.failed.has(column)) return;
    this.failed.add(column);
    this.problems.push({ column, reason });
  }

  hasFailed(column: string): boolean {
    return this.failed.has(column);
  }

  raw(column: string): string | undefined {
    return this.cell(column);
  }

  private present(column: string, label: string, required: boolean): string | undefined {
    const v = this.cell(column);
    if (v === undefined && required) this.fail(column, `Enter ${label}.`);
    return v;
  }

  text(column: string, label: string, { required = false, max = 200 } = {}): string | undefined {
    const v = this.present(column, label, required);
    if (v === undefined) return undefined;
    if (v.length > max) {
      this.fail(column, `${capitalise(label)} is too long: at most ${max.toLocaleString('en-GB')} characters.`);
      return undefined;
    }
    return v;
  }

  email(column: string, label: string, { required = false } = {}): string | undefined {
    const v = this.present(column, label, required);
    if (v === undefined) return undefined;
    if (!isEmail(v)) {
      this.fail(column, `${this.show(v)} is not an email address.`);
      return undefined;
    }
    return v.toLowerCase();
  }

  objectId(column: string, label: string): string | undefined {
    const v = this.cell(column);
    if (v === undefined) return undefined;
    if (!isObjectId(v)) {
      this.fail(column, `${this.show(v)} is not ${label} (a GUID such as 3f2b6c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f).`);
      return undefined;
    }
    return v.toLowerCase();
  }

  /** A person named by email address or Entra object id. */
  person(column: string, label: string, { required = false } = {}): PersonRef | undefined {
    const v = this.present(column, label, required);
    if (v === undefined) return undefined;
    if (isObjectId(v)) return { by: 'oid', value: v.toLowerCase() };
    if (isEmail(v)) return { by: 'email', value: v.toLowerCase() };
    const several = /[;,]|\S\s+\S+@/.test(v) && v.includes('@');
    this.fail(column, several ? `Give one person per row: ${this.show(v)} names more than one.` : `${this.show(v)} is not an email address or an Entra object id: name ${label} by one of those.`);
    return undefined;
  }

  date(column: string, label: string, range: { required?: boolean; notAfter?: LocalDate; notBefore?: LocalDate; afterMessage?: string; beforeMessage?: string } = {}): LocalDate | undefined {
    const v = this.present(column, label, range.required ?? false);
    if (v === undefined) return undefined;
    const date = readDate(v);
    if (!date) {
      this.fail(column, `${this.show(v)} is not a real date: use YYYY-MM-DD or DD/MM/YYYY.`);
      return undefined;
    }
    if (range.notAfter && date > range.notAfter) {
      this.fail(column, range.afterMessage ?? `${capitalise(label)} cannot be in the future.`);
      return undefined;
    }
    if (range.notBefore && date < range.notBefore) {
      this.fail(column, range.beforeMessage ?? `${capitalise(label)} is too far in the past.`);
      return undefined;
    }
    return date;
  }

  number(column: string, label: string, { required = false, min, max, whole = false, above }: { required?: boolean; min: number; max: number; whole?: boolean; above?: boolean }): number | undefined {
    const v = this.present(column, label, required);
    if (v === undefined) return undefined;
    const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : NaN;
    const low = above ? n <= min : n < min;
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || low || n > max) {
      const range = above ? `more than ${min} and at most ${max}` : `from ${min} to ${max}`;
      this.fail(column, `${this.show(v)} is not a valid ${label}: enter ${whole ? 'a whole number' : 'a number'} ${range}.`);
      return undefined;
    }
    return n;
  }

  /** One of `options`, compared as normaliseName does; `aliases` maps other accepted spellings (normalised) to an option. */
  choice<T extends string>(column: string, label: string, options: readonly T[], { required = false, aliases = {} as Readonly<Record<string, T>> } = {}): T | undefined {
    const v = this.cell(column);
    if (v === undefined) {
      if (required) this.fail(column, `Enter the ${label}: one of ${options.join(', ')}.`);
      return undefined;
    }
    const key = normaliseName(v);
    const found = options.find((o) => o === key) ?? aliases[key];
    if (!found) {
      this.fail(column, `Unknown ${label} ${this.show(v)}: use one of ${options.join(', ')}.`);
      return undefined;
    }
    return found;
  }
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
