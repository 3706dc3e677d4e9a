import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createTeam, join, signUp } from './factories.js';
import { openStream, ready } from './live-client.js';
import { startServer, type TestServer } from './server.js';

describe('promotive interaction and accountability', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('carries each author’s lens, hides it on anonymous notes, and says which lenses are still unheard', async () => {
    const { facilitator, member, owner, workspaceId, inquiryId } = await createTeam(server);
    const peer = await signUp(server, 'Lee Lens');
    await join(owner, workspaceId, peer, 'member');
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { participantIds: [member.id, peer.id] });
    const lens = (userId: string, perspective: string | null) =>
      facilitator.client.patch(`/api/inquiries/${inquiryId}/participants/${userId}`, { perspective });
    expect(
      (await lens(member.id, 'customer')).body.participants.find(
        (p: { user: { id: string } }) => p.user.id === member.id,
      ).perspective,
    ).toBe('customer');
    await lens(peer.id, 'finance');
    expect((await lens(owner.id, 'data')).status).toBe(404);

    const named = await contribute(member, inquiryId, {
      kind: 'evidence',
      body: 'Support tickets mention fit',
    });
    const hidden = await contribute(peer, inquiryId, {
      kind: 'assumption',
      body: 'Margins are fine',
      anonymous: true,
    });
    expect(named.perspective).toBe('customer');
    expect(hidden.perspective).toBe('finance');
    const seen = (await facilitator.client.get(`/api/inquiries/${inquiryId}/contributions`)).body.items;
    expect(seen.find((c: { id: string }) => c.id === hidden.id).perspective).toBeNull();

    const people = (await member.client.get(`/api/inquiries/${inquiryId}/people`)).body;
    expect(people.perspectives).toEqual([
      { perspective: 'customer', heard: true },
      { perspective: 'finance', heard: false },
    ]);
  });

  it('announces a lens change with the inquiry as it stands after the change', async () => {
    const { facilitator, member, inquiryId } = await createTeam(server);
    const before = (await member.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry;
    const stream = await openStream(server, member, inquiryId, before.lastSeq);
    await ready(stream);
    // Timestamps have millisecond resolution: make sure the change lands on a later one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await facilitator.client.patch(`/api/inquiries/${inquiryId}/participants/${member.id}`, {
      perspective: 'customer',
    });
    expect(changed.status).toBe(200);
    await stream.waitFor((m) => m.some((x) => x.type === 'inquiry.updated'), 'the lens change');
    const event = stream.events().find((e) => e.type === 'inquiry.updated');
    expect(event?.data.updatedAt).toBe(changed.body.inquiry.updatedAt);
    expect(event?.data.updatedAt > before.updatedAt).toBe(true);
    await stream.close();
  });

  it('counts "this helped me" from others only, and shows it in the author’s panel', async () => {
    const { facilitator, member, inquiryId, noteId } = await createTeam(server);
    expect((await member.client.request('PUT', `/api/contributions/${noteId}/acknowledgement`)).status).toBe(
      409,
    );
    const thanked = await facilitator.client.request('PUT', `/api/contributions/${noteId}/acknowledgement`);
    expect(thanked.body.contribution).toMatchObject({ acknowledgements: 1, acknowledgedByMe: true });
    await facilitator.client.request('PUT', `/api/contributions/${noteId}/acknowledgement`);
    const mine = (await member.client.get(`/api/inquiries/${inquiryId}/contributions`)).body.items[0];
    expect(mine).toMatchObject({ acknowledgements: 1, acknowledgedByMe: false });

    const reply = await contribute(facilitator, inquiryId, {
      kind: 'idea',
      body: 'Reprint the chart',
      links: [{ toId: noteId, kind: 'builds_on' }],
    });
    expect(reply.id).toBeTruthy();
    const panels = (await member.client.get(`/api/inquiries/${inquiryId}/people`)).body.items;
    const of = (id: string) => panels.find((p: { user: { id: string } }) => p.user.id === id);
    expect(of(member.id)).toMatchObject({
      contributions: 1,
      buildOnsReceived: 1,
      acknowledgementsReceived: 1,
      reflection: 'missing',
    });
    expect(of(facilitator.id)).toMatchObject({ buildOnsGiven: 1 });

    const untouched = await facilitator.client.delete(`/api/contributions/${noteId}/acknowledgement`);
    expect(untouched.body.contribution.acknowledgements).toBe(0);
  });

  it('keeps commitments with an owner from the inquiry, and lets the owner close them', async () => {
    const { facilitator, member, outsider, inquiryId } = await createTeam(server);
    const path = `/api/inquiries/${inquiryId}/commitments`;
    expect(
      (await member.client.post(path, { text: 'x', ownerId: outsider.id })).body.error.fields[0].path,
    ).toBe('body.ownerId');
    expect(
      (await member.client.post(path, { text: 'x', ownerId: member.id, dueDate: '31/12/2026' })).status,
    ).toBe(400);
    const made = await facilitator.client.post(path, {
      text: 'Reprint the size chart',
      ownerId: member.id,
      dueDate: '2026-12-31',
    });
    expect(made.body.commitment).toMatchObject({
      owner: { id: member.id },
      status: 'open',
      dueDate: '2026-12-31',
    });
    const done = await member.client.patch(`/api/commitments/${made.body.commitment.id}`, { status: 'done' });
    expect(done.body.commitment.status).toBe('done');
    const panels = (await member.client.get(`/api/inquiries/${inquiryId}/people`)).body.items;
    expect(panels.find((p: { user: { id: string } }) => p.user.id === member.id).commitments).toEqual({
      open: 0,
      done: 1,
      dropped: 0,
    });
  });

  it('lets the facilitator split a cooperative task and the assignee deliver a result', async () => {
    const { facilitator, member, inquiryId } = await createTeam(server);
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { mode: 'cooperative' });
    const path = `/api/inquiries/${inquiryId}/subtasks`;
    const made = await facilitator.client.post(path, {
      title: 'Pull returns by supplier',
      assigneeId: member.id,
      dueDate: '2026-12-05',
    });
    const id = made.body.subtask.id;
    expect((await member.client.patch(`/api/subtasks/${id}`, { title: 'Something else' })).status).toBe(403);
    const delivered = await member.client.patch(`/api/subtasks/${id}`, {
      status: 'done',
      result: 'Kestrel: 31% returns, Fjord: 9%.',
    });
    expect(delivered.body.subtask).toMatchObject({
      status: 'done',
      result: 'Kestrel: 31% returns, Fjord: 9%.',
      assignee: { id: member.id },
    });
    expect((await member.client.get(path)).body.items).toHaveLength(1);
  });

  it('lets others pick up a help request and answer it, and counts the help given', async () => {
    const { facilitator, member, owner, workspaceId, inquiryId } = await createTeam(server);
    const helper = await signUp(server, 'Hana Helper');
    await join(owner, workspaceId, helper, 'member');
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { participantIds: [member.id, helper.id] });
    const asked = await member.client.post(`/api/inquiries/${inquiryId}/help-requests`, {
      body: 'I am stuck on reading the cohort chart',
    });
    expect(asked.body.helpRequest).toMatchObject({ status: 'open', requester: { id: member.id } });
    const id = asked.body.helpRequest.id;
    expect((await helper.client.post(`/api/help-requests/${id}/claim`)).body.helpRequest).toMatchObject({
      status: 'claimed',
      claimedBy: { id: helper.id },
    });
    expect((await facilitator.client.post(`/api/help-requests/${id}/claim`)).status).toBe(409);
    expect((await facilitator.client.post(`/api/help-requests/${id}/answer`, { answer: 'x' })).status).toBe(
      409,
    );
    const answered = await helper.client.post(`/api/help-requests/${id}/answer`, {
      answer: 'Each row is the month they first bought.',
    });
    expect(answered.body.helpRequest).toMatchObject({ status: 'answered', answeredBy: helper.id });
    const panels = (await member.client.get(`/api/inquiries/${inquiryId}/people`)).body.items;
    expect(panels.find((p: { user: { id: string } }) => p.user.id === helper.id).helpGiven).toBe(1);
  });

  it('points a help request at the note someone is stuck on, never at one the viewer may not see', async () => {
    const { facilitator, member, owner, workspaceId, inquiryId, noteId } = await createTeam(server);
    const peer = await signUp(server, 'Pia Peer');
    await join(owner, workspaceId, peer, 'member');
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { participantIds: [member.id, peer.id] });
    const ask = (who: typeof member, contributionId: string) =>
      who.client.post(`/api/inquiries/${inquiryId}/help-requests`, {
        body: 'Stuck on this one',
        contributionId,
      });

    const about = await ask(member, noteId);
    expect(about.status).toBe(201);
    expect(about.body.helpRequest.contributionId).toBe(noteId);

    // A note of another inquiry, or one that does not exist, is refused on its field.
    const elsewhere = await contribute(
      facilitator,
      (
        await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
          title: 'Other',
          question: 'Other?',
        })
      ).body.inquiry.id,
      { body: 'Elsewhere' },
    );
    for (const id of [elsewhere.id, '019a0000-0000-7000-8000-00000000abcd']) {
      const refused = await ask(member, id);
      expect([refused.status, refused.body.error.fields[0].path]).toEqual([400, 'body.contributionId']);
    }

    // In private mode the peer cannot see the member's new note: nor can they ask about it, nor see the pointer.
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { privateMode: true });
    const hidden = await contribute(member, inquiryId, { body: 'My private hunch' });
    expect((await ask(peer, hidden.id)).status).toBe(400);
    const mine = await ask(member, hidden.id);
    expect(mine.body.helpRequest.contributionId).toBe(hidden.id);
    const seenBy = async (who: typeof member) =>
      (await who.client.get(`/api/inquiries/${inquiryId}/help-requests`)).body.items.find(
        (h: { id: string }) => h.id === mine.body.helpRequest.id,
      ).contributionId;
    expect(await seenBy(member)).toBe(hidden.id);
    expect(await seenBy(facilitator)).toBe(hidden.id);
    expect(await seenBy(peer)).toBeNull();

    // Deleting the note keeps the request and drops the pointer.
    expect((await member.client.delete(`/api/contributions/${hidden.id}`)).status).toBe(204);
    expect(await seenBy(member)).toBeNull();
  });
});
