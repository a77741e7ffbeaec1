import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { toHttpHeadersLike, type WebResourceLike } from '@azure/core-http-compat';

/** The longest Reflect waits on a Teams 429/503 before trying again, whatever Retry-After says. */
export const MAX_RETRY_AFTER_SECONDS = 10;

/**
 * The HTTP client the Bot Connector client uses. botbuilder retries 429/503 by the Retry-After header, without a
 * cap: this client sends with fetch and lowers any Retry-After above the cap, so one slow answer from Teams cannot
 * stall a sweep for an hour; and it gives up on a call that takes longer than `timeoutMs`, so a hung connection
 * cannot hold a send slot for ever.
 */
export const cappedHttpClient = (timeoutMs: number) => ({
  async sendRequest(request: WebResourceLike) {
    const headers: Record<string, string> = {};
    for (const h of request.headers.headersArray()) headers[h.name] = h.value;
    const body: string | undefined = typeof request.body === 'string' ? request.body : request.body === undefined || request.body === null ? undefined : JSON.stringify(request.body);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.abortSignal ? AbortSignal.any([request.abortSignal as AbortSignal, timeout]) : timeout;
    const res = await fetch(request.url, { method: request.method, headers, body, signal });
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => (responseHeaders[name] = value));
    const retryAfter = Number(responseHeaders['retry-after']);
    if ((res.status === 429 || res.status === 503) && Number.isFinite(retryAfter) && retryAfter > MAX_RETRY_AFTER_SECONDS) {
      responseHeaders['retry-after'] = String(MAX_RETRY_AFTER_SECONDS);
    }
    return { request, status: res.status, headers: toHttpHeadersLike(createHttpHeaders(responseHeaders)), bodyAsText: await res.text() };
  },
});
