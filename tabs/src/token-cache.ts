// Teams hands out an SSO token per request if asked; asking every call costs a round trip to the host,
// so the token is kept until a minute before it expires.

const MARGIN_MS = 60_000;

/** The token's exp claim in milliseconds, or undefined if the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims: unknown = JSON.parse(atob(base64));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export class TokenCache {
  private token?: string;
  private expires = 0;
  private pending?: Promise<string>;

  constructor(
    private readonly fetchToken: () => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.token && this.now() < this.expires - MARGIN_MS) return Promise.resolve(this.token);
    // Parallel API calls at page load share one request to the host.
    this.pending ??= this.fetchToken()
      .then((token) => {
        this.token = token;
        // A token without a readable exp is used once, not cached.
        this.expires = jwtExpiry(token) ?? 0;
        return token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** After a 401: the service rejected the token, so the next call asks Teams again. */
  clear(): void {
    this.token = undefined;
    this.expires = 0;
  }
}
