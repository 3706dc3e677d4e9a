import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '../contract/common.js';
import { HttpError } from './errors.js';

// Every failure leaves the server in the one error shape of api.md, with a stable code. A client never
// sees a stack trace, and bad input is never a 500.

const CONTEXT_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: { keys?: string[] };
}

function validationFields(context: string, issues: ZodIssueLike[]): FieldError[] {
  const prefix = CONTEXT_NAMES[context] ?? context;
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.instancePath.split('/').filter(Boolean)].join('.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      return issue.params.keys.map((key) => ({ path: `${base}.${key}`, message: 'Unknown field.' }));
    }
    return [{ path: base, message: issue.message ?? 'Invalid value.' }];
  });
}

/** Fastify's own failures (parsing, size, media type) mapped to our codes. */
const FASTIFY_CODES: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is larger than 1 MiB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_input', 'The Content-Length does not match the body.'],
};

export function body(
  code: ErrorCode,
  message: string,
  fields?: FieldError[],
  missing?: NonNullable<ErrorBody['error']['missing']>,
): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(missing ? { missing } : {}) } };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.extra.retryAfterSeconds) reply.header('Retry-After', String(error.extra.retryAfterSeconds));
      return reply
        .status(error.status)
        .send(body(error.code, error.message, error.fields, error.extra.missing));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = validationFields(error.validationContext ?? 'body', error.validation as ZodIssueLike[]);
      return reply.status(400).send(body('invalid_input', 'Some fields need attention.', fields));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(known[0]).send(body(known[1], known[2]));
    if (error.statusCode === 429) {
      return reply.status(429).send(body('rate_limited', 'Too many requests. Try again shortly.'));
    }
    if (error instanceof SyntaxError)
      return reply.status(400).send(body('invalid_json', 'The request body is not valid JSON.'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('invalid_input', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side. Please try again.'));
  });
}
