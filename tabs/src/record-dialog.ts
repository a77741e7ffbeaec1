// A supervision record shown as the same Adaptive Card the bot sends, in a modal dialog. The adaptivecards
// library is about as big as the rest of the tab together, so it is fetched the first time someone opens a record.
import type { RecordCard, SessionSummary } from '../../bot/src/api/contract';
import type { Api } from './api';
import { h, uid } from './dom';
import { formatDate } from './format';
import { announce } from './live';
import { errorState, loading } from './states';
import { onThemeChange } from './theme';

type AdaptiveCards = typeof import('adaptivecards');
let library: Promise<AdaptiveCards> | undefined;

function loadLibrary(): Promise<AdaptiveCards> {
  library ??= import('adaptivecards').catch((err: unknown) => {
    library = undefined; // a failed chunk load (network) may work next time
    throw err;
  });
  return library;
}

/** The card's colours come from the page's theme variables, so the record matches the tab in all three themes. */
function hostConfig(ac: AdaptiveCards): InstanceType<AdaptiveCards['HostConfig']> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string): string => css.getPropertyValue(name).trim();
  const colours = (subtle: string) => ({
    default: { default: v('--fg'), subtle },
    dark: { default: v('--fg'), subtle },
    light: { default: v('--fg'), subtle },
    accent: { default: v('--link'), subtle: v('--link') },
    good: { default: v('--good'), subtle: v('--good') },
    warning: { default: v('--warning'), subtle: v('--warning') },
    attention: { default: v('--danger'), subtle: v('--danger') },
  });
  return new ac.HostConfig({
    fontFamily: v('--font'),
    // The record is for reading: Agree and Comment belong to the chat, where the bot can answer them.
    supportsInteractivity: false,
    // Without this a "heading" TextBlock gets role="heading" and no aria-level (the library's default config has
    // one; a config of our own must say so). Level 3: the dialog's own title is the h2.
    textBlock: { headingLevel: 3 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 22 },
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 28, padding: 16 },
    containerStyles: {
      default: { backgroundColor: v('--bg'), foregroundColors: colours(v('--fg-muted')) },
      emphasis: { backgroundColor: v('--surface'), foregroundColors: colours(v('--fg-muted')) },
    },
  });
}

function renderCard(ac: AdaptiveCards, json: Record<string, unknown>): HTMLElement {
  const card = new ac.AdaptiveCard();
  card.hostConfig = hostConfig(ac);
  card.parse(json);
  const el = card.render();
  if (!el) throw new Error('The record card could not be drawn');
  return el;
}

export async function openRecordDialog(api: Api, staffId: string, session: SessionSummary, opener: HTMLElement): Promise<void> {
  const headingId = uid('dialog-title');
  const heading = h('h2', { id: headingId, tabindex: -1 }, `Supervision record, ${formatDate(session.date)}`);
  const body = h('div', { class: 'dialog-body' });
  const close = h('button', { type: 'button', class: 'button secondary' }, 'Close');
  const dialog = h('dialog', { class: 'record-dialog', 'aria-labelledby': headingId }, h('div', { class: 'dialog-header' }, heading, close), body);
  let stopFollowingTheme = (): void => undefined;

  close.addEventListener('click', () => dialog.close());
  // Esc fires "cancel" then "close" natively; both paths end here.
  dialog.addEventListener('close', () => {
    stopFollowingTheme();
    dialog.remove();
    (opener.isConnected ? opener : document.querySelector<HTMLElement>('h1'))?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  heading.focus();

  const show = async (): Promise<void> => {
    loading(body, 'Loading the record…');
    try {
      const path = `/api/people/${encodeURIComponent(staffId)}/supervision/${encodeURIComponent(session.id)}/card`;
      const [record, ac] = await Promise.all([api.get<RecordCard>(path), loadLibrary()]);
      if (!dialog.open) return;
      const draw = () => body.replaceChildren(renderCard(ac, record.card));
      draw();
      body.removeAttribute('aria-busy');
      stopFollowingTheme = onThemeChange(draw);
      announce('Record loaded');
    } catch (err) {
      if (!dialog.open) return;
      errorState(body, err, () => void show());
    }
  };
  await show();
}
