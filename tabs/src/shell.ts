// The frame around every page: skip link, header (with the dev-mode banner outside Teams), navigation
// limited to the views the person may open, main, footer and the live region.
import type { DevUser, View, WhoAmI } from '../../bot/src/api/contract';
import { h, replaceChildren, uid } from './dom';
import { devUserKey, type DevSession } from './host';
import { liveRegion } from './live';
import { hashFor, type RouteName } from './router';
import { applyTheme, currentTheme, rememberDevTheme, THEMES, normaliseTheme } from './theme';

const VIEW_LABELS: Record<View, string> = {
  me: 'My development',
  team: 'My team',
  workforce: 'Workforce',
  imports: 'Imports',
};
const VIEW_ORDER: View[] = ['me', 'team', 'workforce', 'imports'];

export interface Shell {
  main: HTMLElement;
  setCurrent(route: RouteName): void;
}

function skipLink(main: () => HTMLElement): HTMLElement {
  // A plain "#main" link would be taken for a route; move focus by hand instead.
  return h(
    'a',
    {
      class: 'skip-link',
      href: '#main',
      onclick: (event: Event) => {
        event.preventDefault();
        main().focus();
      },
    },
    'Skip to main content',
  );
}

/**
 * A page with no navigation: start-up, "open from Teams", start-up errors. In dev mode the banner stays, so a
 * demo user the service refuses can be swapped for another.
 */
export function bareShell(banner?: HTMLElement): HTMLElement {
  const main = h('main', { id: 'main', tabindex: -1 });
  replaceChildren(
    document.body,
    skipLink(() => main),
    h('header', { class: 'app-header' }, banner, h('div', { class: 'bar' }, h('p', { class: 'brand' }, 'Reflect'))),
    main,
    liveRegion(),
  );
  return main;
}

export function appShell(me: WhoAmI, dev: DevSession | undefined, onSwitchUser: (key: string) => void): Shell {
  const main = h('main', { id: 'main', tabindex: -1 });
  const links = new Map<RouteName, HTMLAnchorElement>();
  const views = VIEW_ORDER.filter((v) => me.views.includes(v));
  const nav = h(
    'nav',
    { class: 'app-nav', 'aria-label': 'Reflect pages' },
    h(
      'ul',
      null,
      views.map((view) => {
        const a = h('a', { href: hashFor(view) }, VIEW_LABELS[view]);
        links.set(view, a);
        return h('li', null, a);
      }),
    ),
  );
  const footerLinks = (['privacy', 'terms'] as const).map((name) => {
    const a = h('a', { href: hashFor(name) }, name === 'privacy' ? 'Privacy' : 'Terms of use');
    links.set(name, a);
    return h('li', null, a);
  });

  replaceChildren(
    document.body,
    skipLink(() => main),
    h(
      'header',
      { class: 'app-header' },
      dev && devBanner(dev, onSwitchUser),
      h(
        'div',
        { class: 'bar' },
        h('p', { class: 'brand' }, 'Reflect'),
        h('p', { class: 'whoami' }, `${me.name} · ${me.roleLabel}${me.team ? ` · ${me.team}` : ''}`),
      ),
      nav,
    ),
    main,
    h('footer', { class: 'app-footer' }, h('nav', { 'aria-label': 'About Reflect' }, h('ul', null, footerLinks))),
    liveRegion(),
  );

  return {
    main,
    setCurrent(route) {
      for (const [name, a] of links) {
        if (name === route) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}

export function devBanner(dev: DevSession, onSwitchUser: (key: string) => void): HTMLElement {
  const userId = uid('dev-user');
  const themeId = uid('dev-theme');
  const users = h(
    'select',
    { id: userId },
    dev.users.map((u: DevUser) => h('option', { value: devUserKey(u), selected: u === dev.current }, `${u.name} (${u.roleLabel})`)),
  );
  const theme = h(
    'select',
    { id: themeId },
    THEMES.map((t) => h('option', { value: t.value, selected: t.value === currentTheme() }, t.label)),
  );
  // Changing the theme only restyles the page, so it applies at once; switching user reloads everything, so it waits for the button.
  theme.addEventListener('change', () => {
    const value = normaliseTheme(theme.value);
    applyTheme(value);
    rememberDevTheme(value);
  });
  const form = h(
    'form',
    { class: 'dev-controls' },
    h('div', { class: 'field inline' }, h('label', { for: userId }, 'Act as'), users),
    h('button', { type: 'submit', class: 'button small' }, 'Switch user'),
    h('div', { class: 'field inline' }, h('label', { for: themeId }, 'Theme'), theme),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSwitchUser(users.value);
  });
  return h(
    'section',
    { class: 'dev-banner', 'aria-label': 'Dev mode' },
    h('p', null, h('strong', null, 'Dev mode — not in Teams.'), ` Acting as ${dev.current.name}`),
    form,
  );
}
