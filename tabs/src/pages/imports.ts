// Imports (the PSW, service managers and business support): choose what the file is, download its template,
// check a CSV (nothing is saved; problems are listed by row as a spreadsheet numbers them), then import exactly
// the file that was checked.
import type { ApiError, ImportApiError, ImportKindInfo, ImportKinds, ImportReport, ImportRowError } from '../../../bot/src/api/contract';
import { ApiFailure, type Api } from '../api';
import { downloadBlob } from '../csv';
import { h, replaceChildren, uid } from '../dom';
import { formatNumber, plural } from '../format';
import { announce } from '../live';
import { facts, startPage, type PageContext } from '../page';
import { errorState, loadInto, loading } from '../states';
import { dataTable } from '../table';

export function importsPage(ctx: PageContext): void {
  const body = startPage(ctx, 'Imports');
  void loadInto(
    body,
    ctx.signal,
    () => ctx.api.get<ImportKinds>('/api/imports', undefined, ctx.signal),
    (kinds) => new ImportsView(ctx, body, kinds),
    'Imports loaded',
  );
}

/** The file as it was checked: applying sends these bytes again, so what is imported is what was checked. */
interface Checked {
  kind: ImportKindInfo;
  fileName: string;
  bytes: ArrayBuffer;
  report: ImportReport;
}

interface Answer {
  status: number;
  text: string;
}

