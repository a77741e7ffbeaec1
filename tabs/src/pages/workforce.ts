// The workforce report (PSW, service managers) and the team report (managers) share one shape and one page.
import type { AsyeRow, CaseloadBucket, CaseloadRow, CoreSkillRow, CpdRow, KssRow, OverdueRow, PersonLink, SignsOfSafetyRow, TeamSupervisionRow, TrendPoint, WorkforceReport } from '../../../bot/src/api/contract';
import { caseloadHistogram, trendChart, type Marker } from '../charts';
import { append, h, uid } from '../dom';
import { andList, formatDate, formatMonth, formatNumber, formatPercent, plural } from '../format';
import { bandLabel, supervisionStateLabel } from '../labels';
import { section, startPage, type PageContext } from '../page';
import { hashFor, personHref } from '../router';
import { loadInto } from '../states';
import { dataTable, type Column } from '../table';
import { auditSampleSection } from './audit-sample';

// Set when the filters are applied, so focus goes back to the filter button once the page has redrawn.
let refocusFilters = false;

export function workforcePage(ctx: PageContext, scope: 'workforce' | 'team'): void {
  const title = scope === 'workforce' ? 'Workforce' : 'My team';
  const body = startPage(ctx, title);
  const team = ctx.route.query.get('team') ?? undefined;
  const role = ctx.route.query.get('role') ?? undefined;
  void loadInto(
    body,
    ctx.signal,
    () => ctx.api.get<WorkforceReport>(`/api/${scope}`, { team, role }, ctx.signal),
    (report) => drawReport(ctx, body, report),
    `${title} loaded`,
  );
}

const nameCell = (p: PersonLink): HTMLElement => h('a', { href: personHref(p.staffId), class: 'person-link' }, p.name);
const nameColumn = <R extends PersonLink>(): Column<R> => ({ label: 'Name', cell: nameCell, sort: (r) => r.name, rowHeader: true });
const teamColumn = <R extends PersonLink>(): Column<R> => ({ label: 'Team', cell: (r) => r.team, sort: (r) => r.team });
const roleColumn = <R extends PersonLink>(): Column<R> => ({ label: 'Role', cell: (r) => r.roleLabel, sort: (r) => r.roleLabel });
const num = <R,>(label: string, get: (r: R) => number | undefined): Column<R> => ({
  label,
  cell: (r) => {
    const v = get(r);
    return v === undefined ? '—' : formatNumber(v);
  },
  sort: get,
  numeric: true,
});
const pct = <R,>(label: string, get: (r: R) => number): Column<R> => ({ label, cell: (r) => formatPercent(get(r)), sort: get, numeric: true });
const date = <R,>(label: string, get: (r: R) => string | undefined, blank = '—'): Column<R> => ({
  label,
  cell: (r) => formatDate(get(r), blank),
  sort: get,
  nowrap: true,
});

