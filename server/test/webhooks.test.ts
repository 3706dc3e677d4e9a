import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createTeam } from './factories.js';
import { startServer, type TestServer } from './server.js';

// Webhooks end to end: a real receiver on a real port, signatures checked the way a receiver would,
// retries against a failing receiver, and nothing private in any payload.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver that records what arrives and answers with the next status in `statuses` (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a receiver does: recompute the HMAC over "<timestamp>.<body>" and compare. */
function verifies(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['x-colearn-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
  return r.headers['x-colearn-signature'] === expected;
}

describe('webhooks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      config: {
        publicUrl: 'https://colearn.example',
        webhooks: { allowPrivate: true, pollMs: 50, retryBaseMs: 100, timeoutMs: 2_000 },
      },
    });
  });
  afterAll(() => server.close());

  it('delivers chosen events signed, with links, and never an anonymous author', async () => {
    const { owner, facilitator, member, workspaceId, inquiryId } = await createTeam(server);
    const hook = await receiver();
    const made = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url,
      events: ['contribution.created', 'inquiry.phase_changed'],
    });
    expect(made.status).toBe(201);
    const { secret, id } = made.body.webhook;
    expect(secret).toMatch(/^whsec_/);

    const named = await contribute(member, inquiryId, { kind: 'evidence', body: 'Returns doubled in March' });
    await contribute(member, inquiryId, {
      kind: 'assumption',
      body: 'Nobody reads the size chart',
      anonymous: true,
    });
    await facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'exploring' });

    await until('three deliveries', () => hook.received.length >= 3 || undefined);
    const bodies = hook.received.map((r) => JSON.parse(r.body));
    expect(hook.received.every((r) => verifies(secret, r))).toBe(true);
    expect(verifies('whsec_wrong', hook.received[0] as Received)).toBe(false);
    expect(bodies.map((b) => b.event).sort()).toEqual([
      'contribution.created',
      'contribution.created',
      'inquiry.phase_changed',
    ]);
    const first = bodies.find((b) => b.contribution?.id === named.id);
    expect(first.contribution.author.name).toBe('Mia Member');
    expect(first.inquiry.url).toBe(`https://colearn.example/i/${inquiryId}`);
    const anonymous = hook.received.find((r) => r.body.includes('Nobody reads the size chart'));
    expect(JSON.parse(anonymous?.body ?? '{}').contribution.author).toBeNull();
    expect(anonymous?.body).not.toContain(member.id);
    expect(anonymous?.body).not.toContain('Mia');
    expect(bodies.find((b) => b.event === 'inquiry.phase_changed')).toMatchObject({
      from: 'framing',
      to: 'exploring',
    });
    expect(hook.received[0]?.headers['x-colearn-event']).toBeDefined();

    const log = await owner.client.get(`/api/webhooks/${id}/deliveries`);
    expect(log.body.items).toHaveLength(3);
    expect(
      log.body.items.every(
        (d: { status: string; attempts: number }) => d.status === 'delivered' && d.attempts === 1,
      ),
    ).toBe(true);
    await hook.close();
  });

  it('retries a failing receiver with backoff until it answers, and logs each attempt', async () => {
    const { owner, member, workspaceId, inquiryId } = await createTeam(server);
    const hook = await receiver([500, 503]);
    const made = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url,
      events: ['contribution.created'],
    });
    await contribute(member, inquiryId, { kind: 'idea', body: 'Try a fit quiz' });
    const delivered = await until('the third attempt to succeed', async () => {
      const log = await owner.client.get(`/api/webhooks/${made.body.webhook.id}/deliveries`);
      const [d] = log.body.items;
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    expect(hook.received).toHaveLength(3);
    // The same event each time (one delivery id), freshly signed.
    expect(new Set(hook.received.map((r) => r.headers['x-colearn-delivery'])).size).toBe(1);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    await hook.close();
  });

  it('sends a Slack-compatible message and a test ping on demand', async () => {
    const { owner, member, workspaceId, inquiryId } = await createTeam(server);
    const hook = await receiver();
    const made = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url,
      events: ['contribution.created'],
      format: 'slack',
    });
    const ping = await owner.client.post(`/api/webhooks/${made.body.webhook.id}/test`);
    expect(ping.body.delivery).toMatchObject({ event: 'ping', status: 'delivered', lastStatusCode: 200 });
    await contribute(member, inquiryId, { kind: 'idea', body: 'Try a fit quiz' });
    await until('the note', () => hook.received.length >= 2 || undefined);
    const text = JSON.parse(hook.received[1]?.body ?? '{}').text;
    expect(text).toBe(
      `Mia Member added an idea to <https://colearn.example/i/${inquiryId}|Aurora churn>: “Try a fit quiz”`,
    );
    await hook.close();
  });

  it('holds back what private mode hides until it is revealed, and stops sending when paused', async () => {
    const { owner, facilitator, member, workspaceId } = await createTeam(server);
    const hook = await receiver();
    const made = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url,
      events: ['contribution.created', 'inquiry.created'],
    });
    const created = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
      title: 'Think first',
      question: 'What should we try?',
      participantIds: [member.id],
      privateMode: true,
    });
    await contribute(member, created.body.inquiry.id, { kind: 'idea', body: 'A private thought' });
    await until('the inquiry', () => hook.received.length >= 1 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['inquiry.created']);

    // The reveal shows it to everyone: now it is sent, marked as revealed, once.
    expect((await facilitator.client.post(`/api/inquiries/${created.body.inquiry.id}/reveal`)).status).toBe(
      200,
    );
    await until('the revealed note', () => hook.received.length >= 2 || undefined);
    expect(JSON.parse(hook.received[1]?.body ?? '{}')).toMatchObject({
      event: 'contribution.created',
      revealed: true,
      contribution: { excerpt: 'A private thought', author: { name: 'Mia Member' } },
    });
    await facilitator.client.post(`/api/inquiries/${created.body.inquiry.id}/reveal`);

    await owner.client.patch(`/api/webhooks/${made.body.webhook.id}`, { active: false });
    await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
      title: 'Another',
      question: 'Why?',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.received).toHaveLength(2);
    await hook.close();
  });

  it('sends the leader’s held-back notes once the last member has posted', async () => {
    const { owner, facilitator, member, workspaceId } = await createTeam(server);
    const hook = await receiver();
    await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url,
      events: ['contribution.created'],
    });
    const created = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
      title: 'Leader last',
      question: 'What should we try?',
      participantIds: [member.id],
      leaderSpeaksLast: true,
    });
    const inquiryId = created.body.inquiry.id;
    await contribute(facilitator, inquiryId, { kind: 'idea', body: 'The manager’s idea' });
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.received).toHaveLength(0);
    await contribute(member, inquiryId, { kind: 'idea', body: 'The member’s idea' });
    await until('both notes', () => hook.received.length >= 2 || undefined);
    const sent = hook.received.map((r) => JSON.parse(r.body));
    expect(sent.map((b) => [b.contribution.excerpt, b.revealed ?? false])).toEqual([
      ['The member’s idea', false],
      ['The manager’s idea', true],
    ]);
    await hook.close();
  });

  it('lets only owners configure webhooks and validates them', async () => {
    const { owner, facilitator, workspaceId } = await createTeam(server);
    expect(
      (
        await facilitator.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
          url: 'https://x.example',
          events: ['inquiry.created'],
        })
      ).status,
    ).toBe(403);
    const bad = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: 'ftp://x',
      events: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.events',
      'body.url',
    ]);
  });
});

describe('webhooks on an instance that does not allow private receivers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      config: { webhooks: { allowPrivate: false, pollMs: 50, retryBaseMs: 100, timeoutMs: 2_000 } },
    });
  });
  afterAll(() => server.close());

  it('refuses to connect to a loopback address and says why', async () => {
    const { owner, workspaceId } = await createTeam(server);
    const hook = await receiver();
    const made = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url,
      events: ['inquiry.created'],
    });
    const ping = await owner.client.post(`/api/webhooks/${made.body.webhook.id}/test`);
    expect(ping.body.delivery.status).toBe('pending');
    expect(ping.body.delivery.lastStatusCode).toBeNull();
    expect(ping.body.delivery.lastError).toMatch(/not a public address/);
    // A name that resolves to loopback is refused on the address actually looked up.
    const byName = await owner.client.post(`/api/workspaces/${workspaceId}/webhooks`, {
      url: hook.url.replace('127.0.0.1', 'localhost'),
      events: ['inquiry.created'],
    });
    const named = await owner.client.post(`/api/webhooks/${byName.body.webhook.id}/test`);
    expect(named.body.delivery.lastError).toMatch(/not a public address/);
    expect(hook.received).toHaveLength(0);
    await hook.close();
  });
});
