/**
 * Table Storage could not be reached or answered with a server-side error.
 * Callers answer "try again later" (HTTP 503, a bot message) instead of
 * treating it as a bug.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** The HTTP status of a storage `RestError`, if the request got an answer at all. */
export function storageStatusCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * No answer (connection refused, DNS, timeout, abort), throttling or a
 * server-side error: the storage is unavailable rather than the request wrong.
 */
export function isStorageUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  const status = storageStatusCode(error);
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

/**
 * Wraps availability failures in `StorageUnavailableError`; anything else (a
 * 4xx that means our request was wrong) is returned unchanged, because it is
 * a bug to be seen, not an outage.
 */
export function toStorageError(error: unknown, operation: string): unknown {
  if (error instanceof StorageUnavailableError || !isStorageUnavailable(error)) return error;
  const detail = withoutUrlQueries(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  return new StorageUnavailableError(`Table Storage unavailable during ${operation}: ${detail}`, {
    cause: error,
  });
}

/**
 * Drops the query string of every URL in `text`: a storage URL's query may
 * be a SAS token whose `sig` is a credential, so messages that go to logs
 * or callers carry the endpoint only.
 */
export function withoutUrlQueries(text: string): string {
  return text.replace(/\b(https?:\/\/[^\s?#"'<>]*)\?[^\s"'<>]*/gi, '$1').replace(/\bsig=[^\s&;"'<>]*/gi, '[signature removed]');
}