function drawReport(ctx: PageContext, body: HTMLElement, report: WorkforceReport): void {
  const today = ctx.me.today;
  const s = report.supervision;
  append(body, [
    h('p', { class: 'lede' }, `Figures as of ${formatDate(report.asOf)}${scopeNote(report)}.`),
    filtersForm(report),
    headlines(report),
    section(
      'Overdue supervision',
      dataTable<OverdueRow>({
        caption: 'People overdue for supervision, most overdue first',
        rows: s.overdue,
        empty: 'No one is overdue for supervision.',
        csvName: 'overdue',
        today,
        columns: [
          nameColumn(),
          teamColumn(),
          { label: 'Manager', cell: (r) => r.managerName ?? '—', sort: (r) => r.managerName },
          date('Last supervision', (r) => r.lastSupervision, 'Never'),
          date('Due', (r) => r.due),
          num('Days overdue', (r) => r.daysOverdue),
        ],
      }),
    ),
    section(
      'Supervision by team',
      dataTable<TeamSupervisionRow>({
        caption: 'Supervision within policy by team',
        rows: s.byTeam,
        empty: 'No teams to show.',
        csvName: 'supervision-by-team',
        today,
        columns: [
          { label: 'Team', cell: (r) => r.team, sort: (r) => r.team, rowHeader: true },
          num('Supervised', (r) => r.supervised),
          num('Within policy', (r) => r.withinPolicy),
          num('Overdue', (r) => r.overdue),
          pct('% within policy', (r) => r.percent),
        ],
      }),
    ),
    section(
      'Supervision over 12 months',
      h(
        'div',
        { class: 'chart-pair' },
        s.trend.length > 0 && h('figure', { class: 'chart-figure' }, trendChart(s.trend)),
        dataTable<TrendPoint>({
        caption: 'Supervision within policy by month, oldest first',
        rows: s.trend,
        empty: 'No months to show yet.',
        csvName: 'supervision-trend',
        today,
        columns: [
          { label: 'Month', cell: (r) => formatMonth(r.month), sort: (r) => r.month, csv: (r) => r.month, rowHeader: true, nowrap: true },
          num('Within policy', (r) => r.withinPolicy),
          num('Supervised', (r) => r.supervised),
          pct('% within policy', (r) => r.percent),
        ],
      }),
      ),
    ),
    trainingSections(report, today),
    caseloadSection(report, today),
    cpdSection(report, today),
    section(
      'ASYE cohort',
      dataTable<AsyeRow>({
        caption: 'Social workers in their early career programme',
        rows: report.asye,
        empty: 'No one is in their early career programme.',
        csvName: 'asye-cohort',
        today,
        columns: [
          nameColumn(),
          teamColumn(),
          date('Started', (r) => r.start),
          { label: 'Progress', cell: (r) => `${plural(r.weeks, 'week')} (${plural(r.months, 'month')})`, sort: (r) => r.weeks },
          { label: 'Supervision cadence', cell: (r) => r.cadence, sort: (r) => r.cadence },
          { label: 'Supervision', cell: (r) => supervisionStateLabel(r.supervision), sort: (r) => supervisionStateLabel(r.supervision) },
          date('Last supervision', (r) => r.lastSupervision, 'Never'),
          date('Due', (r) => r.due),
          { label: 'Signs of Safety', cell: (r) => (r.signsOfSafetyMet ? 'Met' : 'Not met'), sort: (r) => r.signsOfSafetyMet },
          {
            label: 'Caseload',
            cell: (r) => (r.caseload === undefined ? '—' : r.caseloadThreshold === undefined ? formatNumber(r.caseload) : `${formatNumber(r.caseload)} of ${formatNumber(r.caseloadThreshold)}`),
            sort: (r) => r.caseload,
            numeric: true,
          },
        ],
      }),
    ),
    report.scope === 'workforce' && auditSampleSection(ctx),
  ]);
  if (refocusFilters) {
    refocusFilters = false;
    body.querySelector<HTMLElement>('#apply-filters')?.focus();
  }
}

function scopeNote(report: WorkforceReport): string {
  const parts = [report.filters.team, report.options.roles.find((r) => r.value === report.filters.role)?.label].filter(Boolean);
  return parts.length > 0 ? `, filtered to ${parts.join(', ')}` : '';
}

function filtersForm(report: WorkforceReport): HTMLElement {
  const teamId = uid('team');
  const roleId = uid('role');
  const team = h(
    'select',
    { id: teamId, name: 'team' },
    h('option', { value: '' }, 'All teams'),
    report.options.teams.map((t) => h('option', { value: t, selected: t === report.filters.team }, t)),
  );
  const role = h(
    'select',
    { id: roleId, name: 'role' },
    h('option', { value: '' }, 'All roles'),
    report.options.roles.map((r) => h('option', { value: r.value, selected: r.value === report.filters.role }, r.label)),
  );
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    h('div', { class: 'field' }, h('label', { for: teamId }, 'Team'), team),
    h('div', { class: 'field' }, h('label', { for: roleId }, 'Role'), role),
    h('button', { type: 'submit', class: 'button', id: 'apply-filters' }, 'Apply filters'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = hashFor(report.scope, { team: team.value, role: role.value });
    if (next === location.hash) return;
    refocusFilters = true;
    location.hash = next;
  });
  return form;
}

function headlines(report: WorkforceReport): HTMLElement {
  const s = report.supervision;
  const stat = (label: string, value: string, detail: string) =>
    h('div', { class: 'stat' }, h('dt', null, label), h('dd', { class: 'stat-value' }, value), h('dd', { class: 'stat-detail' }, detail));
  return h(
    'dl',
    { class: 'stats', 'aria-label': 'Headline figures' },
    stat('Supervision within policy', formatPercent(s.percent), `${formatNumber(s.withinPolicy)} of ${plural(s.supervised, 'person', 'people')}`),
    stat('People', formatNumber(report.people), 'active, in this view'),
    stat('Overdue supervision', formatNumber(s.overdue.length), s.overdue.length === 1 ? 'person overdue' : 'people overdue'),
    stat('CPD met', formatPercent(report.cpd.percent), `${formatNumber(report.cpd.met)} of ${formatNumber(report.cpd.required)}, ${report.cpd.yearLabel}`),
  );
}

