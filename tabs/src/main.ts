// Start-up: find the host (Teams, or the service's dev mode), learn who the person is, then route.
import type { DevUser, WhoAmI } from '../../bot/src/api/contract';
import { Api, ApiFailure, getJson } from './api';
import { h } from './dom';
import { connectToTeams, DevSession, followTeamsTheme, notifyTeamsLoaded, teamsHost, type Host } from './host';
import type { PageContext } from './page';
import { importsPage } from './pages/imports';
import { personPage } from './pages/person';
import { privacyPage, termsPage } from './pages/static';
import { workforcePage } from './pages/workforce';
import { noteNavigation, parseHash, type Route } from './router';
import { appShell, bareShell, devBanner, type Shell } from './shell';
import { errorState, loading } from './states';
import { applyTheme, devTheme } from './theme';

const ALWAYS_OPEN: Route['name'][] = ['me', 'person', 'privacy', 'terms'];

function allowed(route: Route, me: WhoAmI): boolean {
  return ALWAYS_OPEN.includes(route.name) || (me.views as string[]).includes(route.name);
}

class App {
  private shell?: Shell;
  private me?: WhoAmI;
  private page?: AbortController;
  private first = true;

  constructor(
    private readonly api: Api,
    private readonly dev?: DevSession,
  ) {
    window.addEventListener('hashchange', () => {
      noteNavigation();
      this.route();
    });
  }

  /** Who am I, then the shell and the page; on failure an error with "Try again". */
  async start(): Promise<void> {
    const switchUser = (key: string): void => {
      if (this.dev?.actAs(key)) void this.start();
    };
    const main = bareShell(this.dev && devBanner(this.dev, switchUser));
    document.title = 'Reflect';
    main.append(h('h1', { id: 'page-title', tabindex: -1 }, 'Reflect'));
    const status = h('div');
    main.append(status);
    loading(status, 'Loading Reflect…');
    try {
      this.me = await this.api.get<WhoAmI>('/api/me');
    } catch (err) {
      errorState(status, err, () => void this.start());
      return;
    }
    this.shell = appShell(this.me, this.dev, switchUser);
    this.first = true;
    this.route();
  }

  private route(): void {
    const { shell, me } = this;
    if (!shell || !me) return;
    const route = parseHash(location.hash);
    if (!route || !allowed(route, me)) {
      // Replace, not push: Back should not return to a page that only redirects.
      history.replaceState(null, '', '#/me');
      this.route();
      return;
    }
    this.page?.abort();
    this.page = new AbortController();
    shell.setCurrent(route.name);
    const ctx: PageContext = { api: this.api, me, route, signal: this.page.signal, main: shell.main };
    switch (route.name) {
      case 'me':
        personPage(ctx, me.staffId);
        break;
      case 'person':
        personPage(ctx, route.param ?? me.staffId);
        break;
      case 'team':
      case 'workforce':
        workforcePage(ctx, route.name);
        break;
      case 'imports':
        importsPage(ctx);
        break;
      case 'privacy':
        privacyPage(ctx);
        break;
      case 'terms':
        termsPage(ctx);
        break;
    }
    // After navigation focus goes to the new page's heading; on first load it stays at the top of the document.
    if (!this.first) shell.main.querySelector<HTMLElement>('h1')?.focus();
    this.first = false;
  }
}

function notInTeams(): void {
  const main = bareShell();
  document.title = 'Open Reflect from Microsoft Teams';
  main.append(
    h('h1', { tabindex: -1 }, 'Open Reflect from Microsoft Teams'),
    h('p', null, 'Reflect works inside Microsoft Teams, where it knows who you are. Open Teams, find Reflect in your apps, and open its tab there.'),
  );
}

async function findHost(): Promise<{ host: Host; dev?: DevSession } | null> {
  const teams = await connectToTeams();
  if (teams) {
    applyTheme(teams.theme);
    followTeamsTheme(applyTheme);
    return { host: teamsHost() };
  }
  applyTheme(devTheme());
  return devMode();
}

async function devMode(): Promise<{ host: Host; dev: DevSession } | null> {
  try {
    const users = await getJson<DevUser[]>('/api/dev/users');
    const dev = new DevSession(users);
    return { host: dev.host(), dev };
  } catch (err) {
    // 404: the service is not in dev mode, so outside Teams there is no way to sign in.
    if (err instanceof ApiFailure && err.status === 404) {
      notInTeams();
      return null;
    }
    const main = bareShell();
    main.append(h('h1', { tabindex: -1 }, 'Reflect'));
    const status = h('div');
    main.append(status);
    return new Promise((resolve) => errorState(status, err, () => resolve(devMode())));
  }
}

async function boot(): Promise<void> {
  const main = bareShell();
  main.setAttribute('aria-busy', 'true');
  main.append(h('p', { class: 'loading' }, 'Loading Reflect…'));
  const found = await findHost();
  if (!found) return;
  await new App(new Api(found.host), found.dev).start();
  if (found.host.kind === 'teams') notifyTeamsLoaded();
}

void boot();
