// Two small charts drawn as SVG by hand (a chart library would double the bundle). Colours come from the
// stylesheet through classes, so they follow the theme; every chart has a text summary and a table beside it.
import type { CaseloadBucket, TrendPoint } from '../../bot/src/api/contract';
import { s, uid } from './dom';
import { formatMonth, formatNumber, formatPercent, shortMonth } from './format';

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function chartSvg(frame: Frame, title: string, description: string): SVGSVGElement {
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return s(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${frame.width} ${frame.height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      preserveAspectRatio: 'xMinYMin meet',
    },
    s('title', { id: titleId }, title),
    s('desc', { id: descId }, description),
  );
}

/** At most about five gridlines at 1, 2, 5, 10, 20, 25, 50… steps. */
function niceStep(max: number): number {
  for (const base of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) if (max / base <= 5) return base;
  return Math.ceil(max / 5);
}

function yAxis(svg: SVGSVGElement, f: Frame, max: number, step: number, label: (v: number) => string, title: string): (v: number) => number {
  const plotH = f.height - f.top - f.bottom;
  const y = (v: number): number => f.top + plotH - (v / max) * plotH;
  for (let v = 0; v <= max + 1e-9; v += step) {
    svg.append(
      s('line', { class: v === 0 ? 'axis' : 'grid', x1: f.left, x2: f.width - f.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'tick', x: f.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, label(v)),
    );
  }
  svg.append(s('text', { class: 'axis-title', x: 4, y: 14 }, title));
  return y;
}

export function trendChart(points: TrendPoint[]): SVGSVGElement {
  const f: Frame = { width: 640, height: 260, left: 48, right: 12, top: 28, bottom: 44 };
  const first = points[0];
  const last = points[points.length - 1];
  const lowest = points.reduce<TrendPoint | undefined>((lo, p) => (!lo || p.percent < lo.percent ? p : lo), undefined);
  const highest = points.reduce<TrendPoint | undefined>((hi, p) => (!hi || p.percent > hi.percent ? p : hi), undefined);
  const description =
    first && last && lowest && highest
      ? `Bar chart of the percentage of people supervised within policy each month from ${formatMonth(first.month, true)} to ${formatMonth(last.month, true)}. ` +
        `Lowest ${formatPercent(lowest.percent)} in ${formatMonth(lowest.month, true)}, highest ${formatPercent(highest.percent)} in ${formatMonth(highest.month, true)}, ` +
        `latest ${formatPercent(last.percent)}. The table that follows has the figures.`
      : 'No months to show.';
  const svg = chartSvg(f, 'Supervision within policy, last 12 months', description);
  const y = yAxis(svg, f, 100, 25, (v) => `${v}%`, '% within policy');
  const band = (f.width - f.left - f.right) / Math.max(points.length, 1);
  const barW = Math.min(36, band * 0.62);
  points.forEach((p, i) => {
    const cx = f.left + band * i + band / 2;
    const top = y(Math.max(0, Math.min(100, p.percent)));
    const base = y(0);
    svg.append(
      s('rect', { class: 'bar', x: cx - barW / 2, y: top, width: barW, height: Math.max(0, base - top) }),
      s('text', { class: 'value', x: cx, y: top - 5, 'text-anchor': 'middle' }, `${Math.round(p.percent)}%`),
      s('text', { class: 'tick', x: cx, y: base + 16, 'text-anchor': 'middle' }, shortMonth(p.month)),
    );
    // The year under the first month and under each January, so the axis reads across a year end.
    if (i === 0 || p.month.endsWith('-01')) {
      svg.append(s('text', { class: 'tick', x: cx, y: base + 32, 'text-anchor': 'middle' }, p.month.slice(0, 4)));
    }
  });
  return svg;
}

export interface Marker {
  value: number;
  label: string;
  kind: 'average' | 'threshold';
}

/** Where a caseload falls on the bucketed axis: bucket "15–19" spans 14.5 to 19.5 so whole numbers sit mid-slot. */
function positionOf(buckets: CaseloadBucket[], value: number, left: number, band: number): number {
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i]!;
    const prev = buckets[i - 1];
    const size = b.to !== undefined ? b.to - b.from + 1 : prev?.to !== undefined ? prev.to - prev.from + 1 : 5;
    const start = b.from - 0.5;
    if (value < start && i === 0) return left;
    if (value < start + size || i === buckets.length - 1) {
      return left + band * i + band * Math.min(1, Math.max(0, (value - start) / size));
    }
  }
  return left;
}

export function caseloadHistogram(buckets: CaseloadBucket[], markers: Marker[], median?: number): SVGSVGElement {
  // Each marker label takes a row above the bars; the chart grows with them so the bars keep their height
  // (a view with many part-time thresholds would otherwise squash the plot to a sliver).
  const labelRows = 32 + markers.length * 16;
  const f: Frame = { width: 640, height: labelRows + 188 + 48, left: 48, right: 12, top: labelRows, bottom: 48 };
  const total = buckets.reduce((n, b) => n + b.count, 0);
  const mode = buckets.reduce<CaseloadBucket | undefined>((m, b) => (!m || b.count > m.count ? b : m), undefined);
  const description =
    total === 0
      ? 'No caseloads to show.'
      : `Histogram of ${formatNumber(total)} people by number of children on their caseload. ` +
        `The most common range is ${mode?.label} children (${formatNumber(mode?.count ?? 0)} people). ` +
        markers.map((m) => m.label).join('; ') +
        (median !== undefined ? `; median ${formatNumber(median)}` : '') +
        '. The table that follows has the figures.';
  const svg = chartSvg(f, 'Caseload distribution', description);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = yAxis(svg, f, top, step, formatNumber, 'People');
  const band = (f.width - f.left - f.right) / Math.max(buckets.length, 1);
  buckets.forEach((b, i) => {
    const x = f.left + band * i;
    const yTop = y(b.count);
    svg.append(
      s('rect', { class: 'bar', x: x + 2, y: yTop, width: Math.max(0, band - 4), height: Math.max(0, y(0) - yTop) }),
      s('text', { class: 'tick', x: x + band / 2, y: y(0) + 16, 'text-anchor': 'middle' }, b.label),
    );
    if (b.count > 0) svg.append(s('text', { class: 'value', x: x + band / 2, y: yTop - 5, 'text-anchor': 'middle' }, formatNumber(b.count)));
  });
  svg.append(s('text', { class: 'axis-title', x: f.left + (f.width - f.left - f.right) / 2, y: f.height - 6, 'text-anchor': 'middle' }, 'Children on caseload'));
  // Markers: a line each, labelled on its own row above the bars. Rows go left to right from the top and labels
  // run away from the lines still to come, so no label crosses another marker's line.
  const placed = markers.map((m) => ({ m, x: positionOf(buckets, m.value, f.left, band) })).sort((a, b) => a.x - b.x);
  const rightward = placed.filter((p) => p.x <= f.width - 150);
  const leftward = placed.filter((p) => p.x > f.width - 150).reverse();
  [...rightward, ...leftward].forEach(({ m, x }, i) => {
    const labelY = 30 + i * 16;
    const toLeft = x > f.width - 150;
    svg.append(
      s('line', { class: `marker ${m.kind}`, x1: x, x2: x, y1: labelY + 4, y2: y(0) }),
      s('text', { class: 'marker-label', x: toLeft ? x - 5 : x + 5, y: labelY, 'text-anchor': toLeft ? 'end' : 'start' }, m.label),
    );
  });
  // Counts go on top of the marker lines, with a halo, so a line never strikes through a number.
  for (const label of svg.querySelectorAll('text.value')) svg.append(label);
  return svg;
}
