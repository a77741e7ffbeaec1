// A data table people can sort and take away: a real <table> with a caption and header scopes, sort buttons
// in the headers (aria-sort follows), the first rows with "Show all", and a CSV of every row in the shown order.
import { downloadCsv, type CsvValue } from './csv';
import { h, replaceChildren, uid, type Child } from './dom';
import { announce } from './live';
import { empty } from './states';

export type SortValue = string | number | boolean | undefined | null;

export interface Column<R> {
  label: string;
  cell: (row: R) => Child;
  /** The value sorted on; without it the column does not sort. */
  sort?: (row: R) => SortValue;
  /** The value exported; defaults to the sort value, then the cell's text. */
  csv?: (row: R) => CsvValue;
  numeric?: boolean;
  /** Keep the cell on one line (dates: "4 Dec 2026" should not break). */
  nowrap?: boolean;
  /** The cell names the row (th scope="row"). */
  rowHeader?: boolean;
}

export interface TableOptions<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** File name stem for "Download CSV" ("overdue" -> reflect-overdue-2026-11-24.csv); none, no download. */
  csvName?: string;
  /** The service's today, for file names. */
  today: string;
  /** Rows shown before "Show all". */
  pageSize?: number;
  rowClass?: (row: R) => string | undefined;
}

type Direction = 'ascending' | 'descending';

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function compare(a: SortValue, b: SortValue): number {
  // Blanks last whichever way round, so "no caseload" never tops a list.
  const blankA = a === undefined || a === null || a === '';
  const blankB = b === undefined || b === null || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

function textOf(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (Array.isArray(child)) return child.map(textOf).join('');
  if (typeof child === 'object') return child.textContent ?? '';
  return String(child);
}

export function dataTable<R>(options: TableOptions<R>): HTMLElement {
  const { caption, columns, rows, csvName, pageSize = 25 } = options;
  if (rows.length === 0) return empty(options.empty);

  const wrapper = h('div', { class: 'table-block' });
  const captionId = uid('caption');
  const table = h('table', { class: 'data' });
  const tbody = h('tbody');
  const headRow = h('tr');
  const status = h('p', { class: 'table-status' });
  const showAll = h('button', { type: 'button', class: 'button secondary' });

  let order = rows.slice();
  let sortIndex: number | undefined;
  let direction: Direction = 'ascending';
  let expanded = rows.length <= pageSize;

  const headers = columns.map((column, index) => {
    const th = h('th', { scope: 'col', class: column.numeric ? 'num' : undefined });
    if (!column.sort) {
      th.textContent = column.label;
      return th;
    }
    const icon = h('span', { class: 'sort-icon', 'aria-hidden': 'true' });
    th.append(h('button', { type: 'button', class: 'sort', onclick: () => sortBy(index) }, column.label, icon));
    return th;
  });
  headRow.append(...headers);

  function sortBy(index: number): void {
    const column = columns[index];
    if (!column?.sort) return;
    direction = sortIndex === index && direction === 'ascending' ? 'descending' : 'ascending';
    sortIndex = index;
    const key = column.sort;
    const sign = direction === 'ascending' ? 1 : -1;
    order = rows
      .map((row, i) => ({ row, i, value: key(row) }))
      .sort((a, b) => {
        const blank = (v: SortValue) => v === undefined || v === null || v === '';
        // Blanks stay last in both directions; ties keep the service's order.
        if (blank(a.value) || blank(b.value)) return compare(a.value, b.value) || a.i - b.i;
        return sign * compare(a.value, b.value) || a.i - b.i;
      })
      .map((x) => x.row);
    headers.forEach((th, i) => {
      if (i === index) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    });
    drawRows();
    announce(`${caption}: sorted by ${column.label}, ${direction}`);
  }

  function drawRows(): void {
    const shown = expanded ? order : order.slice(0, pageSize);
    replaceChildren(
      tbody,
      shown.map((row) =>
        h(
          'tr',
          { class: options.rowClass?.(row) },
          columns.map((column) => {
            const cls = [column.numeric && 'num', column.nowrap && 'nowrap'].filter(Boolean).join(' ') || undefined;
            return column.rowHeader ? h('th', { scope: 'row', class: cls }, column.cell(row)) : h('td', { class: cls }, column.cell(row));
          }),
        ),
      ),
    );
    status.textContent = expanded ? '' : `Showing ${shown.length} of ${rows.length} rows.`;
    status.hidden = expanded;
    showAll.hidden = expanded;
  }

  showAll.textContent = `Show all ${rows.length} rows`;
  showAll.addEventListener('click', () => {
    const firstNew = pageSize;
    expanded = true;
    drawRows();
    // Keep the keyboard where the new rows start rather than losing focus with the removed button.
    const link = tbody.rows[firstNew]?.querySelector<HTMLElement>('a, button');
    (link ?? table).focus();
    announce(`Showing all ${rows.length} rows`);
  });
  table.tabIndex = -1;

  function exportCsv(): void {
    const header = columns.map((c) => c.label);
    const body = order.map((row) =>
      columns.map((c): CsvValue => {
        if (c.csv) return c.csv(row);
        if (c.sort) {
          const v = c.sort(row);
          return typeof v === 'boolean' ? (v ? 'Yes' : 'No') : v;
        }
        return textOf(c.cell(row));
      }),
    );
    const file = `reflect-${csvName}-${options.today}.csv`;
    downloadCsv(file, header, body);
    announce(`Downloaded ${file}`);
  }

  table.append(h('caption', { id: captionId }, caption), h('thead', null, headRow), tbody);
  drawRows();

  const scroller = h('div', { class: 'table-scroll' }, table);
  keyboardScrollable(scroller, captionId);
  wrapper.append(
    scroller,
    h(
      'div',
      { class: 'table-actions' },
      status,
      showAll,
      csvName &&
        h(
          'button',
          { type: 'button', class: 'button secondary', 'aria-label': `Download CSV: ${caption}`, onclick: exportCsv },
          'Download CSV',
        ),
    ),
  );
  return wrapper;
}

/** A table wider than the screen scrolls sideways; only then does its scroller take focus (so keys can scroll it). */
function keyboardScrollable(scroller: HTMLElement, labelId: string): void {
  if (typeof ResizeObserver === 'undefined') return;
  new ResizeObserver(() => {
    if (scroller.scrollWidth > scroller.clientWidth + 1) {
      scroller.tabIndex = 0;
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-labelledby', labelId);
    } else {
      scroller.removeAttribute('tabindex');
      scroller.removeAttribute('role');
      scroller.removeAttribute('aria-labelledby');
    }
  }).observe(scroller);
}
