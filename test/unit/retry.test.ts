import { StoreUnavailableError } from '../../bot/src/store/errors';
import { withRetry } from '../../bot/src/store/retry';

const fail = (code: number | string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(`fail ${code}`), { code, ...extra });
const quick = { maxAttempts: 4, maxDelayMs: 50, baseDelayMs: 1 };

describe('withRetry', () => {
  it('retries 429 and 503 until the call succeeds', async () => {
    const errors = [fail(429, { retryAfterInMs: 5 }), fail(503)];
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      const e = errors.shift();
      if (e) throw e;
      return 'ok';
    }, quick);
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('honours the retry-after hint, capped at the maximum delay', async () => {
    let calls = 0;
    const started = Date.now();
    await withRetry(async () => {
      if (calls++ === 0) throw fail(429, { retryAfterInMs: 60_000 });
      return 'ok';
    }, quick);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(2000);
  });

  it('waits as long as the server asks when that is under the cap', async () => {
    let calls = 0;
    const started = Date.now();
    await withRetry(async () => {
      if (calls++ === 0) throw fail(429, { retryAfterInMs: 40 });
      return 'ok';
    }, { maxAttempts: 3, maxDelayMs: 1000, baseDelayMs: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('gives up after the capped number of attempts with a clear error', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw fail(503);
      }, quick),
    ).rejects.toThrow(new StoreUnavailableError('The database is unavailable (503) after 4 attempts'));
    expect(calls).toBe(4);
  });

  it('retries dropped connections', async () => {
    let calls = 0;
    expect(await withRetry(async () => (calls++ === 0 ? Promise.reject(fail('ECONNRESET')) : 'ok'), quick)).toBe('ok');
  });

  it('passes other errors through at once', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw fail(412);
      }, quick),
    ).rejects.toThrow('fail 412');
    expect(calls).toBe(1);
  });
});
