// A fake Microsoft Teams host: loads a tab in an iframe and answers teams-js the way Teams would.
//
// teams-js only accepts messages from its parent window if the parent's origin is on Microsoft's list of
// Teams domains (https only) or is the tab's own origin. So the host page is served at the tab's origin,
// under a path the tab's server never sees: page.route() fulfils it inside the browser.
//
// The wire format (teams-js 2.58, src/internal/communication.js and messageObjects.js):
//   app → host  {id: number, uuidAsString: string, func, args: [...], apiVersionTag, timestamp, ...}
//   host → app  {id, uuidAsString, args: [...]}   an answer; matched by uuid, else by the legacy id
//   host → app  {func, args: [...]}               a one-way event (no numeric id), e.g. themeChange
import type { BrowserContext, Frame, Page } from 'playwright-core';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** The arguments of authentication.getAuthToken(), as teams-js sends them. */
export interface TokenRequest {
  resources?: string[];
  claims?: string[];
  silent?: boolean;
  tenantId?: string;
}

export interface TeamsHostOptions {
  tabUrl: string;
  theme?: TeamsTheme;
  /** The SSO token handed to authentication.getAuthToken(). */
  token?: string;
  /** Overrides `token`. Throwing (or rejecting) makes getAuthToken() fail with the error's message. */
  getToken?: (request: TokenRequest) => string | Promise<string>;
  tenantId?: string;
  userObjectId?: string;
  userPrincipalName?: string;
  locale?: string;
  entityId?: string;
}

export interface HostMessage {
  func: string;
  args: unknown[];
}

export interface TeamsHost {
  page: Page;
  /** The tab's iframe: run assertions, axe and so on here. */
  frame: Frame;
  /** Switches the Teams theme, as the user would in Settings. */
  setTheme(theme: TeamsTheme): Promise<void>;
  tokenRequests: TokenRequest[];
  /** Every request the tab made of the host, in arrival order. */
  messages: HostMessage[];
}

export const HOST_PATH = '/__teams-host__.html';

/** Host capabilities declared to teams-js. apiVersion 4 is teams-js 2.58's latest, so no upgrading happens. */
const RUNTIME_CONFIG = {
  apiVersion: 4,
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    authentication: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {} },
    teamsCore: {},
  },
};

export async function openInTeamsHost(context: BrowserContext, options: TeamsHostOptions): Promise<TeamsHost> {
  const tabOrigin = new URL(options.tabUrl).origin;
  let theme: TeamsTheme = options.theme ?? 'default';
  const tokenRequests: TokenRequest[] = [];
  const messages: HostMessage[] = [];
  const page = await context.newPage();

  // The legacy (v1) context shape: teams-js maps it onto the app.Context that getContext() resolves with.
  const legacyContext = () => ({
    theme,
    locale: options.locale ?? 'en-GB',
    tid: options.tenantId ?? '00000000-0000-4000-8000-000000000001',
    userObjectId: options.userObjectId ?? '00000000-0000-4000-8000-000000000002',
    userPrincipalName: options.userPrincipalName ?? 'test.user@example.org',
    loginHint: options.userPrincipalName ?? 'test.user@example.org',
    entityId: options.entityId ?? 'reflect',
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'fake-host-app-session',
    sessionId: 'fake-host-session',
  });

  async function answer(func: string, args: unknown[]): Promise<unknown[]> {
    messages.push({ func, args });
    switch (func) {
      case 'initialize':
        // [frameContext, hostClientType, runtimeConfig as JSON, host's SDK version]. teams-js parses the
        // third as JSON; echoing the app's own version (args[0]) keeps its version checks quiet.
        return ['content', 'web', JSON.stringify(RUNTIME_CONFIG), String(args[0] ?? '2.58.0')];
      case 'getContext':
        return [legacyContext()];
      case 'authentication.getAuthToken': {
        const [resources, claims, silent, tenantId] = args as [string[]?, string[]?, boolean?, string?];
        const request: TokenRequest = { resources, claims, silent, tenantId };
        tokenRequests.push(request);
        try {
          const token = options.getToken ? await options.getToken(request) : options.token;
          if (token === undefined) throw new Error('FailedToGetToken: the fake host was given no token');
          return [true, token];
        } catch (error) {
          return [false, error instanceof Error ? error.message : String(error)];
        }
      }
      default:
        // appInitialization.success, appLoaded, registerHandler and the like need no answer; an empty one
        // matches no callback in teams-js and is dropped, but resolves anything that was awaiting it.
        return [];
    }
  }

  // A binding rather than logic in the host page: the answers live in typed code, and tests can see them.
  await page.exposeBinding('__teamsHostAnswer', ({ frame }, func: string, args: unknown[]) => {
    if (frame !== page.mainFrame()) throw new Error('only the host page may answer for the host');
    return answer(func, args);
  });
  await page.route(tabOrigin + HOST_PATH, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(options.tabUrl) }));
  await page.goto(tabOrigin + HOST_PATH);

  const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
  if (!frame) throw new Error('the fake Teams host has no tab frame');
  await frame.waitForLoadState('load');

  return {
    page,
    frame,
    tokenRequests,
    messages,
    async setTheme(next) {
      theme = next; // so a later getContext() agrees with the event, as in Teams
      await page.evaluate((t) => (window as unknown as { __teamsHostSend: (func: string, args: unknown[]) => void }).__teamsHostSend('themeChange', [t]), next);
    },
  };
}

function hostPage(tabUrl: string): string {
  // JSON is valid JavaScript; escaping '<' stops a URL from closing the script element.
  const url = JSON.stringify(tabUrl).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Fake Microsoft Teams</title>
<link rel="icon" href="data:,">
<style>html, body, iframe { margin: 0; border: 0; width: 100%; height: 100%; display: block; }</style>
</head>
<body>
<iframe id="tab" title="Reflect tab"></iframe>
<script>
  const tab = document.getElementById('tab');
  const tabOrigin = new URL(${url}).origin;
  addEventListener('message', async (event) => {
    const m = event.data;
    if (event.source !== tab.contentWindow || !m || typeof m.id !== 'number' || typeof m.func !== 'string') return;
    const args = await window.__teamsHostAnswer(m.func, m.args || []);
    // Both ids: teams-js 2.58 looks the callback up by uuid and falls back to the numeric id.
    tab.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, tabOrigin);
  });
  window.__teamsHostSend = (func, args) => tab.contentWindow.postMessage({ func, args }, tabOrigin);
  tab.src = ${url};
</script>
</body>
</html>`;
}
