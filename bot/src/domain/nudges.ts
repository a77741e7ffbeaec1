import { registrationYear } from './cpd';
import { dayOfWeek, type LocalDate } from './dates';
import type { TenantPolicy } from './policy';
import type { PersonStatus } from './status';
import { supervisionStanding, type SupervisionStanding } from './supervision';

/** One row of a digest or reminder: a person whose supervision is due soon or overdue. */
export interface DueItem {
  staffId: string;
  name: string;
  standing: SupervisionStanding;
  /** A booked session holds back the overdue reminder until its date. */
  bookedFor?: LocalDate;
}

export type Nudge =
  | { kind: 'practitioner'; recipientId: string; supervision?: DueItem; overdueActions: { text: string; due: LocalDate }[]; cpdShort?: { entries: number; peerReflected: number; yearLabel: string } }
  | { kind: 'manager_digest'; recipientId: string; supervisees: DueItem[]; escalated: (DueItem & { managerName: string })[] }
  | { kind: 'psw_weekly'; recipientId: string; figures: ServiceFigures; unreachable: { staffId: string; name: string; why: 'never_opened' | 'stale' }[] };

export interface ServiceFigures {
  supervised: number;
  inDate: number;
  dueSoon: number;
  overdue: number;
  /** Share of supervised staff not overdue, 0–100. */
  withinPolicyPercent: number;
  overdueActions: number;
  cpdShort: number;
}

export interface NudgeHolds {
  /** `${recipientId}:${kind}` → snoozed until (exclusive: nothing before that date). */
  snoozedUntil: ReadonlyMap<string, LocalDate>;
  /** supervisee staff id → date a session is booked for. */
  bookedFor: ReadonlyMap<string, LocalDate>;
}

export interface NudgeOptions {
  today: LocalDate;
  policy: TenantPolicy;
  /** Days overdue from which a supervisee also appears in their manager's manager's digest. */
  escalateAfterDays: number;
  /** Staff ids that Reflect can message (a fresh conversation reference), and those whose reference went stale. */
  reachable: ReadonlySet<string>;
  stale: ReadonlySet<string>;
}

/**
 * Who gets what today, from everyone's status document. Pure: the sweep decides, in one pass, every nudge of
 * the day; the nudge log makes each one happen once.
 *
 * - Practitioners: supervision due within the policy window or overdue (daily); on Mondays also their actions
 *   past due and, in the renewal window (from 1 September), CPD short of the Social Work England minimum —
 *   weekly, so that reminders inform rather than nag.
 * - Managers: one digest listing direct reports overdue or due soon; supervisees overdue by `escalateAfterDays`
 *   or more also appear in the digest of the manager's own manager.
 * - The PSW: on Mondays, service-wide figures and the staff Reflect cannot reach.
 */
