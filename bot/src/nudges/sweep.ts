import { setTimeout as sleep } from 'node:timers/promises';
import { nudgeCard } from '../cards/nudges';
import { isWorkingDay, type LocalDate } from '../domain/dates';
import { planNudges, type Nudge } from '../domain/nudges';
import type { PersonStatus } from '../domain/status';
import type { Logger } from '../log';
import { ConflictError } from '../store/errors';
import { nudgeId, type NudgeRecord } from '../store/nudge-log-repository';
import type { Store } from '../store/store';
import type { Stored } from '../store/tenant-container';
import { forEachTenant } from '../daily-job';

export type SendOutcome = 'sent' | 'unreachable' | 'stale';
export type SendCard = (tenantId: string, aadObjectId: string, card: Record<string, unknown>) => Promise<SendOutcome>;

export interface SweepSettings {
  /** Messages per second, kept below Teams' per-bot limits. */
  ratePerSecond: number;
  /** Days overdue from which a supervisee also appears in their manager's manager's digest. */
  escalateAfterDays: number;
  /** How long a sweep may hold the tenant's lease. */
  leaseMinutes: number;
  /** Sends in flight at once (each still started by the pacer). */
  sendsInFlight: number;
}

export const DEFAULT_SWEEP: SweepSettings = { ratePerSecond: 8, escalateAfterDays: 14, leaseMinutes: 15, sendsInFlight: 8 };

export interface SweepDeps {
  store: Store;
  send: SendCard;
  log: Logger;
  /** Identifies this service instance in the lease. */
  instanceId: string;
  now: () => Date;
  settings: SweepSettings;
}

export interface SweepReport {
  tenantId: string;
  date: LocalDate;
  /** Another instance holds the lease: this one did nothing. */
  leaseHeld: boolean;
  /** A weekend or bank holiday: nothing is sent. */
  notWorkingDay: boolean;
  planned: number;
  sent: number;
  /** Already done today (by an earlier run or another instance). */
  skipped: number;
  /** From the first send to the last, for the achieved rate. */
  sendSeconds: number;
  unreachable: number;
  failed: number;
  roundTrips: number;
}

export interface Plan {
  nudges: Nudge[];
  people: Map<string, PersonStatus>;
  /** Staff with a live conversation reference: the only people a send can reach. */
  reachable: Set<string>;
}

/** Everything the day's nudges are decided from, read in a few paged queries (not one per person). */
export async function planSweep(store: Store, tenantId: string, date: LocalDate, settings: SweepSettings): Promise<Plan> {
  const [people, holds, references, policy] = await Promise.all([
    store.status.all(tenantId),
    store.nudges.holds(tenantId, date),
    store.conversations.reachability(tenantId),
    store.settings.policy(tenantId),
  ]);
  const staffByAad = new Map(people.filter((p) => p.aadObjectId).map((p) => [p.aadObjectId!, p.staffId]));
  const reachable = new Set<string>();
  const stale = new Set<string>();
  for (const r of references) {
    const staffId = r.staffId ?? staffByAad.get(r.aadObjectId);
    if (staffId) (r.staleSince ? stale : reachable).add(staffId);
  }
  const nudges = planNudges(
    people,
    {
      snoozedUntil: new Map(holds.filter((h) => h.docType === 'snooze').map((h) => [`${h.staffId}:${h.kind}`, h.date])),
      bookedFor: new Map(holds.filter((h) => h.docType === 'booking').map((h) => [h.staffId, h.date])),
    },
    { today: date, policy, escalateAfterDays: settings.escalateAfterDays, reachable, stale },
  );
  return { nudges, people: new Map(people.map((p) => [p.staffId, p])), reachable };
}

/** Spaces sends evenly at `perSecond`. */
class Pacer {
  private next = 0;
  constructor(private readonly perSecond: number) {}
  async wait(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await sleep(at - now);
  }
}

/**
 * Sends the day's nudges for one tenant, each at most once. A lease keeps a second instance out; the nudge log
 * (one document per recipient, kind and date, created before sending) stops a re-run sending again. A re-run
 * sends everything not yet claimed and retries sends that failed. A claim whose outcome was never recorded (the
 * database failed while that nudge was in flight) is not sent again: it may have been delivered, and a doubled
 * reminder is worse than one missed for a day. At most `sendsInFlight` nudges can be caught that way.
 */
