// Hash routes, so the service only has to serve one index.html under /tab/ and a reload keeps the page.
// Filters live in the hash's query (#/workforce?team=Assessment%201) so a view can be bookmarked or shared.
import type { View } from '../../bot/src/api/contract';

export type RouteName = View | 'person' | 'privacy' | 'terms';

export interface Route {
  name: RouteName;
  /** The staff id, for person routes. */
  param?: string;
  query: URLSearchParams;
}

const SIMPLE: readonly RouteName[] = ['me', 'team', 'workforce', 'imports', 'privacy', 'terms'];

/** Null for anything that is not a page (the caller sends it to #/me). */
export function parseHash(hash: string): Route | null {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const segments = path.split('/').filter(Boolean);
  const [first, second, ...rest] = segments;
  if (first === 'person' && second && rest.length === 0) {
    try {
      return { name: 'person', param: decodeURIComponent(second), query };
    } catch {
      return null;
    }
  }
  if (first && !second && (SIMPLE as readonly string[]).includes(first)) return { name: first as RouteName, query };
  return null;
}

export function hashFor(name: RouteName, query?: Record<string, string | undefined>, param?: string): string {
  const path = name === 'person' ? `#/person/${encodeURIComponent(param ?? '')}` : `#/${name}`;
  // %20 rather than URLSearchParams' "+": the hash reads as people expect (#/workforce?team=Assessment%201).
  const qs = Object.entries(query ?? {})
    .filter(([, value]) => value)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value ?? '')}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

export const personHref = (staffId: string): string => hashFor('person', undefined, staffId);

let internalNavigations = 0;
/** Called on each hashchange: after one, "Back" can use the browser's history. */
export function noteNavigation(): void {
  internalNavigations++;
}

/** "Back" returns to where the person came from, or to a sensible page when the tab was opened on this one. */
export function goBack(fallback: string): void {
  if (internalNavigations > 0) history.back();
  else location.hash = fallback;
}
