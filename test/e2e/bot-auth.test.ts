import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import nock from 'nock';
import type { App } from '../../bot/src/app';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp, teamsMessage } from '../support/app';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';

/**
 * /api/messages with Bot Framework authentication switched on (MicrosoftAppId set). Microsoft's sign-in
 * endpoints are played by nock: the OpenID configuration and keys of login.botframework.com (our own RSA key,
 * endorsed for msteams) and the token endpoint the bot uses for its replies. Every bad token is a 401, never 500.
 */
const APP_ID = '11111111-2222-4333-8444-555555555555';
const OPENID = 'https://login.botframework.com';

let app: App;
let connector: FakeConnector;
let signing: CryptoKey;
let stranger: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signing = pair.privateKey as CryptoKey;
  stranger = (await generateKeyPair('RS256', { extractable: true })).privateKey as CryptoKey;
  const jwk = await exportJWK(pair.publicKey);
  nock.enableNetConnect(/127\.0\.0\.1/);
  nock(OPENID).persist().get('/v1/.well-known/openidconfiguration').reply(200, { issuer: 'https://api.botframework.com', jwks_uri: `${OPENID}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
  nock(OPENID).persist().get('/v1/.well-known/keys').reply(200, { keys: [{ ...jwk, kid: 'bf-key', use: 'sig', endorsements: ['msteams'] }] });
  nock('https://login.microsoftonline.com').persist().post(/.*/).reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'reply-token' });
  connector = await startFakeConnector();
  app = await startTestApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret-for-tests', MicrosoftAppType: 'MultiTenant' });
});
afterAll(async () => {
  await app.stop();
  await connector.close();
  nock.cleanAll();
  nock.enableNetConnect();
  // Take nock's hooks out of Node's http modules: they are shared by every test file this jest worker runs next.
  nock.restore();
});

async function channelToken(o: { aud?: string; serviceUrl?: string; exp?: number; key?: CryptoKey; kid?: string; iss?: string } = {}): Promise<string> {
  return new SignJWT({ serviceurl: o.serviceUrl ?? connector.url })
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'bf-key' })
    .setIssuer(o.iss ?? 'https://api.botframework.com')
    .setAudience(o.aud ?? APP_ID)
    .setIssuedAt()
    .setNotBefore(Math.floor(Date.now() / 1000) - 60)
    .setExpirationTime(o.exp ?? Math.floor(Date.now() / 1000) + 3600)
    .sign(o.key ?? signing);
}

async function post(token: string | undefined): Promise<Response> {
  const body = teamsMessage(connector.url, DEMO_TENANT_ID, DEMO_USERS.practitioner.aadObjectId, 'help');
  return fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
}

describe('Bot Framework authentication on /api/messages', () => {
  it('accepts a good channel token and replies', async () => {
    connector.sent = [];
    const res = await post(await channelToken());
    expect(res.status).toBe(200);
    expect(connector.sent.length).toBeGreaterThan(0);
  });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', async () => channelToken({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a token for another bot', async () => channelToken({ aud: '99999999-2222-4333-8444-555555555555' })],
    ['a token for another service URL', async () => channelToken({ serviceUrl: 'https://smba.example.invalid/' })],
    ['a token from another issuer', async () => channelToken({ iss: 'https://sts.windows.net/evil/' })],
    ['a token signed with an unknown key', async () => channelToken({ kid: 'no-such-key', key: stranger })],
    ['a token with a known key id and a bad signature', async () => channelToken({ key: stranger })],
    ['a token that is not a JWT', async () => 'not.a.jwt'],
  ])('answers %s with 401, never 500, and runs no turn', async (_what, token) => {
    connector.sent = [];
    const res = await post(await token());
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('unauthorized');
    expect(connector.sent).toHaveLength(0);
  });
});
