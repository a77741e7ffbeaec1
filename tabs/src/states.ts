// Loading, empty and error states, the same on every page.
import { ApiFailure } from './api';
import { h, replaceChildren } from './dom';
import { announce } from './live';

export function loading(container: HTMLElement, text = 'Loading…'): void {
  container.setAttribute('aria-busy', 'true');
  replaceChildren(container, h('p', { class: 'loading' }, text));
}

export function reasonOf(err: unknown): string {
  if (err instanceof ApiFailure) return err.reason;
  return 'Something went wrong in the Reflect tab. Try again; if it keeps happening, reload the tab.';
}

export function errorState(container: HTMLElement, err: unknown, retry?: () => void): void {
  container.removeAttribute('aria-busy');
  const title = err instanceof ApiFailure && (err.status === 401 || err.status === 403) ? 'You cannot see this' : 'Something went wrong';
  replaceChildren(
    container,
    h(
      'div',
      { class: 'error', role: 'alert' },
      h('p', { class: 'error-title' }, title),
      h('p', null, reasonOf(err)),
      retry && h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'),
    ),
  );
}

export const empty = (text: string): HTMLElement => h('p', { class: 'empty' }, text);

/**
 * Fetch, then draw: loading while waiting, an error with "Try again" on failure, nothing if the page was
 * left meanwhile (the signal is aborted).
 */
export async function loadInto<T>(
  container: HTMLElement,
  signal: AbortSignal,
  fetcher: () => Promise<T>,
  draw: (data: T) => void,
  loadedMessage?: string,
): Promise<void> {
  loading(container);
  try {
    const data = await fetcher();
    if (signal.aborted) return;
    container.replaceChildren();
    draw(data);
    container.removeAttribute('aria-busy');
    if (loadedMessage) announce(loadedMessage);
  } catch (err) {
    if (signal.aborted) return;
    if (!(err instanceof ApiFailure)) console.error(err);
    errorState(container, err, () => void loadInto(container, signal, fetcher, draw, loadedMessage));
  }
}
