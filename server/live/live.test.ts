import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createTeam, join, signUp } from '../test/factories.js';
import { openStream, ready } from '../test/live-client.js';
import { startServer, type TestServer } from '../test/server.js';

describe('live stream', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('replays what a client missed, then streams new events in order', async () => {
    const { member, facilitator, inquiryId } = await createTeam(server);
    const first = await openStream(server, member, inquiryId);
    await ready(first);
    const seen = first.events().map((e) => e.seq);
    expect(seen.length).toBeGreaterThan(0);
    const last = Math.max(...(seen as number[]));
    await first.close();

    await contribute(facilitator, inquiryId, { kind: 'question', body: 'Missed one' });
    await contribute(facilitator, inquiryId, { kind: 'idea', body: 'Missed two' });
    const again = await openStream(server, member, inquiryId, last);
    await ready(again);
    expect(again.events().map((e) => [e.seq, e.type, e.data.body])).toEqual([
      [last + 1, 'contribution.created', 'Missed one'],
      [last + 2, 'contribution.created', 'Missed two'],
    ]);
    await contribute(facilitator, inquiryId, { kind: 'evidence', body: 'Live one' });
    await again.waitFor((m) => m.some((x) => x.data?.body === 'Live one'), 'the live note');
    expect(again.events().map((e) => e.seq)).toEqual([last + 1, last + 2, last + 3]);
    await again.close();
  });

  it('gives each recipient what the REST API would: anonymous authors hidden, isMine per person', async () => {
    const { member, facilitator, inquiryId, noteId } = await createTeam(server);
    const theirs = await openStream(server, facilitator, inquiryId);
    const mine = await openStream(server, member, inquiryId);
    await Promise.all([ready(theirs), ready(mine)]);
    const secret = await contribute(member, inquiryId, {
      kind: 'assumption',
      body: 'Nobody reads the size guide',
      anonymous: true,
      links: [{ toId: noteId, kind: 'challenges' }],
    });
    const arrived = (s: typeof theirs) =>
      s.waitFor((m) => m.some((x) => x.type === 'link.created'), 'the anonymous link');
    await Promise.all([arrived(theirs), arrived(mine)]);
    const created = (s: typeof theirs) => s.events().find((e) => e.data?.id === secret.id);
    expect(created(theirs)?.data).toMatchObject({ author: null, isMine: false, anonymous: true });
    expect(created(mine)?.data).toMatchObject({ author: { id: member.id }, isMine: true });
    const wire = JSON.stringify(theirs.messages.filter((m) => m.type !== 'presence'));
    const afterSecret = wire.slice(wire.indexOf(secret.id));
    expect(afterSecret).not.toContain(member.id);
    expect(theirs.events().find((e) => e.type === 'link.created')?.data.createdBy).toBeNull();
    // Presence names who is here, but never what an anonymous author is typing.
    mine.send({ type: 'typing', kind: 'assumption', anonymous: true });
    mine.send({ type: 'ping' });
    await mine.waitFor((m) => m.some((x) => x.type === 'pong'), 'pong');
    await new Promise((r) => setTimeout(r, 400));
    const presence = theirs.messages.filter((m) => m.type === 'presence').at(-1);
    expect(presence?.data.users.find((u: { id: string }) => u.id === member.id)?.typing).toBeNull();
    await Promise.all([theirs.close(), mine.close()]);
  });

  it('shows who is here and what they are writing, and forgets them when they leave', async () => {
    const { member, facilitator, inquiryId } = await createTeam(server);
    const watcher = await openStream(server, facilitator, inquiryId);
    await ready(watcher);
    const visitor = await openStream(server, member, inquiryId);
    await ready(visitor);
    const lastPresence = () => watcher.messages.filter((m) => m.type === 'presence').at(-1)?.data.users ?? [];
    await watcher.waitFor(
      () => lastPresence().some((u: { id: string }) => u.id === member.id),
      'the member present',
    );
    visitor.send({ type: 'typing', kind: 'hypothesis' });
    await watcher.waitFor(
      () =>
        lastPresence().some(
          (u: { id: string; typing: string }) => u.id === member.id && u.typing === 'hypothesis',
        ),
      'the typing hint',
    );
    await visitor.close();
    await watcher.waitFor(
      () => !lastPresence().some((u: { id: string }) => u.id === member.id),
      'the member gone',
    );
    await watcher.close();
  });

  it('closes the stream of a member who is removed from the workspace', async () => {
    const { owner, member, inquiryId, workspaceId } = await createTeam(server);
    const stream = await openStream(server, member, inquiryId);
    await ready(stream);
    expect((await owner.client.delete(`/api/workspaces/${workspaceId}/members/${member.id}`)).status).toBe(
      204,
    );
    expect((await stream.closed).code).toBe(4403);
    await expect(openStream(server, member, inquiryId)).rejects.toThrow(/404/);
  });

  it('refuses strangers before the upgrade, and tells a client from the future to reload', async () => {
    const { outsider, member, inquiryId } = await createTeam(server);
    await expect(openStream(server, outsider, inquiryId)).rejects.toThrow(/404/);
    const ahead = await openStream(server, member, inquiryId, 10_000);
    expect((await ahead.closed).code).toBe(4410);
  });

  it('never loses or repeats an event when a client drops at random points while others write', async () => {
    const { member, facilitator, owner, workspaceId, inquiryId } = await createTeam(server);
    const writers = [facilitator, owner, await signUp(server, 'Wendy Writer')];
    await join(owner, workspaceId, writers[2] as (typeof writers)[number], 'member');
    let written = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ writes: fc.integer({ min: 0, max: 4 }), dropAfter: fc.integer({ min: 0, max: 3 }) }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (schedule) => {
          let since = (await member.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry.lastSeq;
          const start = since;
          const got: number[] = [];
          for (const step of schedule) {
            const stream = await openStream(server, member, inquiryId, since);
            const posts = Array.from({ length: step.writes }, (_, i) =>
              contribute(writers[(written + i) % writers.length] as (typeof writers)[number], inquiryId, {
                kind: 'idea',
                body: `w${written + i}`,
              }),
            );
            written += step.writes;
            // Drop the connection part-way: after some of the writes have been sent, not all delivered.
            await Promise.all(posts.slice(0, step.dropAfter));
            await stream.close();
            got.push(...stream.events().map((e) => e.seq as number));
            since = Math.max(since, ...got);
            await Promise.all(posts);
          }
          const head = (await member.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry.lastSeq;
          const final = await openStream(server, member, inquiryId, since);
          await ready(final);
          got.push(...final.events().map((e) => e.seq as number));
          await final.close();
          const expected = Array.from({ length: head - start }, (_, i) => start + 1 + i);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
    // 25 random schedules with real sockets: give a loaded CI machine room (a time limit, not a measurement).
  }, 120_000);

  it('tells each viewer whether they themselves said "this helped me"', async () => {
    const { facilitator, owner, inquiryId, noteId } = await createTeam(server);
    const since = (await owner.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry.lastSeq;
    const [theirs, onlooker] = await Promise.all([
      openStream(server, facilitator, inquiryId, since),
      openStream(server, owner, inquiryId, since),
    ]);
    await Promise.all([ready(theirs), ready(onlooker)]);
    await facilitator.client.request('PUT', `/api/contributions/${noteId}/acknowledgement`);
    const updated = (s: typeof theirs) => s.events().find((e) => e.type === 'contribution.updated')?.data;
    await Promise.all([theirs, onlooker].map((s) => s.waitFor(() => updated(s) !== undefined, 'the update')));
    expect(updated(theirs)).toMatchObject({ acknowledgements: 1, acknowledgedByMe: true });
    expect(updated(onlooker)).toMatchObject({ acknowledgements: 1, acknowledgedByMe: false });
    await Promise.all([theirs.close(), onlooker.close()]);
  });
});
