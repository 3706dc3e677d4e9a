import { z } from 'zod';

/** Opaque identifiers; the server mints UUIDv7 so they sort by creation time. */
export const Id = z.uuid({ message: 'Not a valid id.' });
export const Timestamp = z.string().describe('ISO 8601 UTC time');

export const ERROR_CODES = [
  'invalid_input',
  'invalid_json',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(FieldError).optional(),
    /** With a phase gate that is not met: who the group is still waiting for, and what each needs. */
    missing: z.array(z.object({ userId: z.string(), needs: z.array(z.string()) })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const MAX_PAGE = 200;
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
  cursor: z.string().max(200).optional(),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A trimmed line of text, 1..max characters. */
export const Line = (max: number) =>
  z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);
/** Optional longer text; empty means none. */
export const Text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
