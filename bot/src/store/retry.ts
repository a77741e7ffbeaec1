import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError, statusOf } from './errors';

export interface RetryPolicy {
  maxAttempts: number;
  /** No single wait is longer than this, whatever the server asks. */
  maxDelayMs: number;
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, maxDelayMs: 5000, baseDelayMs: 100 };

const RETRYABLE = new Set([429, 503]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/** The server's hint (x-ms-retry-after-ms), as the SDK surfaces it. */
function retryAfterMs(err: unknown): number | undefined {
  const e = err as { retryAfterInMs?: unknown; retryAfterInMilliseconds?: unknown; headers?: Record<string, unknown> } | null;
  const hint = e?.retryAfterInMs ?? e?.retryAfterInMilliseconds ?? e?.headers?.['x-ms-retry-after-ms'];
  const n = Number(hint);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isNetworkError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/**
 * Runs a Cosmos call, retrying throttling (429) and unavailability (503) with the server's retry-after
 * (or exponential backoff), capped per wait and in attempts. Other errors pass straight through.
 */
export async function withRetry<T>(op: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      const status = statusOf(err);
      const retryable = (status !== undefined && RETRYABLE.has(status)) || isNetworkError(err);
      if (!retryable) throw err;
      if (attempt >= policy.maxAttempts) {
        throw new StoreUnavailableError(`The database is unavailable (${status ?? (err as { code?: string }).code}) after ${attempt} attempts`, status);
      }
      const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
      await sleep(Math.min(retryAfterMs(err) ?? backoff, policy.maxDelayMs));
    }
  }
}
