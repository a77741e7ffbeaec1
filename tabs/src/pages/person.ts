// One person's development: "My development" for yourself, the same layout for someone in your line.
import type { PersonReport, SessionSummary, SubjectAccessExport } from '../../../bot/src/api/contract';
import { downloadBlob } from '../csv';
import { append, h } from '../dom';
import { formatDate, formatMinutes, formatNumber, plural } from '../format';
import { bandLabel, supervisionStateLabel } from '../labels';
import { announce } from '../live';
import { facts, section, startPage, type PageContext } from '../page';
import { openRecordDialog } from '../record-dialog';
import { goBack, hashFor } from '../router';
import { empty, loadInto, reasonOf } from '../states';
import { dataTable } from '../table';

export function personPage(ctx: PageContext, staffId: string): void {
  const mine = staffId === ctx.me.staffId;
  const fallback = ctx.me.views.includes('team') ? hashFor('team') : ctx.me.views.includes('workforce') ? hashFor('workforce') : hashFor('me');
  const back = mine && ctx.route.name === 'me' ? undefined : h('button', { type: 'button', class: 'button secondary back', onclick: () => goBack(fallback) }, '← Back');
  const title = mine ? 'My development' : 'Development record';
  const body = startPage(ctx, title, back);
  void loadInto(
    body,
    ctx.signal,
    () => ctx.api.get<PersonReport>(`/api/people/${encodeURIComponent(staffId)}`, undefined, ctx.signal),
    (report) => {
      if (!mine) {
        // The name is only known once loaded; the heading says whose record this is.
        const h1 = ctx.main.querySelector('h1');
        if (h1) h1.textContent = report.person.name;
        document.title = `${report.person.name} – Reflect`;
      }
      drawPerson(ctx, body, report, mine);
    },
    mine ? 'My development loaded' : 'Development record loaded',
  );
}

function drawPerson(ctx: PageContext, body: HTMLElement, r: PersonReport, mine: boolean): void {
  const today = ctx.me.today;
  const p = r.person;
  const sup = r.supervision;
  append(body, [
    facts([
      ['Name', p.name],
      ['Role', p.roleLabel],
      ['Team', p.team],
      ['Manager', p.managerName ?? '—'],
    ]),
    section(
      'Supervision',
      h('p', { class: `standing standing-${sup.state}` }, supervisionStateLabel(sup.state, sup.daysOverdue)),
      facts([
        ['Last supervision', formatDate(sup.last, 'None recorded')],
        ['Next due', formatDate(sup.due, 'Not set')],
        ['Days overdue', formatNumber(sup.daysOverdue)],
        [mine ? 'Records awaiting your response' : 'Records awaiting a response', formatNumber(sup.awaitingResponse)],
      ]),
    ),
    section(
      'Open actions',
      dataTable({
        caption: 'Open actions from supervision, overdue marked',
        rows: r.actions,
        empty: 'No open actions.',
        today,
        rowClass: (a) => (a.overdue ? 'row-overdue' : undefined),
        columns: [
          { label: 'Action', cell: (a) => a.text, sort: (a) => a.text, rowHeader: true },
          { label: 'Due', cell: (a) => formatDate(a.due, 'No date'), sort: (a) => a.due, nowrap: true },
          { label: 'Status', cell: (a) => (a.overdue ? h('strong', { class: 'tag tag-overdue' }, 'Overdue') : 'Open'), sort: (a) => (a.overdue ? 0 : 1) },
          { label: 'From supervision on', cell: (a) => formatDate(a.sessionDate), sort: (a) => a.sessionDate, nowrap: true },
        ],
      }),
    ),
    trainingSections(r, today),
    cpdSection(r),
    caseloadSection(r, today),
    r.earlyCareer &&
      section(
        'Early career',
        facts([
          ['Programme started', formatDate(r.earlyCareer.start)],
          ['Progress', `${plural(r.earlyCareer.weeks, 'week')} (${plural(r.earlyCareer.months, 'month')})`],
          ['Supervision cadence', r.earlyCareer.cadence],
        ]),
      ),
    historySection(ctx, r),
    mine && dataSection(ctx),
  ]);
}

function trainingSections(r: PersonReport, today: string): HTMLElement[] {
  const sos = r.signsOfSafety;
  return [
    section(
      'Signs of Safety',
      facts([
        ['Level held', sos.heldLabel ?? 'None recorded'],
        ['Level your role needs', sos.required === null ? 'None' : (sos.requiredLabel ?? sos.required)],
        ['Standing', sos.required === null ? 'Not required' : sos.met ? 'Met' : 'Not met'],
      ]),
    ),
    section(
      'Core skills',
      dataTable({
        caption: 'Core skills workshops',
        rows: r.coreSkills,
        empty: 'No core skills workshops apply.',
        today,
        columns: [
          { label: 'Workshop', cell: (c) => c.title, sort: (c) => c.title, rowHeader: true },
          { label: 'Standing', cell: (c) => c.stateLabel, sort: (c) => c.stateLabel },
        ],
      }),
    ),
    section(
      'Knowledge and Skills Statements',
      r.kss
        ? [
            h('p', null, `${r.kss.framework}: ${formatNumber(r.kss.covered.length)} of ${plural(r.kss.total, 'area')} covered.`),
            r.kss.covered.length > 0 ? h('ul', { class: 'plain-list' }, r.kss.covered.map((area) => h('li', null, area))) : empty('No areas covered yet.'),
          ]
        : empty('No Knowledge and Skills Statement framework applies.'),
    ),
    section(
      'Training record',
      dataTable({
        caption: 'Training attended and booked, newest first',
        rows: r.training,
        empty: 'No training recorded.',
        csvName: 'training',
        today,
        columns: [
          { label: 'Date', cell: (t) => formatDate(t.date), sort: (t) => t.date, nowrap: true },
          { label: 'Course', cell: (t) => t.course, sort: (t) => t.course, rowHeader: true },
          { label: 'Status', cell: (t) => t.status, sort: (t) => t.status },
          { label: 'Hours', cell: (t) => formatNumber(t.hours), sort: (t) => t.hours, numeric: true },
        ],
      }),
    ),
  ];
}

