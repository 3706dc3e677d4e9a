import { z } from 'zod';
import { PersonRef } from './accounts.js';
import { Contribution, ContributionKind, Link } from './contributions.js';
import { Inquiry } from './inquiries.js';

// The messages of the live stream, WebSocket /api/inquiries/:inquiryId/live?since=<seq>.

export const LiveQuery = z.strictObject({ since: z.coerce.number().int().min(0).default(0) });

const head = { seq: z.number().int(), at: z.string() };
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({ ...head, type: z.enum(['contribution.created', 'contribution.updated']), data: Contribution }),
  z.object({ ...head, type: z.literal('link.created'), data: Link }),
  z.object({ ...head, type: z.literal('inquiry.updated'), data: Inquiry }),
  z.object({
    ...head,
    type: z.enum(['contribution.deleted', 'link.deleted']),
    data: z.object({ id: z.string() }),
  }),
  z.object({
    ...head,
    type: z.enum(['participant.joined', 'participant.left']),
    data: z.object({ user: PersonRef }),
  }),
  z.object({ ...head, type: z.literal('conclusion.updated'), data: z.object({ inquiryId: z.string() }) }),
  z.object({ ...head, type: z.literal('reflection.updated'), data: z.object({ userId: z.string() }) }),
  z.object({
    ...head,
    type: z.enum(['commitments.changed', 'subtasks.changed', 'help.changed']),
    data: z.object({ inquiryId: z.string() }),
  }),
  /** The understanding check or a pulse of the inquiry changed: refetch. Never carries answers. */
  z.object({
    ...head,
    type: z.enum(['understanding.changed', 'pulses.changed']),
    data: z.object({ inquiryId: z.string() }),
  }),
  /** Notes that were hidden (private mode, leader speaks last) may now be visible: refetch the board. */
  z.object({
    ...head,
    type: z.literal('notes.revealed'),
    data: z.object({ reason: z.enum(['revealed', 'leader_may_speak']) }),
  }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const PresenceUser = PersonRef.extend({ typing: ContributionKind.nullable() });
export type PresenceUser = z.infer<typeof PresenceUser>;
export const PresenceMessage = z.object({
  type: z.literal('presence'),
  data: z.object({ users: z.array(PresenceUser) }),
});
export type PresenceMessage = z.infer<typeof PresenceMessage>;

/** Sent once the replay is done: everything up to `seq` has been delivered. */
export const ReadyMessage = z.object({ type: z.literal('ready'), seq: z.number().int() });
export const PongMessage = z.object({ type: z.literal('pong') });

export type ServerMessage =
  | LiveEvent
  | PresenceMessage
  | z.infer<typeof ReadyMessage>
  | z.infer<typeof PongMessage>;

/** What a client may send. A typing hint for an anonymous note is never shown to others. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('typing'),
    kind: ContributionKind.nullable(),
    anonymous: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Close codes the client acts on. */
export const LIVE_CLOSE = {
  /** `since` is older than the retained log (or from another database): reload, then reconnect. */
  reload: 4410,
  /** The viewer lost access to the inquiry. */
  forbidden: 4403,
  /** The client read too slowly; reconnect and resume. */
  tooSlow: 4408,
  /** The server is shutting down; reconnect elsewhere. */
  goingAway: 1001,
} as const;