const megabytes = (bytes: number): string => `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;

class ImportsView {
  private kind: ImportKindInfo;
  private busy = false;
  private readonly radios: HTMLInputElement[] = [];
  private readonly file: HTMLInputElement;
  private readonly fileError: HTMLElement;
  private readonly checkButton: HTMLButtonElement;
  private readonly templateButton: HTMLButtonElement;
  private readonly columns: HTMLElement;
  private readonly results = h('div', { class: 'import-results' });

  constructor(
    private readonly ctx: PageContext,
    body: HTMLElement,
    private readonly info: ImportKinds,
  ) {
    const wanted = ctx.route.query.get('kind');
    this.kind = info.kinds.find((k) => k.kind === wanted) ?? info.kinds[0]!;

    const legendId = uid('kind-legend');
    const choices = info.kinds.map((kind) => {
      const id = uid('kind');
      const hintId = uid('kind-hint');
      const radio = h('input', { type: 'radio', name: 'kind', id, value: kind.kind, 'aria-describedby': hintId, checked: kind === this.kind });
      radio.addEventListener('change', () => radio.checked && this.choose(kind));
      this.radios.push(radio);
      return h('div', { class: 'choice' }, radio, h('label', { for: id }, kind.label), h('p', { class: 'hint', id: hintId }, sentence(kind.row)));
    });

    this.templateButton = h('button', { type: 'button', class: 'button secondary', onclick: () => void this.downloadTemplate() });
    this.columns = h('div');

    const fileId = uid('file');
    const fileHintId = uid('file-hint');
    const fileErrorId = uid('file-error');
    this.fileError = h('p', { class: 'field-error', id: fileErrorId, hidden: true });
    this.file = h('input', { type: 'file', id: fileId, name: 'file', accept: '.csv,text/csv', 'aria-describedby': `${fileHintId} ${fileErrorId}` });
    this.file.addEventListener('change', () => {
      this.showFileError(undefined);
      // A different file: the last check no longer says anything about it.
      this.results.replaceChildren();
    });
    this.checkButton = h('button', { type: 'submit', class: 'button' }, 'Check file');

    const form = h(
      'form',
      { class: 'import-form', 'aria-label': 'Check a file', novalidate: true },
      h('fieldset', { class: 'choices', 'aria-labelledby': legendId }, h('legend', { id: legendId }, 'What are you importing?'), choices),
      h('div', { class: 'template' }, this.templateButton, this.columns),
      h(
        'div',
        { class: 'field' },
        h('label', { for: fileId }, 'CSV file'),
        h('p', { class: 'hint', id: fileHintId }, `Save the spreadsheet as CSV (UTF-8), up to ${megabytes(info.maxBytes)}. Row 1 is the header; the template shows the columns.`),
        this.fileError,
        this.file,
      ),
      h('div', { class: 'form-actions' }, this.checkButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.check();
    });

    body.append(
      h(
        'p',
        { class: 'lede' },
        'Bring staff rosters, caseload snapshots, training registers and the course catalogue into Reflect from CSV files. Check a file first: Reflect shows what it would change and lists any problems by row, and saves nothing until you import it.',
      ),
      form,
      this.results,
    );
    this.drawKind();
  }

  private choose(kind: ImportKindInfo): void {
    if (kind === this.kind) return;
    this.kind = kind;
    this.results.replaceChildren();
    this.drawKind();
  }

  private drawKind(): void {
    this.templateButton.textContent = `Download the ${this.kind.label.toLowerCase()} template`;
    replaceChildren(
      this.columns,
      h(
        'details',
        { class: 'columns' },
        h('summary', null, `Columns in a ${this.kind.label.toLowerCase()} file`),
        h(
          'ul',
          { class: 'plain-list' },
          this.kind.columns.map((c) => h('li', null, h('code', null, c.name), c.required ? ' (required)' : ' (optional)')),
        ),
      ),
    );
  }

  private async downloadTemplate(): Promise<void> {
    const kind = this.kind;
    try {
      const answer = await request(this.ctx.api, 'GET', `/api/imports/${kind.kind}/template`);
      downloadBlob(kind.templateFileName, new Blob([answer.text], { type: 'text/csv;charset=utf-8' }));
      announce(`Downloaded ${kind.templateFileName}`);
    } catch (err) {
      this.showError(err);
    }
  }

  private showFileError(message: string | undefined): void {
    this.fileError.textContent = message ?? '';
    this.fileError.hidden = message === undefined;
    if (message === undefined) this.file.removeAttribute('aria-invalid');
    else {
      this.file.setAttribute('aria-invalid', 'true');
      this.file.focus();
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    for (const control of [this.checkButton, this.file, ...this.radios]) control.disabled = busy;
  }

  /** Sends the chosen file for a check: nothing is saved. */
  private async check(): Promise<void> {
    if (this.busy) return;
    const file = this.file.files?.[0];
    if (!file) return this.showFileError('Choose a CSV file to check.');
    if (file.size === 0) return this.showFileError(`${file.name} is empty: choose a CSV file with a header row and at least one row.`);
    if (file.size > this.info.maxBytes) return this.showFileError(`${file.name} is ${megabytes(file.size)}: Reflect accepts files of up to ${megabytes(this.info.maxBytes)}. Split it into smaller files and import each.`);
    this.showFileError(undefined);
    const kind = this.kind;
    this.setBusy(true);
    try {
      const bytes = await file.arrayBuffer();
      const report = await this.send<ImportReport>(this.results, `/api/imports/${kind.kind}/preview`, { fileName: file.name }, bytes, `Checking ${file.name}`);
      if (this.ctx.signal.aborted) return;
      this.drawCheck({ kind, fileName: file.name, bytes, report });
    } catch (err) {
      if (!this.ctx.signal.aborted) this.failed(err, () => void this.check());
    } finally {
      this.setBusy(false);
    }
  }

  /** Sends the file, with progress shown in `where`; the answer's JSON, or an ApiFailure. */
  private async send<T>(where: HTMLElement, path: string, query: Record<string, string>, bytes: ArrayBuffer, doing: string): Promise<T> {
    loading(where, `${doing}…`);
    const progress = where.querySelector<HTMLElement>('.loading')!;
    announce(`${doing}…`);
    const answer = await request(this.ctx.api, 'POST', withQuery(path, query), bytes, (sent, total) => {
      progress.textContent = sent < total ? `${doing}: sending, ${Math.floor((sent / total) * 100)}% of ${megabytes(total)}…` : `${doing}: reading the rows…`;
    });
    where.removeAttribute('aria-busy');
    return JSON.parse(answer.text) as T;
  }

  private failed(err: unknown, retry: () => void, where: HTMLElement = this.results): void {
    errorState(where, err, retry);
    const box = where.querySelector<HTMLElement>('.error');
    if (box) {
      box.tabIndex = -1;
      box.focus();
    }
  }

  private showError(err: unknown): void {
    this.failed(err, () => this.results.replaceChildren());
  }

  private drawCheck(checked: Checked): void {
    const { report, fileName } = checked;
    const headingId = uid('result');
    const changes = report.creates + report.updates;
    const title = report.fileRejected
      ? `${fileName} cannot be imported`
      : report.invalidRows > 0
        ? `${fileName}: ${plural(report.invalidRows, 'row')} with problems`
        : changes === 0
          ? `${fileName}: nothing to change`
          : `${fileName} is ready to import`;
    const heading = h('h2', { id: headingId, tabindex: -1 }, title);
    const items: [string, string][] = [
      ['Rows', formatNumber(report.rows)],
      ['Rows without problems', formatNumber(report.validRows)],
      ['Rows with problems', report.errorCount > report.invalidRows ? `${formatNumber(report.invalidRows)} (${plural(report.errorCount, 'problem')})` : formatNumber(report.invalidRows)],
      ['Would create', formatNumber(report.creates)],
      ['Would update', formatNumber(report.updates)],
      ['Unchanged', formatNumber(report.unchanged)],
    ];
    if (report.notInFile !== undefined) items.push([report.kind === 'roster' ? 'Active staff not in the file (left as they are)' : 'Courses not in the file (kept)', formatNumber(report.notInFile)]);
    if (report.leaversMarked) items.push(['Would be marked as leavers', formatNumber(report.leaversMarked)]);

    const section = h(
      'section',
      { class: 'section import-result', 'aria-labelledby': headingId },
      heading,
      h('p', null, report.summary),
      facts(items),
      report.notes.length > 0 && h('ul', { class: 'plain-list' }, report.notes.map((n) => h('li', null, n))),
      report.errors.length > 0 && this.problems(report, fileName),
      this.importControls(checked),
    );
    replaceChildren(this.results, section);
    heading.focus();
  }

  private problems(report: ImportReport, fileName: string): HTMLElement {
    const id = uid('problems');
    return h(
      'div',
      { class: 'problems', role: 'region', 'aria-labelledby': id },
      h('h3', { id }, 'Problems, by row'),
      h('p', { class: 'hint' }, 'Row numbers are as your spreadsheet shows them: row 1 is the header.'),
      report.errorCount > report.errors.length && h('p', null, `The first ${formatNumber(report.errors.length)} of ${plural(report.errorCount, 'problem')} are listed.`),
      dataTable<ImportRowError>({
        caption: `Problems in ${fileName}`,
        rows: report.errors,
        empty: 'No problems found.',
        csvName: `${report.kind}-import-problems`,
        today: this.ctx.me.today,
        columns: [
          { label: 'Row', cell: (e) => formatNumber(e.row), sort: (e) => e.row, numeric: true, rowHeader: true },
          { label: 'Column', cell: (e) => e.column || 'Whole row', sort: (e) => e.column, csv: (e) => e.column },
          { label: 'Problem', cell: (e) => e.reason, sort: (e) => e.reason },
        ],
      }),
    );
  }

  private importControls(checked: Checked): HTMLElement {
    const { report } = checked;
    const again = h('button', { type: 'button', class: 'button secondary', onclick: () => this.startAgain() }, 'Check another file');
    if (report.fileRejected) return h('div', { class: 'form-actions' }, again);
    if (report.invalidRows === 0 && report.creates + report.updates === 0) {
      return h('div', null, h('p', null, 'Nothing to import: every row matches what Reflect already holds.'), h('div', { class: 'form-actions' }, again));
    }
    const hintId = uid('import-hint');
    const hint = h('p', { class: 'hint', id: hintId });
    const button = h('button', { type: 'button', class: 'button', 'aria-describedby': hintId });
    const slot = h('div');
    let only: HTMLInputElement | undefined;
    const draw = () => {
      const onlyValid = only?.checked === true;
      const blocked = report.invalidRows > 0 && !onlyValid;
      const count = onlyValid ? report.validRows : report.rows;
      button.textContent = `Import ${plural(count, 'row')}`;
      button.disabled = blocked || report.validRows === 0;
      hint.textContent =
        report.validRows === 0
          ? 'No row can be imported: fix the problems in the file and check it again.'
          : blocked
            ? 'Fix the problems in the file and check it again, or tick “Import only the valid rows” to skip the rows with problems.'
            : onlyValid
              ? `The ${plural(report.invalidRows, 'row')} with problems will be skipped.`
              : 'Nothing is saved until you import.';
    };
    const controls: HTMLElement[] = [];
    if (report.invalidRows > 0 && report.validRows > 0) {
      const id = uid('only-valid');
      only = h('input', { type: 'checkbox', id, name: 'onlyValidRows' });
      only.addEventListener('change', draw);
      controls.push(h('div', { class: 'choice' }, only, h('label', { for: id }, `Import only the valid rows (${plural(report.validRows, 'row')}), skipping the ${plural(report.invalidRows, 'row')} with problems`)));
    }
    button.addEventListener('click', () => void this.apply(checked, only?.checked === true, slot, [button, again, ...(only ? [only] : [])]));
    draw();
    return h('div', { class: 'import-controls' }, controls, hint, slot, h('div', { class: 'form-actions' }, button, again));
  }

  /** Imports the file that was checked (the same bytes, with the hash the check answered). */
  private async apply(checked: Checked, onlyValidRows: boolean, slot: HTMLElement, controls: (HTMLButtonElement | HTMLInputElement)[]): Promise<void> {
    if (this.busy) return;
    const { kind, fileName, bytes, report } = checked;
    const count = onlyValidRows ? report.validRows : report.rows;
    const enabled = controls.map((c) => !c.disabled);
    this.setBusy(true);
    for (const c of controls) c.disabled = true;
    try {
      const query: Record<string, string> = { hash: report.fileHash, fileName };
      if (onlyValidRows) query.onlyValidRows = 'true';
      const done = await this.send<ImportReport>(slot, `/api/imports/${kind.kind}/apply`, query, bytes, `Importing ${plural(count, 'row')} from ${fileName}`);
      if (this.ctx.signal.aborted) return;
      this.drawDone(checked, done);
    } catch (err) {
      if (this.ctx.signal.aborted) return;
      controls.forEach((c, i) => (c.disabled = !enabled[i]));
      // The check stays on screen and the refusal goes above the buttons. A file that changed since the check
      // (409) is checked again; anything else can be tried again as it was.
      const changed = err instanceof ApiFailure && err.status === 409;
      this.failed(err, changed ? () => void this.check() : () => void this.apply(checked, onlyValidRows, slot, controls), slot);
    } finally {
      this.setBusy(false);
    }
  }

  private drawDone(checked: Checked, report: ImportReport): void {
    const headingId = uid('done');
    const heading = h('h2', { id: headingId, tabindex: -1 }, 'Import complete');
    const skipped = report.invalidRows > 0 ? `; ${plural(report.invalidRows, 'row')} with problems skipped` : '';
    const message = `${checked.kind.label} imported from ${checked.fileName}: ${formatNumber(report.creates)} created, ${formatNumber(report.updates)} updated, ${formatNumber(report.unchanged)} unchanged${skipped}.`;
    // The file has been imported: clear it, so it is not imported twice by accident.
    this.file.value = '';
    replaceChildren(
      this.results,
      h(
        'section',
        { class: 'section import-result', 'aria-labelledby': headingId },
        heading,
        h('p', { class: 'success', role: 'status' }, message),
        report.notes.length > 0 && h('ul', { class: 'plain-list' }, report.notes.map((n) => h('li', null, n))),
        h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'button', onclick: () => this.startAgain() }, 'Import another file')),
      ),
    );
    heading.focus();
  }

  /** Back to an empty form, the keyboard on the file input. */
  private startAgain(): void {
    this.file.value = '';
    this.showFileError(undefined);
    this.results.replaceChildren();
    this.file.focus();
  }
}

function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function withQuery(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

const KNOWN: readonly ApiError['error'][] = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'unavailable', 'internal'];

/** One request through XMLHttpRequest, which (unlike fetch) reports upload progress. Non-2xx answers become ApiFailure. */
async function request(api: Api, method: 'GET' | 'POST', path: string, body?: ArrayBuffer, onProgress?: (sent: number, total: number) => void): Promise<Answer> {
  const headers = await api.headers();
  const answer = await new Promise<Answer>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json, text/csv');
    if (body) xhr.setRequestHeader('Content-Type', 'text/csv');
    if (onProgress) {
      xhr.upload.addEventListener('progress', (e) => e.lengthComputable && onProgress(e.loaded, e.total));
      xhr.upload.addEventListener('load', () => onProgress(1, 1));
    }
    xhr.addEventListener('load', () => resolve({ status: xhr.status, text: xhr.responseText }));
    xhr.addEventListener('error', () => reject(new ApiFailure(0, 'network', 'Reflect could not reach its service. Check your connection and try again.')));
    xhr.send(body ?? null);
  });
  if (answer.status >= 200 && answer.status < 300) return answer;
  let refusal: ImportApiError | undefined;
  try {
    refusal = JSON.parse(answer.text) as ImportApiError;
  } catch {
    refusal = undefined;
  }
  const reason = typeof refusal?.reason === 'string' ? refusal.reason : answer.status === 413 ? 'The file is too large for Reflect to take.' : 'Reflect is unavailable just now. Try again in a few minutes.';
  const kind = refusal && (KNOWN as readonly string[]).includes(refusal.error) ? (refusal.error as ApiError['error']) : answer.status >= 500 ? 'unavailable' : 'bad_request';
  throw new ApiFailure(answer.status, kind, reason);
}
