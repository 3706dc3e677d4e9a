import type { WebhookEvent } from '../../contract/webhooks.js';
import type { WebhookEventBody } from '../../domain/webhooks.js';
import type { Privacy } from '../auth/privacy.js';
import { type ContributionRecord, findContributions } from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { now } from '../store/ids.js';
import type { InquiryRecord } from '../store/inquiries.js';
import { insertDelivery, subscribers } from '../store/webhooks.js';

// The webhook outbox: commands call this inside their transaction, so a delivery exists exactly when the
// change it reports was committed. The worker (worker.ts) sends it afterwards. Payloads carry only what any
// member of the workspace may see: never an anonymous author, never a note private mode still hides.
// A note hidden when it was posted is sent when it becomes visible to everyone (a reveal, the end of a
// think-first phase, the leader allowed to speak), marked `revealed: true`.

/** A viewer who is nobody in particular: what they may see, every member may. */
export const OUTSIDER = 'outside-the-inquiry';

const EXCERPT = 280;
export const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

interface EventInput {
  workspaceId: string;
  event: WebhookEvent | 'ping';
  inquiry?: InquiryRecord;
  data?: Record<string, unknown>;
}

/** The stored payload of an event: what happened, where, and the event's own data. */
export async function eventPayload(db: Db, input: EventInput): Promise<string> {
  const workspace = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', input.workspaceId)
    .executeTakeFirstOrThrow();
  const body: WebhookEventBody = {
    event: input.event,
    occurredAt: now(),
    workspace,
    ...(input.inquiry && {
      // The receiver gets a link when the instance knows its public address (added when sending).
      inquiry: { id: input.inquiry.id, title: input.inquiry.title, phase: input.inquiry.phase, url: null },
    }),
    ...input.data,
  };
  return JSON.stringify(body);
}

/** Queues the event for every active webhook of the workspace that wants it. */
export async function enqueueWebhooks(trx: Db, input: EventInput): Promise<void> {
  const hooks = await subscribers(trx, input.workspaceId, input.event);
  if (hooks.length === 0) return;
  const payload = await eventPayload(trx, input);
  for (const hook of hooks) await insertDelivery(trx, hook.id, input.event, payload);
}

/** The `contribution.created` event of one note (never the author of an anonymous one). */
export async function enqueueNoteCreated(
  trx: Db,
  inquiry: InquiryRecord,
  note: ContributionRecord,
  revealed = false,
): Promise<void> {
  await enqueueWebhooks(trx, {
    workspaceId: inquiry.workspaceId,
    event: 'contribution.created',
    inquiry,
    data: {
      contribution: {
        id: note.id,
        kind: note.kind,
        excerpt: excerpt(note.body),
        author: note.anonymous ? null : { id: note.authorId, name: note.authorName },
        createdAt: note.createdAt,
      },
      ...(revealed && { revealed: true }),
    },
  });
}

/** Sends the notes that `after` shows to every member and `before` did not, oldest first. */
export async function enqueueRevealedNotes(
  trx: Db,
  inquiry: InquiryRecord,
  before: Privacy,
  after: Privacy,
): Promise<void> {
  if (!before.active || (await subscribers(trx, inquiry.workspaceId, 'contribution.created')).length === 0) {
    return;
  }
  const notes = await trx
    .selectFrom('contributions')
    .select(['id', 'author_id as authorId', 'created_at as createdAt'])
    .where('inquiry_id', '=', inquiry.id)
    .orderBy('id')
    .execute();
  const shown = notes.filter((n) => !before.canSee(OUTSIDER, n) && after.canSee(OUTSIDER, n));
  for (const note of await findContributions(
    trx,
    shown.map((n) => n.id),
  )) {
    await enqueueNoteCreated(trx, inquiry, note, true);
  }
}
