// One polite live region for the whole tab: page loads, sort changes and downloads are announced to
// screen reader users, who would otherwise not know the content changed.

let region: HTMLElement | undefined;

export function liveRegion(): HTMLElement {
  region ??= Object.assign(document.createElement('div'), { className: 'visually-hidden' });
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('role', 'status');
  return region;
}

export function announce(message: string): void {
  const el = liveRegion();
  // Clearing first makes a repeated message ("Sorted by Name, ascending" twice) be read again.
  el.textContent = '';
  setTimeout(() => {
    el.textContent = message;
  }, 50);
}