export async function runSweep(deps: SweepDeps, tenantId: string, date: LocalDate, only?: (nudge: Nudge) => boolean): Promise<SweepReport> {
  const { store, log, settings } = deps;
  const tripsBefore = store.roundTrips.count;
  const report: SweepReport = { tenantId, date, leaseHeld: false, notWorkingDay: !isWorkingDay(date), planned: 0, sent: 0, skipped: 0, unreachable: 0, failed: 0, sendSeconds: 0, roundTrips: 0 };
  if (report.notWorkingDay) {
    log.info('no sweep on a weekend or bank holiday', { tenantId, date });
    return report;
  }
  const now = deps.now();
  const leaseName = `sweep:${date}`;
  const expires = new Date(now.getTime() + settings.leaseMinutes * 60_000).toISOString();
  if (!(await store.nudges.acquireLease(tenantId, leaseName, deps.instanceId, now.toISOString(), expires))) {
    log.info('sweep skipped: another instance holds the lease', { tenantId, date });
    return { ...report, leaseHeld: true, roundTrips: store.roundTrips.count - tripsBefore };
  }
  const plan = await planSweep(store, tenantId, date, settings);
  const people = plan.people;
  const nudges = only ? plan.nudges.filter(only) : plan.nudges;
  report.planned = nudges.length;
  const done = new Map((await store.nudges.onDate(tenantId, date)).map((n) => [n.id, n]));
  const pacer = new Pacer(settings.ratePerSecond);
  log.info('sweep started', { tenantId, date, planned: nudges.length, alreadyLogged: done.size });

  // A few sends in flight at once, each started by the pacer: the rate is the pacer's, not the round trips'.
  // If the database fails, every worker stops: the next run picks up what is left, without duplicates.
  let next = 0;
  let finished = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (next < nudges.length && !stopped) {
      const nudge = nudges[next++]!;
      try {
        const recipient = plan.reachable.has(nudge.recipientId) ? people.get(nudge.recipientId)?.aadObjectId : undefined;
        report[await deliver(deps, tenantId, date, nudge, recipient, done, pacer)]++;
      } catch (error) {
        stopped = true;
        throw error;
      }
      if (++finished % 100 === 0) log.info('sweep progress', { tenantId, done: finished, of: nudges.length });
    }
  };
  const sendingFrom = Date.now();
  await Promise.all(Array.from({ length: Math.min(settings.sendsInFlight, Math.max(1, nudges.length)) }, worker));
  report.sendSeconds = (Date.now() - sendingFrom) / 1000;
  await store.nudges.releaseLease(tenantId, leaseName, deps.instanceId);
  report.roundTrips = store.roundTrips.count - tripsBefore;
  log.info('sweep finished', { ...report });
  return report;
}

/** Claims, sends and settles one nudge; what happened, as the report counts it. */
async function deliver(
  deps: SweepDeps,
  tenantId: string,
  date: LocalDate,
  nudge: Nudge,
  /** Undefined when the recipient cannot be reached. */
  aadObjectId: string | undefined,
  done: Map<string, Stored<NudgeRecord>>,
  pacer: Pacer,
): Promise<'sent' | 'skipped' | 'unreachable' | 'failed'> {
  const { store, log } = deps;
  const record = await claim(deps, tenantId, nudge, date, done.get(nudgeId(nudge.recipientId, nudge.kind, date)));
  if (!record) return 'skipped';
  const at = (): string => deps.now().toISOString();
  // Nobody to send to (no Entra id, or no live conversation reference): logged at once, without using a send slot.
  if (!aadObjectId) {
    await store.nudges.settle(record, 'unreachable', at(), 'no conversation reference');
    return 'unreachable';
  }
  await pacer.wait();
  let outcome: SendOutcome;
  try {
    outcome = await deps.send(tenantId, aadObjectId, nudgeCard(nudge, date));
  } catch (error) {
    log.warn('nudge failed', { tenantId, kind: nudge.kind, error });
    await store.nudges.settle(record, 'failed', at(), error instanceof Error ? error.message.slice(0, 200) : 'send failed');
    return 'failed';
  }
  await store.nudges.settle(record, outcome === 'sent' ? 'sent' : 'unreachable', at(), outcome === 'sent' ? undefined : outcome);
  return outcome === 'sent' ? 'sent' : 'unreachable';
}

/** Claims a nudge for sending; undefined when it was already claimed (sent, unreachable, or in flight). */
async function claim(deps: SweepDeps, tenantId: string, nudge: Nudge, date: LocalDate, existing: Stored<NudgeRecord> | undefined): Promise<Stored<NudgeRecord> | undefined> {
  const at = deps.now().toISOString();
  if (!existing) return deps.store.nudges.claim(tenantId, nudge.recipientId, nudge.kind, date, at);
  if (existing.state !== 'failed') return undefined;
  try {
    return await deps.store.nudges.reclaim(existing, at);
  } catch (err) {
    if (err instanceof ConflictError) return undefined;
    throw err;
  }
}

/** Sweeps every tenant once; one tenant's failure does not stop the others (a re-run sends nothing twice). */
export async function sweepAllTenants(deps: SweepDeps, date: LocalDate): Promise<SweepReport[]> {
  return forEachTenant(await deps.store.settings.tenants(), 'nudge sweep', date, deps.log, (tenantId) => runSweep(deps, tenantId, date));
}
