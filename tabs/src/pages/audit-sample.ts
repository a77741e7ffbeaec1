// A random, repeatable sample of supervision records for the PSW's quality audit. The seed makes it
// repeatable: anyone re-running the same seed over the same period gets the same records to check.
import type { AuditRecord, AuditSample } from '../../../bot/src/api/contract';
import { h, uid } from '../dom';
import { addMonths, formatDate, formatMinutes, formatNumber, plural } from '../format';
import { flagLabel, responseLabel } from '../labels';
import { section, type PageContext } from '../page';
import { personHref } from '../router';
import { loadInto } from '../states';
import { dataTable } from '../table';

export function auditSampleSection(ctx: PageContext): HTMLElement {
  const today = ctx.me.today;
  const field = (label: string, input: HTMLInputElement, hint?: string) => {
    const hintId = hint ? uid('hint') : undefined;
    if (hintId) input.setAttribute('aria-describedby', hintId);
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hint && h('p', { class: 'hint', id: hintId }, hint));
  };
  const n = h('input', { id: uid('n'), name: 'n', type: 'number', min: 1, max: 50, step: 1, value: 10, required: true, inputmode: 'numeric' });
  const seed = h('input', { id: uid('seed'), name: 'seed', type: 'text', value: today, required: true, maxlength: 100, autocomplete: 'off' });
  const from = h('input', { id: uid('from'), name: 'from', type: 'date', value: addMonths(today, -3), max: today, required: true });
  const to = h('input', { id: uid('to'), name: 'to', type: 'date', value: today, max: today, required: true });
  const results = h('div', { class: 'audit-results' });
  let controller: AbortController | undefined;

  const form = h(
    'form',
    { class: 'audit-form', 'aria-label': 'Audit sample' },
    field('Number of records', n, 'From 1 to 50.'),
    field('Seed', seed, 'Any text. The same seed gives the same sample.'),
    field('Period from', from),
    field('Period to', to),
    h('button', { type: 'submit', class: 'button' }, 'Draw sample'),
  );
  to.addEventListener('input', () => to.setCustomValidity(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    to.setCustomValidity(from.value && to.value && to.value < from.value ? 'The end of the period must be on or after its start.' : '');
    if (!form.reportValidity()) return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    ctx.signal.addEventListener('abort', () => current.abort());
    const query = { n: n.value, seed: seed.value.trim(), from: from.value, to: to.value };
    void loadInto(
      results,
      current.signal,
      () => ctx.api.get<AuditSample>('/api/workforce/audit-sample', query, current.signal),
      (sample) => drawSample(results, sample, today),
      'Audit sample drawn',
    );
  });

  return section(
    'Audit sample',
    h(
      'p',
      null,
      'Draw a random sample of held supervision records to audit against the 4x4x4 model. ',
      h('strong', null, 'The same seed gives the same sample'),
      ' over the same period, so a colleague can check the selection.',
    ),
    form,
    results,
  );
}

function drawSample(container: HTMLElement, sample: AuditSample, today: string): void {
  container.append(
    h(
      'p',
      null,
      `${plural(sample.records.length, 'record')} drawn from ${plural(sample.population, 'held record')} between ${formatDate(sample.from)} and ${formatDate(sample.to)}, with seed “${sample.seed}”.`,
    ),
    dataTable<AuditRecord>({
      caption: `Audit sample, seed “${sample.seed}”`,
      rows: sample.records,
      empty: 'No held supervision records in that period.',
      csvName: 'audit-sample',
      today,
      pageSize: 50,
      columns: [
        { label: 'Date', cell: (r) => formatDate(r.date), sort: (r) => r.date, nowrap: true },
        { label: 'Supervisee', cell: (r) => h('a', { href: personHref(r.supervisee.staffId), class: 'person-link' }, r.supervisee.name), sort: (r) => r.supervisee.name, rowHeader: true },
        { label: 'Team', cell: (r) => r.supervisee.team, sort: (r) => r.supervisee.team },
        { label: 'Supervisor', cell: (r) => r.supervisorName, sort: (r) => r.supervisorName },
        { label: 'Type', cell: (r) => `${r.typeLabel}, ${formatMinutes(r.durationMinutes)}`, sort: (r) => r.typeLabel },
        { label: 'Functions', cell: (r) => `${r.functions}/4`, sort: (r) => r.functions, csv: (r) => `${r.functions} of 4`, numeric: true },
        { label: 'Cycle', cell: (r) => `${r.cycle}/4`, sort: (r) => r.cycle, csv: (r) => `${r.cycle} of 4`, numeric: true },
        {
          label: 'Specific actions',
          cell: (r) => `${formatNumber(r.specificActions)}/${formatNumber(r.actions)}`,
          sort: (r) => (r.actions === 0 ? undefined : r.specificActions / r.actions),
          csv: (r) => `${r.specificActions} of ${r.actions}`,
          numeric: true,
        },
        {
          label: 'Flags',
          cell: (r) => (r.qualityFlags.length === 0 ? 'None' : r.qualityFlags.map(flagLabel).join('; ')),
          sort: (r) => r.qualityFlags.length,
          csv: (r) => r.qualityFlags.map(flagLabel).join('; '),
        },
        { label: 'Response', cell: (r) => responseLabel(r.response), sort: (r) => responseLabel(r.response) },
      ],
    }),
  );
}
