import type { TenantScoped } from '../domain/model';

/** A document a valid row would write, and whether it is new or replaces a stored one. */
export interface PlannedWrite<D extends TenantScoped> {
  row: number;
  change: 'create' | 'update';
  doc: D;
}

/** What a whole file would do, once every row has been read and checked against what is stored. */
export interface KindPlan<D extends TenantScoped> {
  /** Documents for valid rows that create or change something, in row order. */
  writes: PlannedWrite<D>[];
  /** Valid rows that match what is stored already. */
  unchanged: number;
  /** Roster and courses: people (active) or courses stored but not in the file; they are left as they are. */
  notInFile?: number;
  /** Roster: valid rows that mark someone as a leaver who was not one. */
  leaversMarked?: number;
  /** Staff whose status documents must be recomputed after the writes; `all` after a catalogue change. */
  affected: string[] | 'all';
}

/** Counts of a plan's writes. */
export function countWrites(writes: readonly PlannedWrite<TenantScoped>[]): { creates: number; updates: number } {
  let creates = 0;
  for (const w of writes) if (w.change === 'create') creates++;
  return { creates, updates: writes.length - creates };
}

/**
 * Equality of the fields an import sets, ignoring field order and absent-versus-undefined: "unchanged" means the
 * stored document already says what the row says.
 */
export function sameFields<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): boolean {
  return fields.every((f) => {
    const x = a[f];
    const y = b[f];
    return x === y || (x == null && y == null);
  });
}

/** A copy without the etag and the fields listed as cleared (undefined), ready to write. */
export function writable<T extends object>(doc: T): T {
  const out = { ...doc } as Record<string, unknown>;
  delete out._etag;
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out as T;
}
