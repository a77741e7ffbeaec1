import type { PersonStatus } from '../domain/status';
import type { ActorFinder } from '../usecases/actor';
import type { TokenCheck } from './entra-token';
import { forbidden, unauthorized } from './failures';

/** The person behind a tab request, found on the roster of the tenant their token names. */
export interface TabCaller {
  tenantId: string;
  me: PersonStatus;
  devMode: boolean;
}

export interface AuthenticatorOptions {
  /** Validates Teams SSO tokens; absent when the service has no tab client id configured. */
  validate?: (token: string) => Promise<TokenCheck>;
  /** Local dev mode: the X-Reflect-Dev-User header ("<tenant id>/<Entra object id>") stands in for a token. */
  devMode: boolean;
  actors: ActorFinder;
}

export const DEV_USER_HEADER = 'x-reflect-dev-user';

type Headers = Record<string, string | string[] | undefined>;

export function createAuthenticator(options: AuthenticatorOptions): (headers: Headers) => Promise<TabCaller> {
  return async (headers) => {
    const { tenantId, objectId, devMode } = await identify(headers, options);
    const actor = await options.actors.find(tenantId, objectId);
    if (!actor) throw forbidden("You are not on Reflect's staff list for this organisation. Ask your principal social worker to add you.");
    return { tenantId, me: actor.me, devMode };
  };
}

async function identify(headers: Headers, options: AuthenticatorOptions): Promise<{ tenantId: string; objectId: string; devMode: boolean }> {
  const authorization = single(headers.authorization);
  const devUser = single(headers[DEV_USER_HEADER]);
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthorized('The Authorization header must be "Bearer <token>".');
    if (!options.validate) throw unauthorized('Single sign-on is not configured on this service (AAD_APP_CLIENT_ID), so no token can be accepted.');
    const check = await options.validate(token);
    if (!check.ok) throw unauthorized(`${check.reason}. Reopen Reflect in Teams to sign in again.`);
    return { tenantId: check.tenantId, objectId: check.objectId, devMode: false };
  }
  if (devUser) {
    if (!options.devMode) throw unauthorized('Dev sign-in works only when the service runs in local dev mode. Open Reflect from Microsoft Teams.');
    const [tenantId, objectId] = devUser.split('/');
    if (!tenantId || !objectId) throw unauthorized('The dev sign-in header must be "<tenant id>/<Entra object id>".');
    return { tenantId, objectId, devMode: true };
  }
  throw unauthorized('Sign-in is required: open Reflect from Microsoft Teams (no bearer token was sent).');
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
