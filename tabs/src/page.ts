// What every page gets, and the frame it draws in: one h1 (focused after navigation) and a body that
// carries the loading, error and loaded states.
import type { WhoAmI } from '../../bot/src/api/contract';
import type { Api } from './api';
import { h, uid, type Child } from './dom';
import type { Route } from './router';

export interface PageContext {
  api: Api;
  me: WhoAmI;
  route: Route;
  /** Aborted when the person leaves the page, so late answers do not draw over the next one. */
  signal: AbortSignal;
  main: HTMLElement;
}

export function startPage(ctx: PageContext, title: string, ...before: Child[]): HTMLElement {
  document.title = `${title} – Reflect`;
  const body = h('div', { class: 'page-body' });
  ctx.main.replaceChildren(...before.filter((c): c is Node => c instanceof Node), h('h1', { id: 'page-title', tabindex: -1 }, title), body);
  return body;
}

/** A titled section: h2 plus content. */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uid('section');
  return h('section', { class: 'section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A <dl> of facts, label and value side by side. */
export function facts(items: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    items.map(([term, value]) => h('div', null, h('dt', null, term), h('dd', null, value))),
  );
}
