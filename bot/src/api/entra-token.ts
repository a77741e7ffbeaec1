import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Validates the Entra ID access token the tab gets from Teams single sign-on (authentication.getAuthToken) and
 * sends as a Bearer token. Small steps, each failing closed with a reason the caller can log and return:
 * shape, algorithm, signature against the published keys, issuer (both forms an Entra app may emit), audience,
 * expiry (with a little clock skew), scope, and the tenant and user ids Reflect keys on.
 */
export interface TokenValidatorOptions {
  /** The Entra app (client) id the tab's SSO is registered with. */
  clientId: string;
  /** Accepted audiences: the client id and the Application ID URI (api://<host>/<client id>). */
  audiences: string[];
  /** The delegated scope the tab asks for. */
  requiredScope: string;
  /** Where the signing keys are published (Entra's common keys endpoint in production). */
  jwksUrl: string;
  clockToleranceSeconds?: number;
  /** How long fetching the keys may take before validation fails closed. */
  keysTimeoutMs?: number;
}

export type TokenCheck = { ok: true; tenantId: string; objectId: string; name?: string } | { ok: false; reason: string };

export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createTokenValidator(options: TokenValidatorOptions, keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: options.keysTimeoutMs ?? 5000 })): (token: string | undefined) => Promise<TokenCheck> {
  return async (token) => {
    if (!token) return { ok: false, reason: 'No bearer token' };
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return { ok: false, reason: 'The token is not a JWT' };
    }
    // The header is the caller's text: only a short, plain excerpt of it goes into the reason (and the logs).
    if (alg !== 'RS256') return { ok: false, reason: `Tokens must be signed with RS256, not ${String(alg ?? 'nothing').replace(/[^\w-]/g, '').slice(0, 12)}` };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], audience: options.audiences, clockTolerance: options.clockToleranceSeconds ?? 120 }));
    } catch (err) {
      return { ok: false, reason: describe(err) };
    }
    const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
    const objectId = typeof payload.oid === 'string' ? payload.oid : '';
    if (!GUID.test(tenantId) || !GUID.test(objectId)) return { ok: false, reason: 'The token has no tenant or user id' };
    const issuers = [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];
    if (!issuers.includes(String(payload.iss))) return { ok: false, reason: 'The token was issued for another tenant or by another issuer' };
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(options.requiredScope)) return { ok: false, reason: `The token lacks the ${options.requiredScope} scope` };
    const name = typeof payload.name === 'string' ? payload.name : undefined;
    return { ok: true, tenantId, objectId, name };
  };
}

function describe(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired';
  if (err instanceof errors.JWTClaimValidationFailed) return err.claim === 'aud' ? 'The token is for another application' : `The token's ${err.claim} claim is not valid`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (err instanceof errors.JWKSNoMatchingKey) return 'The token was signed with an unknown key';
  if (err instanceof errors.JOSEError) return `The token could not be verified (${err.code})`;
  return 'The token could not be verified';
}
