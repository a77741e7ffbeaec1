// Teams has three themes; the stylesheet keys every colour off data-theme on <html>.

export type ThemeName = 'default' | 'dark' | 'contrast';
export const THEMES: { value: ThemeName; label: string }[] = [
  { value: 'default', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'contrast', label: 'High contrast' },
];

const listeners = new Set<(theme: ThemeName) => void>();

/** Teams reports 'default' | 'dark' | 'contrast'; anything else (or nothing) is the light theme. */
export function normaliseTheme(value: unknown): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export function currentTheme(): ThemeName {
  return normaliseTheme(document.documentElement.dataset.theme);
}

export function applyTheme(theme: ThemeName): void {
  document.documentElement.dataset.theme = theme;
  for (const listener of listeners) listener(theme);
}

/** Components that draw with theme colours outside CSS (the Adaptive Card renderer) redraw on a change. */
export function onThemeChange(listener: (theme: ThemeName) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const DEV_THEME_KEY = 'reflect.devTheme';

/** Outside Teams: ?theme= wins, then this session's choice, then the browser's colour scheme. */
export function devTheme(): ThemeName {
  const fromQuery = new URLSearchParams(location.search).get('theme');
  if (fromQuery) return normaliseTheme(fromQuery);
  const stored = safeSession(() => sessionStorage.getItem(DEV_THEME_KEY));
  if (stored) return normaliseTheme(stored);
  if (matchMedia('(prefers-contrast: more)').matches || matchMedia('(forced-colors: active)').matches) return 'contrast';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

export function rememberDevTheme(theme: ThemeName): void {
  safeSession(() => sessionStorage.setItem(DEV_THEME_KEY, theme));
}

/** sessionStorage throws when storage is disabled (some embedded browsers); dev mode works without it. */
export function safeSession<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
