import type { ContributionKind, LinkKind } from './model.js';

/** What the link rules need to know about each end. */
export interface LinkEnd {
  id: string;
  inquiryId: string;
  kind: ContributionKind;
}

export interface ExistingLink {
  fromId: string;
  toId: string;
  kind: LinkKind;
}

export type LinkProblem =
  | { code: 'self_link'; message: string }
  | { code: 'cross_inquiry'; message: string }
  | { code: 'answers_non_question'; message: string }
  | { code: 'duplicate'; message: string };

/**
 * Checks a link `from —kind→ to` ("from builds on / supports / challenges / answers / synthesizes to").
 * Returns the first rule it breaks, or null when the link may be made.
 */
export function checkLink(
  from: LinkEnd,
  to: LinkEnd,
  kind: LinkKind,
  existing: readonly ExistingLink[],
): LinkProblem | null {
  if (from.id === to.id) return { code: 'self_link', message: 'A note cannot link to itself.' };
  if (from.inquiryId !== to.inquiryId) {
    return { code: 'cross_inquiry', message: 'Both notes must belong to the same inquiry.' };
  }
  if (kind === 'answers' && to.kind !== 'question') {
    return { code: 'answers_non_question', message: 'Only a question can be answered.' };
  }
  if (existing.some((l) => l.fromId === from.id && l.toId === to.id && l.kind === kind)) {
    return { code: 'duplicate', message: 'These notes are already linked this way.' };
  }
  return null;
}

/** Words shown to people for each link, read as "<from> <verb> <to>". */
export const LINK_VERBS: Record<LinkKind, string> = {
  builds_on: 'builds on',
  supports: 'supports',
  challenges: 'challenges',
  answers: 'answers',
  synthesizes: 'synthesizes',
};
