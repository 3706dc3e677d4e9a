import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** A new id; UUIDv7, so ids sort by creation time and serve as stable cursors. */
export const newId = (): string => v7();

/** A secret for a cookie or a link: 32 random bytes, base64url. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** How a secret is kept at rest: only its SHA-256, so a database leak yields no usable token. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const now = (): string => new Date().toISOString();
