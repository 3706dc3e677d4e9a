import type { Notification } from '../../contract/notifications.js';
import type { NotificationKind } from '../../domain/model.js';

// The inbox in plain words, and where each notification takes you.

const TEXT: Record<NotificationKind, (actor: string) => string> = {
  mention: (a) => `${a} mentioned you`,
  reply: (a) => `${a} replied to your note`,
  help_request: (a) => `${a} is stuck and asks for help`,
  help_answered: (a) => `${a} answered your help request`,
  phase_changed: (a) => `${a} moved the inquiry to a new phase`,
  consent_needed: (a) => `${a} proposed a conclusion: it needs your consent`,
  pulse_open: (a) => `${a} opened a pulse: how safe does it feel to speak up?`,
};

type Shown = Pick<Notification, 'kind' | 'actor' | 'inquiryId' | 'subjectId' | 'workspaceId'>;

export function notificationText(n: Shown): string {
  // An anonymous note's notifications carry no actor: they never name its author.
  return TEXT[n.kind](n.actor?.name ?? 'Someone (anonymous)');
}

/**
 * The note (mention, reply), the help request, the pulse to answer (on the board, or the workspace home for
 * a team pulse), or the inquiry's board; null when it is about nothing to open.
 */
export function notificationHref(n: Shown): string | null {
  if (n.kind === 'pulse_open' && n.subjectId) {
    const where = n.inquiryId
      ? `/i/${encodeURIComponent(n.inquiryId)}`
      : `/w/${encodeURIComponent(n.workspaceId)}`;
    return `${where}?pulse=${encodeURIComponent(n.subjectId)}`;
  }
  if (!n.inquiryId) return null;
  const board = `/i/${encodeURIComponent(n.inquiryId)}`;
  if (!n.subjectId) return board;
  const subject = encodeURIComponent(n.subjectId);
  if (n.kind === 'mention' || n.kind === 'reply') return `${board}?note=${subject}`;
  if (n.kind === 'help_request' || n.kind === 'help_answered') return `${board}?help=${subject}`;
  return board;
}
