// Where the tab is running decides how it proves who the user is: inside Teams with an SSO token, or on a
// developer's machine (the service in local dev mode) acting as a chosen demo user.
import { app, authentication } from '@microsoft/teams-js';
import type { DevUser } from '../../bot/src/api/contract';
import { normaliseTheme, safeSession, type ThemeName } from './theme';
import { TokenCache } from './token-cache';

export interface Host {
  kind: 'teams' | 'dev';
  /** Headers that identify the caller to the API, for every request. */
  authHeaders(): Promise<Record<string, string>>;
  /** The API answered 401: forget what was sent. True if asking again could give different credentials. */
  credentialsRejected(): boolean;
}

export interface TeamsConnection {
  theme: ThemeName;
}

const INITIALIZE_TIMEOUT_MS = 3000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`No answer from a Teams host in ${ms} ms`)), ms));
}

/**
 * Top-level, app.initialize() rejects at once; inside a frame that is not Teams it never settles, hence the race.
 * Null means "not in Teams".
 */
export async function connectToTeams(timeoutMs = INITIALIZE_TIMEOUT_MS): Promise<TeamsConnection | null> {
  try {
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    return { theme: normaliseTheme(context.app.theme) };
  } catch {
    return null;
  }
}

export function followTeamsTheme(onTheme: (theme: ThemeName) => void): void {
  app.registerOnThemeChangeHandler((theme) => onTheme(normaliseTheme(theme)));
}

/** Tells Teams the tab has drawn itself (hides the host's loading indicator). */
export function notifyTeamsLoaded(): void {
  void app.notifySuccess().catch(() => undefined);
}

export function teamsHost(): Host {
  const tokens = new TokenCache(() => authentication.getAuthToken());
  return {
    kind: 'teams',
    authHeaders: async () => ({ Authorization: `Bearer ${await tokens.get()}` }),
    credentialsRejected: () => {
      tokens.clear();
      return true;
    },
  };
}

const DEV_USER_KEY = 'reflect.devUser';
export const devUserKey = (user: DevUser): string => `${user.tenantId}/${user.aadObjectId}`;

/** The demo users and which one this browser tab is acting as (kept for the session, so a reload keeps it). */
export class DevSession {
  current: DevUser;

  constructor(readonly users: DevUser[]) {
    const stored = safeSession(() => sessionStorage.getItem(DEV_USER_KEY));
    const first = users[0];
    if (!first) throw new Error('The service listed no demo users');
    this.current = users.find((u) => devUserKey(u) === stored) ?? first;
  }

  actAs(key: string): boolean {
    const user = this.users.find((u) => devUserKey(u) === key);
    if (!user || user === this.current) return false;
    this.current = user;
    safeSession(() => sessionStorage.setItem(DEV_USER_KEY, key));
    return true;
  }

  host(): Host {
    return {
      kind: 'dev',
      authHeaders: async () => ({ 'X-Reflect-Dev-User': devUserKey(this.current) }),
      credentialsRejected: () => false,
    };
  }
}
