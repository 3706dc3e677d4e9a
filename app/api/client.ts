import type { ErrorCode, FieldError } from '../../contract/common.js';

/** An error answered by the API (or a network failure, status 0), with its stable code and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: FieldError[];

  constructor(status: number, code: ErrorCode | 'network', message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Field errors keyed by the field name: `body.email` → `email`, `body.links.0.toId` → `links.0.toId`. */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const key = f.path.replace(/^(body|query|params)\.?/, '') || '_';
      if (!(key in out)) out[key] = f.message;
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface ErrorShape {
  error?: { code?: string; message?: string; fields?: FieldError[] };
}

function isErrorShape(v: unknown): v is ErrorShape {
  return typeof v === 'object' && v !== null && 'error' in v;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, say): fall back to the status line.
  }
  if (isErrorShape(body) && body.error) {
    const { code, message, fields } = body.error;
    return new ApiError(
      res.status,
      (code as ErrorCode | undefined) ?? 'internal',
      message ?? res.statusText,
      Array.isArray(fields) ? fields : [],
    );
  }
  return new ApiError(
    res.status,
    res.status === 401 ? 'unauthenticated' : 'internal',
    res.statusText || 'Request failed',
  );
}

/** One request to the API, same origin, with the session cookie; an error status becomes an ApiError. */
async function send(method: Method, path: string, accept: string, body?: unknown, signal?: AbortSignal) {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept } : { 'content-type': 'application/json', accept },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await parseError(res);
  return res;
}

/** One JSON request to the API. */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const res = await send(method, path, 'application/json', body, signal);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file sent as the request body (a workspace archive), answered with JSON. */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as T;
}

/** A text document from the API, such as an export. */
export async function requestText(path: string, signal?: AbortSignal): Promise<string> {
  return (await send('GET', path, 'text/*', undefined, signal)).text();
}

/** A message fit to show a person, whatever went wrong. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) {
    if (e.code === 'rate_limited') return 'Too many attempts. Wait a moment and try again.';
    if (e.code === 'internal' && e.status >= 500)
      return 'Something went wrong on our side. Try again in a moment.';
    return e.message;
  }
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
