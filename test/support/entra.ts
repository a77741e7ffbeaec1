import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export const TAB_CLIENT_ID = '0f3c5d2a-1b2c-4d5e-8f90-123456789abc';
export const TAB_DOMAIN = 'reflect.example.gov.uk';
export const TAB_AUDIENCE = `api://${TAB_DOMAIN}/${TAB_CLIENT_ID}`;

export interface TokenOptions {
  tid: string;
  oid: string;
  claims?: Record<string, unknown>;
  /** Sign with a key the JWKS does not publish (under the published key id unless `kid` is given). */
  stranger?: boolean;
  kid?: string;
  /** Seconds since the epoch, or a jose time span such as '1h'. */
  exp?: number | string;
}

/**
 * Entra ID in miniature: an RSA key whose public half is served as a JWKS over loopback HTTP, and tokens
 * signed with it shaped like the ones Teams SSO issues for the tab.
 */
export class LocalEntra {
  private constructor(
    private readonly server: http.Server,
    readonly jwksUrl: string,
    private readonly key: CryptoKey,
    private readonly strangerKey: CryptoKey,
  ) {}

  static async start(): Promise<LocalEntra> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const stranger = await generateKeyPair('RS256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
    return new LocalEntra(server, url, pair.privateKey as CryptoKey, stranger.privateKey as CryptoKey);
  }

  /** The service's environment for tab single sign-on against this Entra. */
  env(): Record<string, string> {
    return { AAD_APP_CLIENT_ID: TAB_CLIENT_ID, TAB_DOMAIN, ENTRA_JWKS_URL: this.jwksUrl };
  }

  token({ tid, oid, claims = {}, stranger = false, kid = 'key-1', exp = '1h' }: TokenOptions): Promise<string> {
    return new SignJWT({ tid, oid, scp: 'access_as_user', name: 'Test user', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(String(claims.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`))
      .setAudience(String(claims.aud ?? TAB_AUDIENCE))
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(stranger ? this.strangerKey : this.key);
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
