import type { RowError } from './cells';

/** How many problems a report lists (the count covers them all). */
export const MAX_LISTED_ERRORS = 1000;
const KEEP = 5 * MAX_LISTED_ERRORS;

/**
 * The problems found in a file: which rows have any (all of them, as numbers) and the first problems in row
 * order (bounded, so a file that is wrong on every one of a million rows still costs little memory).
 */
export class ErrorLog {
  private kept: RowError[] = [];
  private readonly invalid = new Set<number>();
  private total = 0;

  constructor(private readonly columnOrder: readonly string[] = []) {}

  add(error: RowError): void {
    this.total++;
    this.invalid.add(error.row);
    this.kept.push(error);
    if (this.kept.length >= 2 * KEEP) this.kept = this.sorted().slice(0, KEEP);
  }

  addAll(errors: Iterable<RowError>): void {
    for (const e of errors) this.add(e);
  }

  has(row: number): boolean {
    return this.invalid.has(row);
  }

  /** Rows with at least one problem. */
  get rows(): number {
    return this.invalid.size;
  }

  get count(): number {
    return this.total;
  }

  /** The first problems, by row and then by the layout's column order. */
  listed(): RowError[] {
    return this.sorted().slice(0, MAX_LISTED_ERRORS);
  }

  private sorted(): RowError[] {
    const rank = (c: string): number => {
      const i = this.columnOrder.indexOf(c);
      return c === '' ? -1 : i < 0 ? this.columnOrder.length : i;
    };
    return [...this.kept].sort((a, b) => a.row - b.row || rank(a.column) - rank(b.column));
  }
}
