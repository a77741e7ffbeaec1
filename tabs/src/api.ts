// One way to call the API: credentials from the host, JSON in and out, and every failure turned into an
// ApiFailure whose reason can be shown to the person as it is.
import type { ApiError } from '../../bot/src/api/contract';
import type { Host } from './host';

export type FailureKind = ApiError['error'] | 'network' | 'sign_in';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly kind: FailureKind,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ApiFailure';
  }
}

const FALLBACK_REASONS: Record<number, [ApiError['error'], string]> = {
  400: ['bad_request', 'Reflect could not use that request. Check what you entered and try again.'],
  401: ['unauthorized', 'Reflect could not confirm who you are. Close and reopen the tab; if that does not help, sign out of Teams and back in.'],
  403: ['forbidden', 'You do not have access to this page.'],
  404: ['not_found', 'Reflect could not find that.'],
};
const UNAVAILABLE = 'Reflect is unavailable just now. Try again in a few minutes.';

export type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).reason === 'string' && typeof (body as ApiError).error === 'string';
}

/** A GET without the host's credentials (used before there is a host: the dev-mode probe). */
export async function getJson<T>(path: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json', ...headers }, signal, credentials: 'same-origin' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiFailure(0, 'network', 'Reflect could not reach its service. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  if (isApiError(body)) throw new ApiFailure(response.status, body.error, body.reason);
  const [kind, reason] = FALLBACK_REASONS[response.status] ?? ['unavailable', UNAVAILABLE];
  throw new ApiFailure(response.status, kind, reason);
}

export class Api {
  constructor(private readonly host: Host) {}

  async get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    const url = withQuery(path, query);
    try {
      return await getJson<T>(url, await this.headers(), signal);
    } catch (err) {
      // A cached Teams token the service no longer accepts: one retry with a fresh one.
      if (err instanceof ApiFailure && err.status === 401 && this.host.credentialsRejected()) {
        return getJson<T>(url, await this.headers(), signal);
      }
      throw err;
    }
  }

  /** The sign-in headers, for the requests a page must send itself (uploads with progress, file downloads). */
  async headers(): Promise<Record<string, string>> {
    try {
      return await this.host.authHeaders();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new ApiFailure(
        0,
        'sign_in',
        `Teams could not sign you in to Reflect (${detail}). Try again; if it keeps happening, sign out of Teams and back in.`,
      );
    }
  }
}
