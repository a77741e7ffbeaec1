import { formatDate } from '../domain/dates';
import { CASE_TYPES, CASE_TYPE_LABELS, ROLE_LABELS } from '../domain/model';
import type { SupervisionStanding } from '../domain/supervision';
import type { CaseloadSummary, DevelopmentSummary, TeamRow } from '../domain/summaries';
import { adaptiveCard, attention, columns, commandButton, execute, facts, good, heading, subheading, subtle, text, type Card, type Json } from './card';
import { BAND_LABELS, COURSE_STATE_LABELS, SIGNS_OF_SAFETY_LABELS } from './labels';
import { VERBS } from './supervision';

/** "Due 3 Feb 2026", "Overdue by 12 days (due 3 Feb 2026)"; overdue in red. */
export function dueLine(s: SupervisionStanding): Json {
  switch (s.state) {
    case 'not_supervised':
      return subtle('Not supervised through Reflect');
    case 'overdue':
      return attention(`Overdue by ${s.daysOverdue} ${s.daysOverdue === 1 ? 'day' : 'days'} (was due ${formatDate(s.due!)})`);
    case 'due_soon':
      return text(`Due soon: ${formatDate(s.due!)}`, { color: 'Warning', weight: 'Bolder' });
    default:
      return text(`Next due ${formatDate(s.due!)}`);
  }
}

export function developmentCard(d: DevelopmentSummary): Card {
  const body: Json[] = [heading('My development'), subtle(`${d.name} · ${ROLE_LABELS[d.role]} · ${d.team}`), subheading('Supervision')];
  body.push(text(d.supervision.last ? `Last supervision ${formatDate(d.supervision.last)}` : 'No supervision recorded yet'), dueLine(d.supervision));
  if (d.supervision.cancelledSinceLast > 0) body.push(subtle(`${d.supervision.cancelledSinceLast} cancelled since then.`));
  if (d.supervision.awaitingResponse > 0) body.push(text(`${d.supervision.awaitingResponse} record(s) waiting for you to agree or comment.`));

  body.push(subheading(`Open actions (${d.actions.length})`));
  if (d.actions.length === 0) body.push(subtle('None open.'));
  for (const a of d.actions.slice(0, 8)) {
    const due = a.due ? `${a.overdue ? 'overdue, ' : ''}by ${formatDate(a.due)}` : 'no due date';
    body.push(text(`• ${a.text} (${due})`, a.overdue ? { color: 'Attention' } : {}));
  }
  if (d.actions.length > 8) body.push(subtle(`and ${d.actions.length - 8} more: type "my actions".`));

  body.push(subheading('Training'));
  const sos = d.signsOfSafety;
  body.push(
    facts([
      ['Signs of Safety', sos.held ? SIGNS_OF_SAFETY_LABELS[sos.held] : 'none recorded'],
      ...(sos.required ? ([['Expected for your role', `${SIGNS_OF_SAFETY_LABELS[sos.required]}${sos.met ? ' ✓' : ''}`]] as [string, string][]) : []),
      ...d.coreSkills.map((c) => [c.title, COURSE_STATE_LABELS[c.state]] as [string, string]),
      ...(d.kss ? ([[`KSS (${d.kss.framework})`, `${d.kss.covered.length} of ${d.kss.total} areas`]] as [string, string][]) : []),
    ]),
  );
  if (!sos.met) body.push(attention('Your Signs of Safety training is below what your role expects: talk to your manager about a place.'));

  body.push(subheading(`CPD ${d.cpd.yearLabel}`));
  if (!d.cpd.required) body.push(subtle('Not required for your role.'));
  else {
    body.push(text(`${d.cpd.entries} of ${d.cpd.minimumEntries} pieces of CPD; ${d.cpd.peerReflected >= d.cpd.minimumPeerReflected ? 'peer reflection done' : 'no peer reflection yet'}.`));
    body.push(d.cpd.met ? good('You meet the Social Work England minimum for this year.') : d.cpd.shortInRenewalWindow ? attention('Registration renews by 30 November: please log your CPD.') : subtle('Log CPD as you go: type "log cpd".'));
  }

  if (d.earlyCareer) {
    body.push(subheading('Early career programme'));
    body.push(text(`Started ${formatDate(d.earlyCareer.start)}: week ${d.earlyCareer.weeks + 1}, month ${d.earlyCareer.months + 1}. Supervision is ${d.earlyCareer.cadence} at this stage.`));
  }
  return adaptiveCard(body, [commandButton('Log CPD', 'log cpd'), commandButton('Log training', 'log training'), commandButton('My caseload', 'my caseload')]);
}

