import type { NotificationKind } from './model.js';

// E-mail digests: fewer, better mails. Everything that reached a person's inbox since their last digest,
// grouped by inquiry, in one mail an hour or a day (never one mail per event).

export const DIGEST_FREQUENCIES = ['off', 'hourly', 'daily'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

const PERIOD_MS: Record<Exclude<DigestFrequency, 'off'>, number> = { hourly: 3600_000, daily: 24 * 3600_000 };

/** Whether a digest is due: the period has passed since the last one (or since preferences were set). */
export function digestDue(frequency: DigestFrequency, lastDigestAt: string, now: Date): boolean {
  if (frequency === 'off') return false;
  return now.getTime() - new Date(lastDigestAt).getTime() >= PERIOD_MS[frequency];
}

export interface DigestItem {
  kind: NotificationKind;
  inquiryId: string | null;
  inquiryTitle: string | null;
  workspaceName: string;
  summary: string;
  createdAt: string;
}

const KIND_WORDS: Record<NotificationKind, [string, string]> = {
  mention: ['mention', 'mentions'],
  reply: ['reply to your notes', 'replies to your notes'],
  help_request: ['help request', 'help requests'],
  help_answered: ['answer to your help request', 'answers to your help requests'],
  phase_changed: ['phase change', 'phase changes'],
  consent_needed: ['conclusion waiting for your consent', 'conclusions waiting for your consent'],
  pulse_open: ['pulse to answer', 'pulses to answer'],
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** The mail: a subject that says what is waiting, and a plain-text body grouped by inquiry, oldest first. */
export function composeDigest(
  person: { name: string },
  items: readonly DigestItem[],
  links: { inquiry: (id: string) => string; inbox: string; preferences: string },
): { subject: string; text: string } {
  const byKind = new Map<NotificationKind, number>();
  for (const i of items) byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + 1);
  const headline = [...byKind].map(([kind, n]) => count(n, KIND_WORDS[kind])).join(', ');
  const groups = new Map<string, DigestItem[]>();
  for (const item of [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const key = item.inquiryId ?? `workspace:${item.workspaceName}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const sections = [...groups].map(([key, list]) => {
    const first = list[0] as DigestItem;
    const title = first.inquiryTitle ? `${first.inquiryTitle} (${first.workspaceName})` : first.workspaceName;
    const lines = list.map((i) => `  - ${i.summary}`);
    const link = first.inquiryId ? [`  ${links.inquiry(first.inquiryId)}`] : [];
    return [title, ...lines, ...link].join('\n');
  });
  return {
    subject: `Colearn: ${headline}`,
    text: [
      `Hello ${person.name},`,
      `Since your last digest: ${headline}.`,
      ...sections,
      `Your inbox: ${links.inbox}`,
      `You get this digest because you chose it. Change or stop it: ${links.preferences}`,
    ].join('\n\n'),
  };
}
