import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createInquiry, createTeam, join, signUp } from './factories.js';
import { openStream, ready } from './live-client.js';
import { startServer, type TestServer } from './server.js';

const novel = {
  answerKnown: 'no',
  routine: 'no',
  newToEveryone: 'yes',
  goalUnclear: 'yes',
  needsPerspectives: 'yes',
  stakes: 'high',
  time: 'weeks',
} as const;
const known = {
  ...novel,
  answerKnown: 'yes',
  routine: 'yes',
  newToEveryone: 'no',
  goalUnclear: 'no',
  needsPerspectives: 'no',
} as const;

describe('mechanics API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  describe('fit check', () => {
    it('recommends a mode with its reasons, and refuses answers it does not know', async () => {
      const { member } = await createTeam(server);
      const collaborative = await member.client.post('/api/fit-check', { answers: novel });
      expect(collaborative.body.recommendation).toBe('collaborative');
      expect(collaborative.body.reasons.length).toBeGreaterThan(0);
      expect((await member.client.post('/api/fit-check', { answers: known })).body.recommendation).toBe(
        'individual',
      );
      const bad = await member.client.post('/api/fit-check', { answers: { ...novel, stakes: 'huge' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('body.answers.stakes');
    });

    it('stores the fit check on the inquiry, and an override only with a reason', async () => {
      const { facilitator, workspaceId } = await createTeam(server);
      const path = `/api/workspaces/${workspaceId}/inquiries`;
      const framing = { title: 'Price list', question: 'Which price list applies?' };
      const refused = await facilitator.client.post(path, { ...framing, fitCheck: { answers: known } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields[0].path).toBe('body.fitCheck.overrideReason');
      const created = await facilitator.client.post(path, {
        ...framing,
        fitCheck: { answers: known, overrideReason: 'Nobody agrees which list is current.' },
      });
      expect(created.status).toBe(201);
      expect(created.body.inquiry.fitCheck).toMatchObject({
        recommendation: 'individual',
        chosenMode: 'collaborative',
        overridden: true,
        overrideReason: 'Nobody agrees which list is current.',
        answers: known,
      });
    });
  });

  describe('phases and gates', () => {
    it('moves through the gates, says who the group is waiting for, and records overrides', async () => {
      const { facilitator, member, owner, workspaceId, inquiryId } = await createTeam(server);
      const other = await signUp(server, 'Pat Participant');
      await join(owner, workspaceId, other, 'member');
      await facilitator.client.patch(`/api/inquiries/${inquiryId}`, {
        participantIds: [member.id, other.id],
      });
      const move = (phase: string, overrideReason?: string) =>
        facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase, overrideReason });

      expect((await move('synthesizing')).status).toBe(409);
      expect(
        (await member.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'exploring' })).status,
      ).toBe(403);
      expect((await move('exploring')).body.inquiry.phase).toBe('exploring');
      expect((await move('challenging')).body.inquiry.phase).toBe('challenging');

      const gate = await member.client.get(`/api/inquiries/${inquiryId}/gate`);
      expect(gate.body).toMatchObject({ next: 'synthesizing', met: false });
      const waiting = new Map(
        gate.body.missing.map((m: { userId: string; needs: string[] }) => [m.userId, m.needs]),
      );
      expect([...waiting.keys()].sort()).toEqual([member.id, other.id].sort());

      const blocked = await move('synthesizing');
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.code).toBe('conflict');
      expect(blocked.body.error.missing.map((m: { userId: string }) => m.userId).sort()).toEqual(
        [member.id, other.id].sort(),
      );

      // Everyone contributes and builds on someone else's note: the gate opens.
      const mine = await contribute(other, inquiryId, { kind: 'evidence', body: 'Returns 12%' });
      const first = (await member.client.get(`/api/inquiries/${inquiryId}/contributions`)).body.items[0];
      await member.client.post(`/api/contributions/${first.id}/links`, { toId: mine.id, kind: 'builds_on' });
      await contribute(other, inquiryId, {
        kind: 'idea',
        body: 'Fix sizing',
        links: [{ toId: first.id, kind: 'challenges' }],
      });
      expect((await member.client.get(`/api/inquiries/${inquiryId}/gate`)).body.met).toBe(true);
      expect((await move('synthesizing')).body.inquiry.phase).toBe('synthesizing');

      // No conclusion mechanism has been used: moving on needs a recorded reason.
      expect((await move('reflecting')).status).toBe(409);
      const thin = await move('reflecting', 'Because');
      expect([thin.status, thin.body.error.fields?.[0]?.path]).toEqual([400, 'body.overrideReason']);
      const overridden = await move('reflecting', 'We agreed on the call on Tuesday.');
      expect(overridden.body.inquiry.phase).toBe('reflecting');
      const history = (await member.client.get(`/api/inquiries/${inquiryId}/phases`)).body.items;
      expect(history.map((h: { to: string }) => h.to)).toEqual([
        'exploring',
        'challenging',
        'synthesizing',
        'reflecting',
      ]);
      expect(history.at(-1)).toMatchObject({
        overrideReason: 'We agreed on the call on Tuesday.',
        movedBy: facilitator.id,
      });
      expect((await move('synthesizing')).body.inquiry.phase).toBe('synthesizing');
    });
  });

  describe('think first and leader speaks last', () => {
    it('hides notes in private mode from other members until the facilitator reveals them', async () => {
      const { facilitator, member, owner, workspaceId } = await createTeam(server);
      const peer = await signUp(server, 'Quinn Peer');
      await join(owner, workspaceId, peer, 'member');
      const inquiryId = await createInquiry(facilitator, workspaceId, {
        privateMode: true,
        participantIds: [member.id, peer.id],
      });
      const since = (await peer.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry.lastSeq;
      const peerStream = await openStream(server, peer, inquiryId, since);
      await ready(peerStream);
      const secret = await contribute(member, inquiryId, { kind: 'hypothesis', body: 'My own first idea' });
      await member.client.post(`/api/inquiries/${inquiryId}/contributions`, { kind: 'idea', body: 'x' });
      const list = (who: typeof peer) => who.client.get(`/api/inquiries/${inquiryId}/contributions`);
      expect((await list(peer)).body.items).toEqual([]);
      expect((await list(member)).body.items).toHaveLength(2);
      expect((await list(facilitator)).body.items).toHaveLength(2);
      // Acting on a hidden note is acting on a note that is not there.
      expect(
        (
          await peer.client.post(`/api/contributions/${secret.id}/links`, {
            toId: secret.id,
            kind: 'supports',
          })
        ).status,
      ).toBe(404);
      const own = await contribute(peer, inquiryId, { kind: 'idea', body: 'Peer idea' });
      expect(
        (await peer.client.post(`/api/contributions/${own.id}/links`, { toId: secret.id, kind: 'builds_on' }))
          .body.error.fields[0].path,
      ).toBe('body.toId');

      expect(
        (await facilitator.client.post(`/api/inquiries/${inquiryId}/reveal`)).body.inquiry.revealedAt,
      ).not.toBeNull();
      await peerStream.waitFor((m) => m.some((x) => x.type === 'notes.revealed'), 'the reveal');
      expect((await list(peer)).body.items).toHaveLength(3);
      const wire = JSON.stringify(peerStream.messages);
      expect(wire).not.toContain('My own first idea');
      await peerStream.close();
    });

    it('holds the facilitator’s notes back until every member has posted', async () => {
      const { facilitator, member, owner, workspaceId } = await createTeam(server);
      const peer = await signUp(server, 'Rae Peer');
      await join(owner, workspaceId, peer, 'member');
      const inquiryId = await createInquiry(facilitator, workspaceId, {
        leaderSpeaksLast: true,
        participantIds: [member.id, peer.id],
      });
      const stream = await openStream(server, member, inquiryId);
      await ready(stream);
      await contribute(facilitator, inquiryId, {
        kind: 'hypothesis',
        body: 'The manager thinks it is price',
      });
      const list = () => member.client.get(`/api/inquiries/${inquiryId}/contributions`);
      await contribute(member, inquiryId, { kind: 'question', body: 'Which channel?' });
      expect((await list()).body.items.map((c: { body: string }) => c.body)).toEqual(['Which channel?']);
      await contribute(peer, inquiryId, { kind: 'evidence', body: 'Returns doubled' });
      await stream.waitFor((m) => m.some((x) => x.type === 'notes.revealed'), 'the leader may speak');
      expect((await list()).body.items).toHaveLength(3);
      expect(JSON.stringify(stream.events().filter((e) => e.type === 'contribution.created'))).not.toContain(
        'manager thinks',
      );
      await stream.close();
    });
  });

  describe('conclusion by consent and reflections', () => {
    it('adopts only with the group’s consent, after an objection is answered, then concludes on reflections', async () => {
      const { facilitator, member, owner, workspaceId } = await createTeam(server);
      const peer = await signUp(server, 'Sol Peer');
      await join(owner, workspaceId, peer, 'member');
      const inquiryId = await createInquiry(facilitator, workspaceId, {
        participantIds: [member.id, peer.id],
      });
      const base = `/api/inquiries/${inquiryId}/conclusion`;
      const evidence = await contribute(member, inquiryId, {
        kind: 'evidence',
        body: 'Returns doubled after the supplier change',
      });
      const early = await facilitator.client.post(base, { text: 'Sizing', restsOn: [evidence.id] });
      expect(early.status).toBe(409);
      await server.database.db
        .updateTable('inquiries')
        .set({ phase: 'synthesizing' })
        .where('id', '=', inquiryId)
        .execute();

      expect(
        (
          await facilitator.client.post(base, {
            text: 'Sizing',
            restsOn: ['00000000-0000-7000-8000-000000000000'],
          })
        ).status,
      ).toBe(400);
      // Someone in the workspace but not in the inquiry takes no part in the consent.
      expect((await owner.client.post(base, { text: 'Mine instead', restsOn: [evidence.id] })).status).toBe(
        403,
      );
      const proposed = await facilitator.client.post(base, {
        text: 'The new supplier’s sizing runs small, which drives returns.',
        restsOn: [evidence.id],
      });
      expect(proposed.body.conclusion.state.waitingFor.sort()).toEqual(
        [facilitator.id, member.id, peer.id].sort(),
      );

      // The facilitator cannot adopt alone in collaborative mode.
      await facilitator.client.post(`${base}/endorse`);
      const alone = await facilitator.client.post(`${base}/adopt`);
      expect(alone.status).toBe(403);

      await member.client.post(`${base}/endorse`);
      const objected = await peer.client.post(`${base}/objections`, {
        reason: 'We only looked at one season',
      });
      const objection = objected.body.conclusion.proposal.objections[0];
      expect(objected.body.conclusion.state.openObjections).toHaveLength(1);
      expect(
        (
          await member.client.post(`${base}/objections/${objection.id}/answer`, {
            response: 'I am not the proposer',
          })
        ).status,
      ).toBe(403);
      expect((await facilitator.client.post(`${base}/adopt`)).status).toBe(403);
      const answered = await facilitator.client.post(`${base}/objections/${objection.id}/answer`, {
        response: 'The two previous seasons show the same pattern',
      });
      expect(answered.body.conclusion.state.adoptable).toBe(true);
      const adopted = await member.client.post(`${base}/adopt`);
      expect(adopted.body.conclusion.proposal.adopted).toMatchObject({ basis: 'consent', by: member.id });

      const move = (phase: string, overrideReason?: string) =>
        facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase, overrideReason });
      expect((await move('reflecting')).body.inquiry.phase).toBe('reflecting');

      const reflections = `/api/inquiries/${inquiryId}/reflections`;
      const teachBack =
        'The new supplier cut their garments smaller than ours, so customers ordered their usual size, it did not fit, and they sent it back instead of reordering.';
      const full = {
        learned: 'Look at returns by supplier',
        stillUnclear: 'Why support missed it',
        keep: 'Evidence first',
        change: 'Ask earlier',
      };
      expect((await owner.client.put(`${reflections}/mine`, { ...full, teachBack })).status).toBe(403);
      const copied = await member.client.put(`${reflections}/mine`, {
        ...full,
        teachBack: 'The new supplier’s sizing runs small, which drives returns.',
      });
      expect(copied.body.items?.[0]?.complete, JSON.stringify(copied.body)).toBe(false);
      await member.client.put(`${reflections}/mine`, { ...full, teachBack });
      const waiting = await move('concluded');
      expect(waiting.status).toBe(409);
      expect(waiting.body.error.missing.map((m: { userId: string }) => m.userId)).toEqual([peer.id]);
      await peer.client.put(`${reflections}/mine`, {
        ...full,
        teachBack: `${teachBack} We saw it in two seasons.`,
      });
      const listed = await facilitator.client.get(reflections);
      expect(listed.body.readiness).toEqual({ ready: true, missing: [] });
      expect((await move('concluded')).body.inquiry.phase).toBe('concluded');
      expect(
        (
          await member.client.post(`/api/inquiries/${inquiryId}/contributions`, {
            kind: 'idea',
            body: 'late',
          })
        ).status,
      ).toBe(409);
    });
  });
});
