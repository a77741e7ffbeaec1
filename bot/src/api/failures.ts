import type { ApiError } from './contract';

/** A refusal the tab API answers with its status and a JSON body saying why. */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 500 | 503,
    readonly body: ApiError,
  ) {
    super(body.reason);
    this.name = 'ApiFailure';
  }
}

export const badRequest = (reason: string): ApiFailure => new ApiFailure(400, { error: 'bad_request', reason });
export const unauthorized = (reason: string): ApiFailure => new ApiFailure(401, { error: 'unauthorized', reason });
export const forbidden = (reason: string): ApiFailure => new ApiFailure(403, { error: 'forbidden', reason });
export const notFound = (reason: string): ApiFailure => new ApiFailure(404, { error: 'not_found', reason });
