/** A write lost a race: the document changed since it was read (412) or already exists (409). */
export class ConflictError extends Error {
  constructor(
    readonly container: string,
    readonly id: string,
    readonly reason: 'changed' | 'exists',
  ) {
    super(reason === 'changed' ? `${container}/${id} was changed by someone else` : `${container}/${id} already exists`);
    this.name = 'ConflictError';
  }
}

/** The database could not be reached or kept refusing after the capped retries. */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown; statusCode?: unknown } | null)?.code ?? (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}
