import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createTeam } from './factories.js';
import { startServer, type TestServer } from './server.js';

// Notification preferences and e-mail digests, against a real SMTP server: muted kinds stay out of the
// inbox, a digest gathers what arrived since the last one into one mail, and a refused mail is retried.

interface Received {
  to: string[];
  raw: string;
}

async function smtp(refuseFirst = 0) {
  const received: Received[] = [];
  let refusals = refuseFirst;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('notification delivery', () => {
  let server: TestServer;
  let mail: Awaited<ReturnType<typeof smtp>>;
  beforeAll(async () => {
    mail = await smtp(1);
    server = await startServer({
      config: {
        publicUrl: 'https://colearn.example',
        // The poller is driven by hand below (runOnce), so it never runs on its own here.
        mail: { smtpUrl: mail.url, from: 'Colearn <colearn@example.com>', pollMs: 3_600_000, retryBaseMs: 1 },
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await mail.close();
  });

  it('keeps muted kinds out of the inbox and validates preferences', async () => {
    const { member, facilitator, inquiryId } = await createTeam(server);
    expect((await member.client.get('/api/me/notification-preferences')).body.preferences).toEqual({
      emailDigest: 'off',
      muted: [],
    });
    const saved = await member.client.put('/api/me/notification-preferences', {
      emailDigest: 'off',
      muted: ['mention'],
    });
    expect(saved.body.preferences.muted).toEqual(['mention']);
    await contribute(facilitator, inquiryId, { kind: 'question', body: 'What do you think, @[Mia Member]?' });
    const inbox = await member.client.get('/api/notifications');
    expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'mention')).toEqual([]);

    const bad = await member.client.put('/api/me/notification-preferences', {
      emailDigest: 'weekly',
      muted: ['spam'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.emailDigest',
      'body.muted.0',
    ]);
  });

  it('sends one hourly digest with what arrived since the last, through SMTP, retrying a refusal', async () => {
    const { member, facilitator, inquiryId } = await createTeam(server);
    await member.client.put('/api/me/notification-preferences', { emailDigest: 'hourly', muted: [] });
    await contribute(facilitator, inquiryId, { kind: 'question', body: 'What do you think, @[Mia Member]?' });
    await contribute(facilitator, inquiryId, {
      kind: 'evidence',
      body: 'Numbers for @[Mia Member]: returns doubled',
    });
    await facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'exploring' });
    const mailer = server.mailer;

    // Not an hour yet: nothing is composed.
    await mailer.composeDueDigests(new Date());
    await mailer.sendDue();
    expect(mail.received.filter((m) => m.to.includes(member.email))).toHaveLength(0);

    // An hour later: one mail, refused once by the server (451), sent on the retry.
    await mailer.composeDueDigests(new Date(Date.now() + 3600_000 + 1000));
    await mailer.sendDue();
    expect(mail.received.filter((m) => m.to.includes(member.email))).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 20));
    await mailer.sendDue();
    const mine = mail.received.filter((m) => m.to.includes(member.email));
    expect(mine).toHaveLength(1);
    const raw = (mine[0]?.raw ?? '').replace(/=\r?\n/g, '');
    expect(raw).toMatch(/Subject: Colearn: 2 mentions, 1 phase change/);
    expect(raw).toContain(`https://colearn.example/i/${inquiryId}`);
    expect(raw).toContain('Aurora churn (Acme)');

    // The clock moved on: the same things are not mailed again.
    await mailer.composeDueDigests(new Date(Date.now() + 2 * 3600_000 + 2000));
    await mailer.sendDue();
    expect(mail.received.filter((m) => m.to.includes(member.email))).toHaveLength(1);
  });
});
