import type { WebhookEvent } from '../../contract/webhooks.js';
import type { WebhookEventBody } from '../../domain/webhooks.js';
import type { Db } from '../store/db.js';
import { now } from '../store/ids.js';
import type { InquiryRecord } from '../store/inquiries.js';
import { insertDelivery, subscribers } from '../store/webhooks.js';

// The webhook outbox: commands call this inside their transaction, so a delivery exists exactly when the
// change it reports was committed. The worker (worker.ts) sends it afterwards. Payloads carry only what any
// member of the workspace may see: never an anonymous author, never a note private mode still hides.

const EXCERPT = 280;
export const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

export async function enqueueWebhooks(
  trx: Db,
  input: {
    workspaceId: string;
    event: WebhookEvent | 'ping';
    inquiry?: InquiryRecord;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const hooks = await subscribers(trx, input.workspaceId, input.event);
  if (hooks.length === 0) return;
  const workspace = await trx
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
  const payload = JSON.stringify(body);
  for (const hook of hooks) await insertDelivery(trx, hook.id, input.event, payload);
}