export function planNudges(people: readonly PersonStatus[], holds: NudgeHolds, o: NudgeOptions): Nudge[] {
  const active = people.filter((p) => p.active);
  const byId = new Map(active.map((p) => [p.staffId, p]));
  const snoozed = (recipientId: string, kind: Nudge['kind']): boolean => {
    const until = holds.snoozedUntil.get(`${recipientId}:${kind}`);
    return until !== undefined && until > o.today;
  };
  const isMonday = dayOfWeek(o.today) === 1;
  const year = registrationYear(o.today);
  const month = Number(o.today.slice(5, 7));
  const inRenewalWindow = month >= o.policy.cpd.renewalWindowStartMonth && month <= 11;

  const due = new Map<string, DueItem>();
  for (const p of active) {
    const standing = supervisionStanding(p.nextDue, o.today, o.policy);
    if (standing.state !== 'overdue' && standing.state !== 'due_soon') continue;
    const booked = holds.bookedFor.get(p.staffId);
    if (booked && booked >= o.today) continue;
    due.set(p.staffId, { staffId: p.staffId, name: p.name, standing });
  }

  const nudges: Nudge[] = [];
  for (const p of active) {
    const cpdOutOfDate = p.cpd.yearStart !== year.start;
    const entries = cpdOutOfDate ? 0 : p.cpd.entries;
    const peer = cpdOutOfDate ? 0 : p.cpd.peerReflected;
    const cpdShort =
      isMonday && inRenewalWindow && p.cpd.required && (entries < o.policy.cpd.minimumEntries || peer < o.policy.cpd.minimumPeerReflected)
        ? { entries, peerReflected: peer, yearLabel: year.label }
        : undefined;
    const overdueActions = !isMonday ? [] : p.actions.filter((a) => a.due !== undefined && a.due < o.today && (a.ownerId === undefined || a.ownerId === p.staffId)).map((a) => ({ text: a.text, due: a.due! }));
    const supervision = due.get(p.staffId);
    if ((supervision || overdueActions.length > 0 || cpdShort) && !snoozed(p.staffId, 'practitioner')) {
      nudges.push({ kind: 'practitioner', recipientId: p.staffId, supervision, overdueActions, cpdShort });
    }
  }

  const digests = new Map<string, Extract<Nudge, { kind: 'manager_digest' }>>();
  const digestFor = (managerId: string): Extract<Nudge, { kind: 'manager_digest' }> => {
    let d = digests.get(managerId);
    if (!d) digests.set(managerId, (d = { kind: 'manager_digest', recipientId: managerId, supervisees: [], escalated: [] }));
    return d;
  };
  for (const item of due.values()) {
    const person = byId.get(item.staffId)!;
    const manager = person.managerId ? byId.get(person.managerId) : undefined;
    if (!manager) continue;
    digestFor(manager.staffId).supervisees.push(item);
    const above = manager.managerId ? byId.get(manager.managerId) : undefined;
    if (above && item.standing.daysOverdue >= o.escalateAfterDays) digestFor(above.staffId).escalated.push({ ...item, managerName: manager.name });
  }
  const mostOverdueFirst = (a: DueItem, b: DueItem): number => b.standing.daysOverdue - a.standing.daysOverdue || a.name.localeCompare(b.name, 'en-GB');
  for (const d of digests.values()) {
    if (snoozed(d.recipientId, 'manager_digest')) continue;
    d.supervisees.sort(mostOverdueFirst);
    d.escalated.sort(mostOverdueFirst);
    nudges.push(d);
  }

  if (isMonday) {
    const figures = serviceFigures(active, o);
    const unreachable = active
      .filter((p) => !o.reachable.has(p.staffId))
      .map((p) => ({ staffId: p.staffId, name: p.name, why: o.stale.has(p.staffId) ? ('stale' as const) : ('never_opened' as const) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    for (const psw of active.filter((p) => p.role === 'principal_social_worker')) {
      if (!snoozed(psw.staffId, 'psw_weekly')) nudges.push({ kind: 'psw_weekly', recipientId: psw.staffId, figures, unreachable });
    }
  }
  return nudges;
}

export function serviceFigures(active: readonly PersonStatus[], o: Pick<NudgeOptions, 'today' | 'policy'>): ServiceFigures {
  let supervised = 0;
  let inDate = 0;
  let dueSoon = 0;
  let overdue = 0;
  let overdueActions = 0;
  let cpdShort = 0;
  const year = registrationYear(o.today);
  for (const p of active) {
    const s = supervisionStanding(p.nextDue, o.today, o.policy).state;
    if (s !== 'not_supervised') supervised++;
    if (s === 'in_date') inDate++;
    if (s === 'due_soon') dueSoon++;
    if (s === 'overdue') overdue++;
    overdueActions += p.overdueActions;
    if (p.cpd.required && (p.cpd.yearStart !== year.start || !p.cpd.met)) cpdShort++;
  }
  return {
    supervised,
    inDate,
    dueSoon,
    overdue,
    withinPolicyPercent: supervised === 0 ? 100 : Math.round(((supervised - overdue) / supervised) * 1000) / 10,
    overdueActions,
    cpdShort,
  };
}
