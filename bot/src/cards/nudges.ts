import { formatDate, type LocalDate } from '../domain/dates';
import type { DueItem, Nudge } from '../domain/nudges';
import { adaptiveCard, attention, columns, container, dateInput, execute, facts, heading, subheading, subtle, text, type Card, type Json } from './card';
import { dueLine } from './summaries';
import { VERBS } from './supervision';

export const NUDGE_VERBS = { snooze: 'nudge.snooze', booked: 'nudge.booked' } as const;

export const bookingField = (staffId: string): string => `booked_${staffId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const snoozeButton = (kind: Nudge['kind']): Json => execute('Remind me tomorrow', NUDGE_VERBS.snooze, { kind });

/** A practitioner's reminder: supervision due or overdue, overdue actions, CPD short in the renewal window. */
export function practitionerNudgeCard(n: Extract<Nudge, { kind: 'practitioner' }>): Card {
  const body: Json[] = [heading('A reminder from Reflect')];
  if (n.supervision) body.push(subheading('Supervision'), dueLine(n.supervision.standing), subtle('If it is not booked yet, please agree a date with your supervisor.'));
  if (n.overdueActions.length > 0) {
    body.push(subheading('Actions past their due date'));
    for (const a of n.overdueActions.slice(0, 6)) body.push(text(`• ${a.text} (due ${formatDate(a.due)})`, { color: 'Attention' }));
    if (n.overdueActions.length > 6) body.push(subtle(`and ${n.overdueActions.length - 6} more: type "my actions".`));
  }
  if (n.cpdShort) {
    body.push(
      subheading('CPD for your registration'),
      text(`This registration year (${n.cpdShort.yearLabel}) you have logged ${n.cpdShort.entries} piece(s) of CPD, ${n.cpdShort.peerReflected} reflected on with a peer. Social Work England asks for at least two, one with a peer, before renewal closes on 30 November.`),
    );
  }
  return adaptiveCard(body, [snoozeButton('practitioner'), ...(n.cpdShort ? [{ type: 'Action.Submit', title: 'Log CPD', data: { msteams: { type: 'messageBack', text: 'log cpd', displayText: 'Log CPD' } } }] : [])]);
}

function dueRow(item: DueItem, extra?: string): Json {
  return container(
    [
      columns([
        { items: [text(`**${item.name}**${extra ? ` · ${extra}` : ''}`), dueLine(item.standing)] },
        { width: 'auto', items: [{ type: 'ActionSet', actions: [execute('Log supervision', VERBS.openSupervision, { superviseeId: item.staffId })] }] },
      ]),
      columns([
        { items: dateInput(bookingField(item.staffId), `Supervision with ${item.name} booked for`, undefined, undefined) },
        { width: 'auto', items: [{ type: 'ActionSet', actions: [execute('Save booking', NUDGE_VERBS.booked, { superviseeId: item.staffId })] }] },
      ]),
    ],
    { separator: true },
  );
}

/** One card a day per manager, never one message per supervisee. */
export function managerDigestCard(n: Extract<Nudge, { kind: 'manager_digest' }>): Card {
  const overdue = n.supervisees.filter((s) => s.standing.state === 'overdue').length;
  const body: Json[] = [heading('Supervision today')];
  if (n.supervisees.length > 0) {
    body.push(text(`${n.supervisees.length} of your supervisees ${n.supervisees.length === 1 ? 'is' : 'are'} due soon or overdue${overdue ? ` (${overdue} overdue)` : ''}.`));
    body.push(...n.supervisees.map((s) => dueRow(s)));
  }
  if (n.escalated.length > 0) {
    body.push(subheading('Escalated: overdue in the teams you oversee'));
    body.push(...n.escalated.map((s) => container([text(`**${s.name}** · supervised by ${s.managerName}`), dueLine(s.standing)], { separator: true })));
  }
  body.push(subtle('Recording a booked date holds back the overdue reminder until that date.'));
  return adaptiveCard(body, [snoozeButton('manager_digest')]);
}

/** Monday's service-wide picture for the Principal Social Worker. */
export function pswWeeklyCard(n: Extract<Nudge, { kind: 'psw_weekly' }>, today: LocalDate): Card {
  const f = n.figures;
  const body: Json[] = [
    heading('Workforce this week'),
    subtle(`As at ${formatDate(today)}`),
    facts([
      ['Supervision within policy', `${f.withinPolicyPercent}% of ${f.supervised} supervised staff`],
      ['Overdue', String(f.overdue)],
      ['Due in the next few days', String(f.dueSoon)],
      ['Supervision actions past due', String(f.overdueActions)],
      ['Registered staff short of CPD', String(f.cpdShort)],
    ]),
    subheading(`Staff Reflect cannot reach (${n.unreachable.length})`),
  ];
  if (n.unreachable.length === 0) body.push(text('Everyone has opened Reflect in Teams.'));
  else {
    body.push(subtle('They have never opened Reflect, or removed it: they get no reminders until they open it in Teams.'));
    for (const u of n.unreachable.slice(0, 40)) body.push(text(`• ${u.name}${u.why === 'stale' ? ' (removed the app or left Teams)' : ''}`));
    if (n.unreachable.length > 40) body.push(subtle(`and ${n.unreachable.length - 40} more: see the workforce tab.`));
  }
  if (f.overdue > 0) body.push(attention(`${f.overdue} staff are overdue for supervision.`));
  return adaptiveCard(body, [snoozeButton('psw_weekly')]);
}

export function nudgeCard(n: Nudge, today: LocalDate): Card {
  switch (n.kind) {
    case 'practitioner':
      return practitionerNudgeCard(n);
    case 'manager_digest':
      return managerDigestCard(n);
    case 'psw_weekly':
      return pswWeeklyCard(n, today);
  }
}

export function snoozedCard(until: LocalDate): Card {
  return adaptiveCard([text(`OK: no more of these reminders until ${formatDate(until)}.`)]);
}

export function bookedCard(name: string, date: LocalDate): Card {
  return adaptiveCard([text(`Noted: supervision with ${name} is booked for ${formatDate(date)}. Overdue reminders are held back until then.`)]);
}
