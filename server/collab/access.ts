import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { z } from 'zod';
import { inquiryAccess } from '../auth/access.js';
import { SESSION_COOKIE } from '../auth/session.js';
import type { Db } from '../store/db.js';
import { findSessionUser } from '../store/sessions.js';

/** The only documents there are: one synthesis per inquiry. */
const SynthesisName = z.string().regex(/^inquiry:([0-9a-f-]{36}):synthesis$/);

export function inquiryIdOf(documentName: string): string | null {
  const match = SynthesisName.safeParse(documentName);
  return match.success ? (documentName.split(':')[1] ?? null) : null;
}

/**
 * Lets into a synthesis document exactly those who may read its inquiry (the session cookie decides;
 * the provider's token is ignored), and makes it read-only once the inquiry is concluded.
 */
export class DocumentAccess implements Extension {
  extensionName = 'colearn-document-access';
  priority = 1000;

  constructor(
    private readonly db: Db,
    private readonly parseCookie: (header: string) => Record<string, string | undefined>,
  ) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<{ user: { id: string; name: string } }> {
    const inquiryId = inquiryIdOf(data.documentName);
    const token = this.parseCookie(data.requestHeaders.cookie ?? '')[SESSION_COOKIE];
    const user = token ? await findSessionUser(this.db, token) : null;
    if (!inquiryId || !user) throw new Error('permission-denied');
    const access = await inquiryAccess(this.db, user, inquiryId).catch(() => null);
    if (!access) throw new Error('permission-denied');
    if (access.inquiry.phase === 'concluded') data.connectionConfig.readOnly = true;
    return { user: { id: user.id, name: user.name } };
  }
}
