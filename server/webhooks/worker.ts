import type { FastifyBaseLogger } from 'fastify';
import { MAX_ATTEMPTS, nextAttemptDelayMs } from '../../domain/retry.js';
import { Poller } from '../jobs/poller.js';
import type { Db } from '../store/db.js';
import { now } from '../store/ids.js';
import {
  claimDelivery,
  type DeliveryRecord,
  dueDeliveries,
  findWebhook,
  recordAttempt,
} from '../store/webhooks.js';
import { type SendOptions, sendOnce } from './send.js';

// Sends what the outbox holds: every instance polls, claims a delivery before sending it (so two instances
// never both send one), and on failure schedules the next attempt with backoff until it gives up.

export interface WorkerOptions extends SendOptions {
  pollMs: number;
  retryBaseMs: number;
  batch: number;
}

export class WebhookWorker {
  private readonly poller: Poller;

  constructor(
    private readonly db: Db,
    private readonly options: WorkerOptions,
    private readonly log: FastifyBaseLogger,
  ) {
    this.poller = new Poller(
      options.pollMs,
      () => this.sendDue(),
      (error) => log.error({ err: error }, 'webhook worker pass failed'),
    );
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async sendDue(): Promise<void> {
    const due = await dueDeliveries(this.db, now(), this.options.batch);
    await Promise.all(due.map((d) => this.attempt(d)));
  }

  /** Sends one delivery now (the test button), whatever its schedule. */
  async attempt(delivery: DeliveryRecord): Promise<void> {
    const at = now();
    const holdUntil = new Date(Date.now() + this.options.timeoutMs * 2).toISOString();
    if (!(await claimDelivery(this.db, delivery.id, at, holdUntil))) return;
    const hook = await findWebhook(this.db, delivery.webhookId);
    if (!hook) return;
    const result = await sendOnce(hook, delivery, this.options);
    const attempts = delivery.attempts + 1;
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const error = ok ? null : (result.error ?? `the receiver answered ${result.statusCode}`);
    const delay = ok ? null : nextAttemptDelayMs(attempts, this.options.retryBaseMs);
    await recordAttempt(this.db, delivery.id, {
      status: ok ? 'delivered' : delay === null || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: delay === null ? null : new Date(Date.now() + delay).toISOString(),
      statusCode: result.statusCode,
      error,
    });
    if (!ok)
      this.log.warn(
        { webhookId: hook.id, deliveryId: delivery.id, attempts, error },
        'webhook delivery failed',
      );
  }
}
