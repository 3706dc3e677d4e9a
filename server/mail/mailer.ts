import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import { composeDigest, type DigestFrequency, digestDue } from '../../domain/digest.js';
import { MAX_ATTEMPTS, nextAttemptDelayMs } from '../../domain/retry.js';
import { Poller } from '../jobs/poller.js';
import type { Db } from '../store/db.js';
import { now } from '../store/ids.js';
import { claimMail, dueMails, type MailRecord, queueMail, recordMailAttempt } from '../store/mail-outbox.js';
import { advanceDigest, digestCandidates } from '../store/notification-preferences.js';

// E-mail: digests are composed into the mail outbox (one transaction per person, claimed so two instances
// never send one digest twice), and the outbox is sent through SMTP with retry. Without SMTP_URL a mail is
// written to the log instead, so a test instance or a laptop loses nothing and sends nothing.

export interface MailOptions {
  smtpUrl: string | null;
  from: string;
  pollMs: number;
  retryBaseMs: number;
  publicUrl: string | null;
}

const BATCH = 50;
/** A digest has only so much room; the inbox holds the rest. */
const MAX_ITEMS = 100;

export class Mailer {
  private readonly poller: Poller;
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Db,
    private readonly options: MailOptions,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
    this.poller = new Poller(
      options.pollMs,
      async () => {
        await this.composeDueDigests();
        await this.sendDue();
      },
      (error) => log.error({ err: error }, 'mail pass failed'),
    );
  }

  start(): void {
    this.poller.start();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    this.transport?.close();
  }

  /** One pass now (tests, and a shutdown that wants the outbox empty). */
  runOnce(): Promise<void> {
    return this.poller.tick();
  }

  /** An absolute link into the app when PUBLIC_URL is set; otherwise the path (mails then go to the log). */
  link(path: string): string {
    return this.options.publicUrl ? new URL(path, this.options.publicUrl).toString() : path;
  }

  /** Everyone whose digest period has passed gets one mail with what reached their inbox since. */
  async composeDueDigests(at = new Date()): Promise<void> {
    const candidates = await digestCandidates(
      this.db,
      new Date(at.getTime() - 3600_000).toISOString(),
      BATCH,
    );
    for (const person of candidates) {
      if (!digestDue(person.emailDigest as DigestFrequency, person.lastDigestAt, at)) continue;
      const until = at.toISOString();
      await this.db.transaction().execute(async (trx) => {
        // The clock moves first: if another instance moved it, this one leaves the digest to it.
        if (!(await advanceDigest(trx, person.userId, person.lastDigestAt, until))) return;
        const items = await trx
          .selectFrom('notifications')
          .innerJoin('workspaces', 'workspaces.id', 'notifications.workspace_id')
          .leftJoin('inquiries', 'inquiries.id', 'notifications.inquiry_id')
          .select([
            'notifications.kind',
            'notifications.inquiry_id as inquiryId',
            'inquiries.title as inquiryTitle',
            'workspaces.name as workspaceName',
            'notifications.summary',
            'notifications.created_at as createdAt',
          ])
          .where('notifications.user_id', '=', person.userId)
          .where('notifications.read_at', 'is', null)
          .where('notifications.created_at', '>', person.lastDigestAt)
          .where('notifications.created_at', '<=', until)
          .orderBy('notifications.created_at')
          .limit(MAX_ITEMS)
          .execute();
        if (items.length === 0) return;
        const mail = composeDigest({ name: person.name }, items, {
          inquiry: (id) => this.link(`/i/${id}`),
          inbox: this.link('/'),
          preferences: this.link('/account/notifications'),
        });
        await queueMail(trx, { to: person.email, ...mail });
      });
    }
  }

  /**
   * Sends what is due now rather than at the next pass, for a mail someone is waiting for (a password
   * link). A pass running at the same time cannot send it twice: each mail is claimed before sending.
   */
  sendSoon(): void {
    void this.sendDue().catch((error) => this.log.error({ err: error }, 'mail send failed'));
  }

  async sendDue(): Promise<void> {
    for (const mail of await dueMails(this.db, now(), BATCH)) await this.attempt(mail);
  }

  private async attempt(mail: MailRecord): Promise<void> {
    const at = now();
    if (!(await claimMail(this.db, mail.id, at, new Date(Date.now() + 60_000).toISOString()))) return;
    const attempts = mail.attempts + 1;
    try {
      if (this.transport) {
        await this.transport.sendMail({
          from: this.options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
      } else {
        this.log.info(
          { to: mail.to, subject: mail.subject, text: mail.text },
          'mail (no SMTP_URL: logged, not sent)',
        );
      }
      await recordMailAttempt(this.db, mail.id, {
        status: 'sent',
        attempts,
        nextAttemptAt: null,
        error: null,
      });
    } catch (error) {
      const delay = nextAttemptDelayMs(attempts, this.options.retryBaseMs);
      const message = error instanceof Error ? error.message : String(error);
      await recordMailAttempt(this.db, mail.id, {
        status: delay === null || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        nextAttemptAt: delay === null ? null : new Date(Date.now() + delay).toISOString(),
        error: message,
      });
      this.log.warn({ mailId: mail.id, attempts, error: message }, 'mail not sent');
    }
  }
}
