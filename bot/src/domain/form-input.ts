import { isLocalDate, type LocalDate } from './dates';

/**
 * Reading what a person typed into a form (Adaptive Card inputs arrive as strings). Each reader records a
 * message against the field it read, so a form can show every problem next to its field at once.
 */
export type FieldErrors = Record<string, string>;

export const MAX_TEXT = 4000;
export const MAX_SHORT_TEXT = 200;

export class FormReader {
  readonly errors: FieldErrors = {};

  constructor(
    private readonly input: Record<string, unknown>,
    private readonly allowed: ReadonlySet<string> | ((field: string) => boolean),
  ) {}

  /** Fields the form does not have are refused rather than ignored: a tampered invoke must not half-apply. */
  rejectUnknown(): void {
    for (const key of Object.keys(this.input)) {
      const known = typeof this.allowed === 'function' ? this.allowed(key) : this.allowed.has(key);
      if (!known) this.fail('form', `The form sent a field it does not have ("${key.slice(0, 40)}"). Please open a fresh form.`);
    }
  }

  fail(field: string, message: string): void {
    this.errors[field] ??= message;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  private raw(field: string): string | undefined {
    const v = this.input[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.fail(field, 'This field has the wrong kind of value.');
    return undefined;
  }

  text(field: string, label: string, { required = false, max = MAX_TEXT } = {}): string | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (required) this.fail(field, `Enter ${label}.`);
      return undefined;
    }
    if (v.length > max) {
      this.fail(field, `${capitalise(label)} is too long: at most ${max.toLocaleString('en-GB')} characters.`);
      return undefined;
    }
    return v;
  }

  date(field: string, label: string, range: { required?: boolean; notAfter?: LocalDate; notBefore?: LocalDate; afterMessage?: string; beforeMessage?: string }): LocalDate | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (range.required) this.fail(field, `Enter ${label}.`);
      return undefined;
    }
    if (!isLocalDate(v)) {
      this.fail(field, `${capitalise(label)} must be a real date.`);
      return undefined;
    }
    if (range.notAfter && v > range.notAfter) {
      this.fail(field, range.afterMessage ?? `${capitalise(label)} cannot be in the future.`);
      return undefined;
    }
    if (range.notBefore && v < range.notBefore) {
      this.fail(field, range.beforeMessage ?? `${capitalise(label)} is too far in the past.`);
      return undefined;
    }
    return v;
  }

  number(field: string, label: string, { required = false, min, max, whole = false }: { required?: boolean; min: number; max: number; whole?: boolean }): number | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (required) this.fail(field, `Enter ${label}.`);
      return undefined;
    }
    const n = Number(v);
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || n < min || n > max) {
      this.fail(field, `${capitalise(label)} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
      return undefined;
    }
    return n;
  }

  choice<T extends string>(field: string, label: string, options: readonly T[], { required = false } = {}): T | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (required) this.fail(field, `Choose ${label}.`);
      return undefined;
    }
    if (!options.includes(v as T)) {
      this.fail(field, `Choose ${label} from the list.`);
      return undefined;
    }
    return v as T;
  }

  /** A multi-select ChoiceSet sends "a,b,c". */
  choices<T extends string>(field: string, label: string, options: readonly T[], { required = false, max = 50 } = {}): T[] {
    const v = this.raw(field);
    const values = v === undefined ? [] : [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))];
    if (values.length === 0 && required) this.fail(field, `Choose at least one ${label}.`);
    if (values.length > max) this.fail(field, `Choose at most ${max}.`);
    if (values.some((x) => !options.includes(x as T))) this.fail(field, `Choose ${label} from the list.`);
    return values as T[];
  }

  flag(field: string): boolean {
    const v = this.raw(field);
    if (v === undefined || v === 'false') return false;
    if (v === 'true') return true;
    this.fail(field, 'This must be ticked or not.');
    return false;
  }
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

