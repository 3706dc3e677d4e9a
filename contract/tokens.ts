import { z } from 'zod';
import { Id, Line, Timestamp } from './common.js';

// Personal API tokens: `Authorization: Bearer <token>` for scripts and other tools. `read` allows GET
// requests; `write` allows everything else the person may do. A token never manages tokens or sessions.

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;

export const ApiTokenParams = z.strictObject({ tokenId: Id });
export const CreateApiTokenBody = z.strictObject({
  name: Line(80),
  /** `write` implies `read`. */
  scopes: z
    .array(TokenScope)
    .min(1, 'Choose at least one scope.')
    .refine((s) => new Set(s).size === s.length, 'Each scope only once.'),
  /** Days until it stops working; null for no expiry. */
  expiresInDays: z.number().int().min(1).max(366).nullable().default(90),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBody>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scopes: z.array(TokenScope),
  /** The token's first characters, to tell tokens apart; never enough to use. */
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenList = z.object({ items: z.array(ApiToken), nextCursor: z.null() });
export type ApiTokenList = z.infer<typeof ApiTokenList>;
/** The token itself is in this response only; it cannot be shown again. */
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