function trainingSections(report: WorkforceReport, today: string): HTMLElement[] {
  const t = report.training;
  return [
    section(
      'Signs of Safety',
      dataTable<SignsOfSafetyRow>({
        caption: 'Signs of Safety training held against what each role requires',
        rows: t.signsOfSafety,
        empty: 'No one in this view needs Signs of Safety training.',
        csvName: 'signs-of-safety',
        today,
        columns: [
          { label: 'Level', cell: (r) => r.label, sort: (r) => r.label, rowHeader: true },
          num('Required', (r) => r.required),
          num('Held', (r) => r.held),
          pct('% held', (r) => r.percent),
        ],
      }),
    ),
    section(
      'Core skills',
      dataTable<CoreSkillRow>({
        caption: 'Core skills workshops: who has done, booked or still needs each one',
        rows: t.coreSkills,
        empty: 'No core skills workshops in the catalogue.',
        csvName: 'core-skills',
        today,
        columns: [
          { label: 'Workshop', cell: (r) => r.title, sort: (r) => r.title, rowHeader: true },
          num('Done', (r) => r.done),
          num('Booked', (r) => r.booked),
          num('Expired', (r) => r.expired),
          num('Missing', (r) => r.missing),
          pct('% done', (r) => r.percent),
        ],
      }),
    ),
    section(
      'Knowledge and Skills Statements',
      dataTable<KssRow>({
        caption: 'Knowledge and Skills Statement areas covered',
        rows: t.kss,
        empty: 'No Knowledge and Skills Statement records yet.',
        csvName: 'kss',
        today,
        columns: [
          { label: 'Framework', cell: (r) => r.framework, sort: (r) => r.framework },
          { label: 'Area', cell: (r) => r.area, sort: (r) => r.area, rowHeader: true },
          num('Covered', (r) => r.covered),
          num('People', (r) => r.people),
          pct('% covered', (r) => r.percent),
        ],
      }),
    ),
  ];
}

function caseloadSection(report: WorkforceReport, today: string): HTMLElement {
  const c = report.caseloads;
  const markers: Marker[] = [
    { value: c.nationalAverage, label: `National average ${formatNumber(c.nationalAverage)}`, kind: 'average' },
    ...c.thresholds.map((t): Marker => ({ value: t, label: `Threshold ${formatNumber(t)}`, kind: 'threshold' })),
  ];
  const total = c.distribution.reduce((n, b) => n + b.count, 0);
  return section(
    'Caseloads',
    h(
      'p',
      null,
      `The national average is ${formatNumber(c.nationalAverage)} children per children's social worker (DfE workforce census, September 2024). ` +
        (c.thresholds.length > 0 ? `Thresholds in this view: ${andList(c.thresholds.map(formatNumber))} children. ` : '') +
        (c.median !== undefined ? `Median caseload: ${formatNumber(c.median)}.` : ''),
    ),
    h(
      'div',
      { class: 'chart-pair' },
      total > 0 && h('figure', { class: 'chart-figure' }, caseloadHistogram(c.distribution, markers, c.median)),
      dataTable<CaseloadBucket>({
      caption: 'Caseload distribution: people by number of children',
      rows: c.distribution,
      empty: 'No caseloads recorded yet.',
      csvName: 'caseload-distribution',
      today,
      columns: [
        { label: 'Children', cell: (r) => r.label, sort: (r) => r.from, csv: (r) => r.label, rowHeader: true },
        num('People', (r) => r.count),
      ],
    }),
    ),
    dataTable<CaseloadRow>({
      caption: 'Caseloads by person, highest against their threshold first',
      rows: c.people,
      empty: 'No caseloads recorded yet.',
      csvName: 'caseloads',
      today,
      rowClass: (r) => (r.band === 'over' ? 'row-over' : r.band === 'near' ? 'row-near' : undefined),
      columns: [
        nameColumn(),
        teamColumn(),
        roleColumn(),
        num('Children', (r) => r.total),
        num('Weighted', (r) => r.weighted),
        num('Threshold', (r) => r.threshold),
        {
          label: 'Standing',
          cell: (r) => h('span', { class: `band band-${r.band ?? 'none'}` }, bandLabel(r.band)),
          sort: (r) => (r.threshold ? r.weighted / r.threshold : undefined),
          csv: (r) => bandLabel(r.band),
        },
        date('As of', (r) => r.asOf),
      ],
    }),
  );
}

function cpdSection(report: WorkforceReport, today: string): HTMLElement {
  const cpd = report.cpd;
  // The report lists everyone who owes CPD; the table is for following up those still short.
  const short = cpd.people.filter((p) => !p.met);
  return section(
    'CPD',
    h(
      'p',
      null,
      `Registration year ${cpd.yearLabel}: ${formatNumber(cpd.met)} of ${plural(cpd.required, 'registered social worker')} ` +
        `have recorded the CPD Social Work England asks for (${formatPercent(cpd.percent)}).`,
    ),
    dataTable<CpdRow>({
      caption: `People short of CPD, ${cpd.yearLabel}`,
      rows: short,
      empty: 'Everyone who owes CPD has recorded enough this year.',
      csvName: 'cpd-short',
      today,
      columns: [
        nameColumn(),
        teamColumn(),
        roleColumn(),
        num('CPD entries', (r) => r.entries),
        num('Reflected with a peer', (r) => r.peerReflected),
      ],
    }),
  );
}

