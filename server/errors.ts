import type { ErrorCode, FieldError } from '../contract/common.js';

/** An error that becomes an API error body: the status, a stable code, words for people, and fields. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly extra: { retryAfterSeconds?: number; missing?: { userId: string; needs: string[] }[] } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'That'): HttpError =>
  new HttpError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'Your role does not allow this.'): HttpError =>
  new HttpError(403, 'forbidden', message);
export const conflict = (message: string): HttpError => new HttpError(409, 'conflict', message);
export const invalidField = (path: string, message: string): HttpError =>
  new HttpError(400, 'invalid_input', message, [{ path, message }]);
export const unauthenticated = (): HttpError => new HttpError(401, 'unauthenticated', 'Please sign in.');