export function caseloadCard(name: string, c: CaseloadSummary): Card {
  if (!c.latest) return adaptiveCard([heading('My caseload'), text(`No caseload has been recorded for ${name}.`), subtle('Caseloads come from the case-management system each month.')]);
  const l = c.latest;
  const standing = l.threshold === undefined ? 'No threshold applies to your role.' : `${l.weighted} against a threshold of ${l.threshold}: ${BAND_LABELS[l.band!]}.`;
  return adaptiveCard([
    heading('My caseload'),
    subtle(`As at ${formatDate(l.date)}`),
    text(`**${l.total} children**. ${standing}`, l.band === 'over' ? { color: 'Attention' } : {}),
    facts(CASE_TYPES.filter((t) => l.counts[t] > 0).map((t) => [CASE_TYPE_LABELS[t], String(l.counts[t])])),
    subheading('Trend'),
    text(c.trend.map((t) => `${formatDate(t.date)}: ${t.total}`).join(' → ')),
    subtle(`For context, the national average is ${c.nationalAverage} children per children's social worker (DfE workforce census, September 2024).`),
  ]);
}

export function actionsCard(d: DevelopmentSummary): Card {
  if (d.actions.length === 0) return adaptiveCard([heading('My actions'), good('You have no open actions from supervision.')]);
  return adaptiveCard([
    heading('My actions'),
    text(`${d.actions.length} open ${d.actions.length === 1 ? 'action' : 'actions'} from your supervision records.`),
    ...d.actions.map((a) =>
      text(`• ${a.text}: ${a.due ? `${a.overdue ? '**overdue**, ' : ''}due ${formatDate(a.due)}` : 'no due date'} (from ${formatDate(a.sessionDate)})`, a.overdue ? { color: 'Attention' } : {}),
    ),
  ]);
}

export function teamCard(rows: TeamRow[]): Card {
  if (rows.length === 0) return adaptiveCard([heading('Team'), text('Nobody reports to you in Reflect yet.')]);
  const overdue = rows.filter((r) => r.supervision.state === 'overdue').length;
  return adaptiveCard([
    heading('Team'),
    text(`${rows.length} ${rows.length === 1 ? 'person' : 'people'}; ${overdue === 0 ? 'nobody is overdue for supervision' : `${overdue} overdue for supervision`}.`),
    ...rows.map((r) => ({
      type: 'Container',
      separator: true,
      items: [
        columns([
          {
            items: [
              text(`**${r.name}** · ${ROLE_LABELS[r.role]}`),
              dueLine(r.supervision),
              subtle(
                [
                  r.supervision.last ? `Last ${formatDate(r.supervision.last)}` : 'Never supervised in Reflect',
                  r.caseload ? `Caseload ${r.caseload.total}${r.caseload.threshold !== undefined ? ` of ${r.caseload.threshold}` : ''}${r.caseload.band === 'over' ? ' (over)' : ''}` : undefined,
                  `Signs of Safety ${r.signsOfSafety.held ? SIGNS_OF_SAFETY_LABELS[r.signsOfSafety.held].toLowerCase() : 'none'}${r.signsOfSafety.met ? '' : ' (below role)'}`,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ],
          },
          { width: 'auto', items: [{ type: 'ActionSet', actions: [execute('Log supervision', VERBS.openSupervision, { superviseeId: r.staffId })] }] },
        ]),
      ],
    })),
  ]);
}
