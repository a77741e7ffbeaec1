import type { LocalDate } from '../domain/dates';
import type { TenantScoped } from '../domain/model';
import { ConflictError } from './errors';
import type { Stored, TenantContainer } from './tenant-container';

/** One nudge to one person of one kind on one local date; the id makes a second one impossible. */
export interface NudgeRecord extends TenantScoped {
  docType: 'nudge';
  recipientId: string;
  kind: string;
  date: LocalDate;
  state: 'claimed' | 'sent' | 'unreachable' | 'failed';
  updatedAt: string;
  detail?: string;
}

/** Only one instance sweeps at a time: the holder of this document until it expires. */
export interface LeaseRecord extends TenantScoped {
  docType: 'lease';
  holder: string;
  expiresAt: string;
}

/** "Remind me tomorrow" (a snooze of one kind of nudge) or "supervision booked for <date>" (holds back reminders). */
export interface HoldRecord extends TenantScoped {
  docType: 'snooze' | 'booking';
  /** The snoozing recipient, or the supervisee whose session is booked. */
  staffId: string;
  kind?: string;
  /** Snooze: no nudge before this date. Booking: the booked date. */
  date: LocalDate;
  by: string;
  at: string;
}

export const nudgeId = (recipientId: string, kind: string, date: LocalDate): string => `${recipientId}:${kind}:${date}`;

export class NudgeLogRepository {
  constructor(
    private readonly nudges: TenantContainer<NudgeRecord>,
    private readonly leases: TenantContainer<LeaseRecord>,
    private readonly holdDocs: TenantContainer<HoldRecord>,
  ) {}

  snooze(tenantId: string, staffId: string, kind: string, until: LocalDate, at: string): Promise<Stored<HoldRecord>> {
    return this.holdDocs.upsert({ id: `snooze:${staffId}:${kind}`, tenantId, docType: 'snooze', staffId, kind, date: until, by: staffId, at });
  }

  book(tenantId: string, superviseeId: string, date: LocalDate, by: string, at: string): Promise<Stored<HoldRecord>> {
    return this.holdDocs.upsert({ id: `booking:${superviseeId}`, tenantId, docType: 'booking', staffId: superviseeId, date, by, at });
  }

  /** Every snooze and booking still in force on `today` (one query). */
  holds(tenantId: string, today: LocalDate): Promise<Stored<HoldRecord>[]> {
    return this.holdDocs.all(tenantId, "(c.docType = 'snooze' OR c.docType = 'booking') AND c.date >= @today", { today });
  }

  /** Claims a nudge before sending it; false when it is already claimed (by this or another instance). */
  async claim(tenantId: string, recipientId: string, kind: string, date: LocalDate, at: string): Promise<Stored<NudgeRecord> | undefined> {
    try {
      return await this.nudges.create({ id: nudgeId(recipientId, kind, date), tenantId, docType: 'nudge', recipientId, kind, date, state: 'claimed', updatedAt: at });
    } catch (err) {
      if (err instanceof ConflictError) return undefined;
      throw err;
    }
  }

  /** Takes over a nudge that failed or whose run died; a ConflictError if another run got there first. */
  reclaim(record: Stored<NudgeRecord>, at: string): Promise<Stored<NudgeRecord>> {
    return this.nudges.replace({ ...record, state: 'claimed', updatedAt: at, detail: undefined }, record._etag);
  }

  async settle(record: Stored<NudgeRecord>, state: NudgeRecord['state'], at: string, detail?: string): Promise<void> {
    await this.nudges.replace({ ...record, state, updatedAt: at, detail }, record._etag);
  }

  get(tenantId: string, recipientId: string, kind: string, date: LocalDate): Promise<Stored<NudgeRecord> | undefined> {
    return this.nudges.get(tenantId, nudgeId(recipientId, kind, date));
  }

  onDate(tenantId: string, date: LocalDate): Promise<Stored<NudgeRecord>[]> {
    return this.nudges.all(tenantId, "c.docType = 'nudge' AND c.date = @date", { date });
  }

  forRecipient(tenantId: string, recipientId: string): Promise<Stored<NudgeRecord>[]> {
    return this.nudges.all(tenantId, "c.docType = 'nudge' AND c.recipientId = @id", { id: recipientId });
  }

  /**
   * Takes (or renews) the lease `name` for `holder` until `expiresAt`. Two instances racing: the etag lets
   * exactly one win. Returns whether `holder` now holds it.
   */
  async acquireLease(tenantId: string, name: string, holder: string, now: string, expiresAt: string): Promise<boolean> {
    const id = `lease:${name}`;
    const current = await this.leases.get(tenantId, id);
    try {
      if (!current) await this.leases.create({ id, tenantId, docType: 'lease', holder, expiresAt });
      else if (current.holder === holder || current.expiresAt <= now) await this.leases.replace({ ...current, holder, expiresAt }, current._etag);
      else return false;
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  async releaseLease(tenantId: string, name: string, holder: string): Promise<void> {
    const current = await this.leases.get(tenantId, `lease:${name}`);
    if (current?.holder === holder) await this.leases.delete(tenantId, current.id).catch(() => undefined);
  }
}
