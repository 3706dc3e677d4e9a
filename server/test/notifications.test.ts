import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createInquiry, createTeam, join, type Person, signUp } from './factories.js';
import { startServer, type TestServer } from './server.js';

describe('notifications', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const inbox = async (person: Person, query = '') =>
    (await person.client.get(`/api/notifications${query}`)).body;

  it('tells people they were @mentioned or replied to, never naming an anonymous author', async () => {
    const { facilitator, member, inquiryId, noteId } = await createTeam(server);
    const fred = facilitator.name.split(' ')[0];
    await contribute(member, inquiryId, {
      kind: 'question',
      body: `@${fred} could you check the return codes?`,
    });
    const theirs = await inbox(facilitator);
    expect(theirs.unreadCount).toBe(1);
    expect(theirs.items[0]).toMatchObject({
      kind: 'mention',
      actor: { id: member.id },
      inquiryId,
      inquiryTitle: 'Aurora churn',
    });

    await contribute(facilitator, inquiryId, {
      kind: 'idea',
      body: 'Anonymously',
      anonymous: true,
      links: [{ toId: noteId, kind: 'challenges' }],
    });
    const reply = (await inbox(member)).items.find((n: { kind: string }) => n.kind === 'reply');
    expect(reply).toMatchObject({ actor: null, summary: 'Anonymously' });
    expect(JSON.stringify(await inbox(member))).not.toContain(facilitator.id);
  });

  it('tells nobody about a note they may not see yet (private mode)', async () => {
    const { facilitator, member, owner, workspaceId } = await createTeam(server);
    const peer = await signUp(server, 'Pia Peer');
    await join(owner, workspaceId, peer, 'member');
    const inquiryId = await createInquiry(facilitator, workspaceId, {
      privateMode: true,
      participantIds: [member.id, peer.id],
    });
    const note = await contribute(member, inquiryId, { kind: 'idea', body: '@Pia what do you think?' });
    expect((await inbox(peer)).items).toEqual([]);
    // The reveal makes it visible: now Pia is told, once, however often the facilitator reveals.
    await facilitator.client.post(`/api/inquiries/${inquiryId}/reveal`);
    await facilitator.client.post(`/api/inquiries/${inquiryId}/reveal`);
    const told = (await inbox(peer)).items;
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'mention',
        subjectId: note.id,
        actor: { id: member.id, name: member.name },
      }),
    ]);
    // The facilitator could see the note all along, and was not mentioned: nothing new for them.
    expect((await inbox(facilitator)).items.filter((n: { kind: string }) => n.kind === 'mention')).toEqual(
      [],
    );
  });

  it('tells those a think-first phase hid a note from when the group moves on', async () => {
    const { facilitator, member, owner, workspaceId } = await createTeam(server);
    const peer = await signUp(server, 'Rui Peer');
    await join(owner, workspaceId, peer, 'member');
    const inquiryId = await createInquiry(facilitator, workspaceId, {
      privatePhases: ['exploring'],
      participantIds: [member.id, peer.id],
    });
    await facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'exploring' });
    const asked = await contribute(peer, inquiryId, { kind: 'question', body: 'Which regions?' });
    // The facilitator sees every note (and may build on it), but the reply is private too.
    await contribute(facilitator, inquiryId, {
      kind: 'evidence',
      body: 'Only the north',
      links: [{ toId: asked.id, kind: 'answers' }],
    });
    const replies = async () => (await inbox(peer)).items.filter((n: { kind: string }) => n.kind === 'reply');
    expect(await replies()).toEqual([]);
    await facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'challenging' });
    expect(await replies()).toEqual([expect.objectContaining({ summary: 'Only the north' })]);
  });

  it('tells those the leader’s held-back note mentions once the last member has posted', async () => {
    const { facilitator, member, owner, workspaceId } = await createTeam(server);
    const peer = await signUp(server, 'Lee Peer');
    await join(owner, workspaceId, peer, 'member');
    const inquiryId = await createInquiry(facilitator, workspaceId, {
      leaderSpeaksLast: true,
      participantIds: [member.id, peer.id],
    });
    const lead = await contribute(facilitator, inquiryId, { kind: 'idea', body: '@Lee what about pricing?' });
    const mentions = async () =>
      (await inbox(peer)).items.filter((n: { kind: string }) => n.kind === 'mention');
    expect(await mentions()).toEqual([]);
    await contribute(member, inquiryId, { kind: 'question', body: 'Which channel?' });
    expect(await mentions()).toEqual([]);
    await contribute(peer, inquiryId, { kind: 'evidence', body: 'Returns doubled' });
    expect(await mentions()).toEqual([expect.objectContaining({ subjectId: lead.id })]);
  });

  it('tells the person who asked for help when it is answered, and only them', async () => {
    const { facilitator, member, inquiryId } = await createTeam(server);
    const asked = await member.client.post(`/api/inquiries/${inquiryId}/help-requests`, {
      body: 'I am stuck on the cohort chart',
    });
    const helpId = asked.body.helpRequest.id;
    await facilitator.client.post(`/api/help-requests/${helpId}/claim`);
    const answered = await facilitator.client.post(`/api/help-requests/${helpId}/answer`, {
      answer: 'Group the cohorts by first purchase month.',
    });
    expect(answered.body.helpRequest).toMatchObject({ status: 'answered', answeredBy: facilitator.id });
    const theirs = (await inbox(member)).items.filter((n: { kind: string }) => n.kind === 'help_answered');
    expect(theirs).toEqual([
      expect.objectContaining({
        actor: { id: facilitator.id, name: facilitator.name },
        subjectId: helpId,
        inquiryId,
        summary: 'Group the cohorts by first purchase month.',
      }),
    ]);
    expect((await inbox(facilitator)).items.map((n: { kind: string }) => n.kind)).not.toContain(
      'help_answered',
    );
    // Answered once: a second answer is refused, and tells nobody anything.
    const again = await facilitator.client.post(`/api/help-requests/${helpId}/answer`, { answer: 'Again' });
    expect(again.status).toBe(409);
  });

  it('tells the group about phase moves, consent wanted and help requests; read state is per person', async () => {
    const { facilitator, member, inquiryId } = await createTeam(server);
    await facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'exploring' });
    await member.client.post(`/api/inquiries/${inquiryId}/help-requests`, {
      body: 'I am stuck on the cohort chart',
    });
    const mine = await inbox(member);
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(['phase_changed']);
    const theirs = await inbox(facilitator);
    expect(theirs.items.map((n: { kind: string }) => n.kind)).toEqual(['help_request']);

    const read = await member.client.post('/api/notifications/read', { ids: [mine.items[0].id] });
    expect(read.body).toEqual({ marked: 1, unreadCount: 0 });
    // Someone else's notification id marks nothing.
    expect(
      (await facilitator.client.post('/api/notifications/read', { ids: [mine.items[0].id] })).body.marked,
    ).toBe(0);
    expect((await inbox(member, '?unread=true')).items).toEqual([]);
    expect((await facilitator.client.post('/api/notifications/read', {})).body).toEqual({
      marked: 1,
      unreadCount: 0,
    });
  });
});
