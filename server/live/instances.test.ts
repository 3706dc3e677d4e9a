import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable, REDIS_URL, redisUnavailable } from '../test/databases.js';
import { contribute, createTeam } from '../test/factories.js';
import { openStream, ready } from '../test/live-client.js';
import { on, twoInstances } from '../test/server.js';

// Two instances of one deployment: one PostgreSQL database, Redis between them, no sticky sessions.

const reason = (await postgresUnavailable()) ?? (await redisUnavailable());
if (reason) console.warn(`Skipping the two-instance live tests: ${reason}`);

describe.skipIf(reason)('several instances on PostgreSQL + Redis', () => {
  const instances = twoInstances(REDIS_URL, { beforeAll, afterAll });

  it('delivers to a client on A, in order and once, what is written through B and A at the same time', async () => {
    const team = await createTeam(instances.a);
    const since = (await team.member.client.get(`/api/inquiries/${team.inquiryId}`)).body.inquiry.lastSeq;
    const stream = await openStream(instances.a, team.member, team.inquiryId, since);
    await ready(stream);
    const writers = [on(instances.b, team.facilitator), team.member];
    const bodies = Array.from({ length: 12 }, (_, i) => `through ${i % 2 ? 'A' : 'B'} #${i}`);
    await Promise.all(
      bodies.map((body, i) =>
        contribute(writers[i % 2] as (typeof writers)[0], team.inquiryId, { kind: 'idea', body }),
      ),
    );
    await stream.waitFor(
      (m) => m.filter((x) => x.type === 'contribution.created').length >= 12,
      'twelve notes',
    );
    const seqs = stream.events().map((e) => e.seq as number);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => since + 1 + i));
    expect(new Set(stream.events().map((e) => e.data.body))).toEqual(new Set(bodies));
    await stream.close();
  });

  it('announces a newcomer once, even when their first notes race through both instances', async () => {
    const team = await createTeam(instances.a);
    const since = (await team.owner.client.get(`/api/inquiries/${team.inquiryId}`)).body.inquiry.lastSeq;
    const stream = await openStream(instances.a, team.member, team.inquiryId, since);
    await ready(stream);
    const owners = [team.owner, on(instances.b, team.owner)];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        contribute(owners[i % 2] as (typeof owners)[0], team.inquiryId, { body: `o${i}` }),
      ),
    );
    await stream.waitFor((m) => m.filter((x) => x.type === 'contribution.created').length >= 4, 'four notes');
    expect(stream.events().filter((e) => e.type === 'participant.joined')).toHaveLength(1);
    await stream.close();
  });

  it('merges presence across instances and closes a removed member’s stream on the other one', async () => {
    const team = await createTeam(instances.a);
    const onA = await openStream(instances.a, team.facilitator, team.inquiryId);
    const onB = await openStream(instances.b, on(instances.b, team.member), team.inquiryId);
    await Promise.all([ready(onA), ready(onB)]);
    const names = () =>
      (onA.messages.filter((m) => m.type === 'presence').at(-1)?.data.users ?? []).map(
        (u: { id: string }) => u.id,
      );
    await onA.waitFor(() => names().includes(team.member.id), 'the member on B present on A');
    await team.owner.client.delete(`/api/workspaces/${team.workspaceId}/members/${team.member.id}`);
    expect((await onB.closed).code).toBe(4403);
    await onA.close();
  });
});
