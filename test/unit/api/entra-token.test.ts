import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createTokenValidator } from '../../../bot/src/api/entra-token';

const TENANT = '7d3f8a2e-5b1c-4e6a-9f0d-2c8b4a6e1f30';
const OID = '00000000-0000-0000-0000-00000000a001';
const CLIENT = '0f3c5d2a-1b2c-4d5e-8f90-123456789abc';
const AUDIENCE = `api://reflect.example.gov.uk/${CLIENT}`;

let server: http.Server;
let jwksUrl: string;
let signing: CryptoKey;
let other: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256', { extractable: true });
  signing = pair.privateKey as CryptoKey;
  other = stranger.privateKey as CryptoKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  // The keys are served over real HTTP on loopback, as Entra publishes them.
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function token(claims: Record<string, unknown> = {}, opts: { key?: CryptoKey; kid?: string; exp?: string | number; alg?: string } = {}): Promise<string> {
  return new SignJWT({ tid: TENANT, oid: OID, scp: 'access_as_user', name: 'Demo Manager', ...claims })
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? 'key-1' })
    .setIssuer(String(claims.iss ?? `https://login.microsoftonline.com/${TENANT}/v2.0`))
    .setAudience(String(claims.aud ?? AUDIENCE))
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '1h')
    .sign(opts.key ?? signing);
}

// One validator, as the service has: it fetches the keys once and keeps them.
let validator: ReturnType<typeof createTokenValidator>;
const validate = () => (validator ??= createTokenValidator({ clientId: CLIENT, audiences: [CLIENT, AUDIENCE], requiredScope: 'access_as_user', jwksUrl, keysTimeoutMs: 30_000 }));

describe('Entra token validation', () => {
  it('accepts a good token in either issuer form and either audience', async () => {
    expect(await validate()(await token())).toEqual({ ok: true, tenantId: TENANT, objectId: OID, name: 'Demo Manager' });
    expect((await validate()(await token({ iss: `https://sts.windows.net/${TENANT}/`, aud: CLIENT }))).ok).toBe(true);
  });

  it.each([
    ['missing', async () => undefined, 'No bearer token'],
    ['not a JWT', async () => 'not-a-token', 'not a JWT'],
    ['expired', async () => token({}, { exp: Math.floor(Date.now() / 1000) - 600 }), 'expired'],
    ['for another application', async () => token({ aud: 'api://elsewhere/123' }), 'another application'],
    ['from another tenant\'s issuer', async () => token({ iss: 'https://login.microsoftonline.com/99999999-0000-4000-8000-000000000099/v2.0' }), 'another tenant'],
    ['signed by a stranger with a known key id', async () => token({}, { key: other }), 'signature is not valid'],
    ['signed with an unknown key id', async () => token({}, { kid: 'key-2', key: other }), 'unknown key'],
    ['without the scope', async () => token({ scp: 'User.Read' }), 'access_as_user scope'],
    ['without a user id', async () => token({ oid: undefined }), 'no tenant or user id'],
  ])('refuses a token %s', async (_what, make, reason) => {
    const check = await validate()(await make());
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });

  it('refuses any algorithm but RS256', async () => {
    const hs = await new SignJWT({ tid: TENANT, oid: OID, scp: 'access_as_user' }).setProtectedHeader({ alg: 'HS256' }).setAudience(AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await validate()(hs)).toEqual({ ok: false, reason: 'Tokens must be signed with RS256, not HS256' });
  });
});