function cpdSection(r: PersonReport): HTMLElement {
  const c = r.cpd;
  return section(
    'CPD',
    c.required
      ? [
          h('p', { class: 'standing' }, c.met ? `Met for ${c.yearLabel}` : `Not yet met for ${c.yearLabel}`),
          facts([
            ['Registration year', c.yearLabel],
            ['CPD entries', `${formatNumber(c.entries)} of at least ${formatNumber(c.minimumEntries)}`],
            ['Reflected on with a peer', `${formatNumber(c.peerReflected)} of at least ${formatNumber(c.minimumPeerReflected)}`],
          ]),
        ]
      : h('p', null, `CPD for Social Work England is not required for this role (registration year ${c.yearLabel}). Entries recorded: ${formatNumber(c.entries)}.`),
  );
}

function caseloadSection(r: PersonReport, today: string): HTMLElement {
  const c = r.caseload;
  if (!c) return section('Caseload', empty('No caseload recorded.'));
  return section(
    'Caseload',
    h(
      'p',
      { class: 'standing' },
      c.threshold === undefined
        ? `${plural(c.total, 'child', 'children')}`
        : `${plural(c.total, 'child', 'children')} against a threshold of ${formatNumber(c.threshold)}: ${bandLabel(c.band).toLowerCase()}`,
    ),
    facts([
      ['Children', formatNumber(c.total)],
      ['Weighted', formatNumber(c.weighted)],
      ['Threshold', c.threshold === undefined ? 'None set' : formatNumber(c.threshold)],
      ['National average', `${formatNumber(c.nationalAverage)} children per social worker`],
      ['As of', formatDate(c.asOf)],
    ]),
    dataTable({
      caption: 'Recent caseload counts',
      rows: c.trend,
      empty: 'No earlier counts.',
      today,
      columns: [
        { label: 'Date', cell: (t) => formatDate(t.date), sort: (t) => t.date, nowrap: true, rowHeader: true },
        { label: 'Children', cell: (t) => formatNumber(t.total), sort: (t) => t.total, numeric: true },
      ],
    }),
  );
}

function responseText(s: SessionSummary): string {
  if (s.status === 'cancelled') return '—';
  if (!s.response) return 'Awaiting response';
  const base = s.response.agreed ? 'Agreed' : 'Not agreed';
  return s.response.comment ? `${base}, with a comment: “${s.response.comment}”` : base;
}

function historySection(ctx: PageContext, r: PersonReport): HTMLElement {
  const history = r.supervision.history;
  if (!history) return section('Supervision history', h('p', null, 'Supervision records are not shown in this view.'));
  return section(
    'Supervision history',
    dataTable<SessionSummary>({
      caption: 'Supervision sessions, newest first',
      rows: history,
      empty: 'No supervision recorded yet.',
      today: ctx.me.today,
      columns: [
        { label: 'Date', cell: (s) => formatDate(s.date), sort: (s) => s.date, nowrap: true, rowHeader: true },
        {
          label: 'Type',
          cell: (s) => (s.status === 'cancelled' ? `${s.typeLabel}, cancelled${s.cancellationReason ? `: ${s.cancellationReason}` : ''}` : s.typeLabel),
          sort: (s) => s.typeLabel,
        },
        { label: 'Supervisor', cell: (s) => s.supervisorName, sort: (s) => s.supervisorName },
        { label: 'Length', cell: (s) => (s.status === 'cancelled' ? '—' : formatMinutes(s.durationMinutes)), sort: (s) => s.durationMinutes, numeric: true },
        {
          label: 'Actions',
          cell: (s) => {
            const open = s.actions.filter((a) => a.status === 'open').length;
            return s.actions.length === 0 ? 'None' : `${formatNumber(s.actions.length)} (${formatNumber(open)} open)`;
          },
          sort: (s) => s.actions.length,
          numeric: true,
        },
        { label: 'Response', cell: responseText, sort: responseText },
        {
          label: 'Record',
          cell: (s) =>
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary small',
                'aria-label': `View record, ${formatDate(s.date)}`,
                onclick: (event: Event) => void openRecordDialog(ctx.api, r.person.staffId, s, event.currentTarget as HTMLElement),
              },
              'View record',
            ),
        },
      ],
    }),
  );
}

function dataSection(ctx: PageContext): HTMLElement {
  const status = h('p', { class: 'hint', role: 'status' });
  const button = h('button', { type: 'button', class: 'button secondary' }, 'Download my data');
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    status.removeAttribute('role');
    status.setAttribute('role', 'status');
    status.textContent = 'Preparing your data…';
    try {
      const data = await ctx.api.get<SubjectAccessExport>(`/api/people/${encodeURIComponent(ctx.me.staffId)}/export`);
      const file = `reflect-my-data-${ctx.me.today}.json`;
      downloadBlob(file, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      status.textContent = `Downloaded ${file}.`;
      announce(`Downloaded ${file}`);
    } catch (err) {
      status.setAttribute('role', 'alert');
      status.textContent = reasonOf(err);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return section(
    'Your data',
    h('p', null, 'Reflect holds your supervision, training, CPD and caseload records as employment records. You can download everything it holds about you as a JSON file.'),
    button,
    status,
  );
}
