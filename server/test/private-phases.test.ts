import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable } from './databases.js';
import { contribute, createInquiry, createTeam, join, type Person, signUp } from './factories.js';
import { openStream, ready } from './live-client.js';
import { startServer, type TestServer } from './server.js';

// Think first per phase (docs/mechanics.md §4): privatePhases on create and PATCH, private mode that
// starts when the inquiry moves into a listed phase and ends with a reveal when it moves on.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL think-first suite: ${postgresReason}`);

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('think-first phases on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database });
  });
  afterAll(async () => {
    if (!skip) await server.close();
  });

  /** A facilitator, two members (one has posted already), and an inquiry framed with `extra`. */
  async function team(extra: Record<string, unknown> = {}) {
    const { facilitator, member, owner, workspaceId } = await createTeam(server);
    const peer = await signUp(server, 'Pat Peer');
    await join(owner, workspaceId, peer, 'member');
    const inquiryId = await createInquiry(facilitator, workspaceId, {
      participantIds: [member.id, peer.id],
      ...extra,
    });
    const read = async (who: Person = facilitator) =>
      (await who.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry;
    const notes = async (who: Person) =>
      (await who.client.get(`/api/inquiries/${inquiryId}/contributions`)).body.items.map(
        (c: { body: string }) => c.body,
      );
    const move = (phase: string, overrideReason?: string) =>
      facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase, overrideReason });
    return { facilitator, member, peer, inquiryId, read, notes, move };
  }

  describe.skipIf(skip)('settings', () => {
    it('stores the phases on create and PATCH, and refuses what is not a think-first phase', async () => {
      const { facilitator, inquiryId, read } = await team({ privatePhases: ['exploring'] });
      expect(await read()).toMatchObject({ privatePhases: ['exploring'], privateMode: false });

      const patched = await facilitator.client.patch(`/api/inquiries/${inquiryId}`, {
        privatePhases: ['exploring', 'challenging'],
      });
      expect(patched.body.inquiry.privatePhases).toEqual(['exploring', 'challenging']);

      for (const bad of [['concluded'], ['exploring', 'exploring'], ['thinking']]) {
        const refused = await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { privatePhases: bad });
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('invalid_input');
        expect(refused.body.error.fields[0].path).toMatch(/^body\.privatePhases/);
      }
      expect((await read()).privatePhases).toEqual(['exploring', 'challenging']);
    });

    it('only the facilitator changes them', async () => {
      const { member, inquiryId } = await team();
      const refused = await member.client.patch(`/api/inquiries/${inquiryId}`, {
        privatePhases: ['exploring'],
      });
      expect(refused.status).toBe(403);
    });

    it('starts in private mode when framing itself is a think-first phase', async () => {
      const { read } = await team({ privatePhases: ['framing'] });
      expect(await read()).toMatchObject({ privatePhases: ['framing'], privateMode: true });
    });

    it('defaults to none, and the inquiry list carries it too', async () => {
      const { read, facilitator } = await team();
      const inquiry = await read();
      expect(inquiry.privatePhases).toEqual([]);
      const list = (await facilitator.client.get(`/api/workspaces/${inquiry.workspaceId}/inquiries`)).body;
      expect(list.items.find((i: { id: string }) => i.id === inquiry.id).privatePhases).toEqual([]);
    });
  });

  describe.skipIf(skip)('moves', () => {
    it('thinks first in a listed phase and reveals when the group moves on', async () => {
      const { facilitator, member, peer, inquiryId, read, notes, move } = await team({
        privatePhases: ['exploring'],
      });
      // Written in framing, before private mode: everyone keeps seeing it.
      await contribute(member, inquiryId, { kind: 'question', body: 'Framing question' });

      const into = await move('exploring');
      expect(into.body.inquiry).toMatchObject({ phase: 'exploring', privateMode: true });
      await contribute(member, inquiryId, { kind: 'hypothesis', body: 'Member idea' });
      await contribute(peer, inquiryId, { kind: 'evidence', body: 'Peer evidence' });
      expect(await notes(peer)).toEqual(expect.arrayContaining(['Framing question', 'Peer evidence']));
      expect(await notes(peer)).not.toContain('Member idea');
      expect(await notes(facilitator)).toContain('Member idea');

      const out = await move('challenging');
      expect(out.status).toBe(200);
      expect(out.body.inquiry).toMatchObject({ phase: 'challenging', privateMode: false });
      expect(out.body.inquiry.revealedAt).not.toBeNull();
      expect(await notes(peer)).toContain('Member idea');
      // In an open phase new notes are seen at once.
      await contribute(member, inquiryId, { kind: 'idea', body: 'Open idea' });
      expect(await notes(peer)).toContain('Open idea');

      const history = (await member.client.get(`/api/inquiries/${inquiryId}/phases`)).body.items;
      expect(history.map((h: { to: string; privacy: string | null }) => [h.to, h.privacy])).toEqual([
        ['exploring', 'started'],
        ['challenging', 'revealed'],
      ]);

      // Back into the think-first phase: private again, with what was already seen still seen.
      const back = await move('exploring');
      expect(back.body.inquiry.privateMode).toBe(true);
      await contribute(member, inquiryId, { kind: 'idea', body: 'Second round' });
      expect(await notes(peer)).toEqual(expect.arrayContaining(['Member idea', 'Open idea']));
      expect(await notes(peer)).not.toContain('Second round');
      expect((await read(peer)).privateMode).toBe(true);
    });

    it('keeps the manual switch and the reveal working between moves', async () => {
      const { facilitator, member, peer, inquiryId, notes, move } = await team({
        privatePhases: ['exploring', 'challenging'],
      });
      await move('exploring');
      await contribute(member, inquiryId, { kind: 'hypothesis', body: 'Before the reveal' });
      await facilitator.client.post(`/api/inquiries/${inquiryId}/reveal`);
      expect(await notes(peer)).toContain('Before the reveal');
      await contribute(member, inquiryId, { kind: 'hypothesis', body: 'After the reveal' });
      expect(await notes(peer)).not.toContain('After the reveal');

      // Two think-first phases in a row: still private (gate overridden; not what is tested here).
      const next = await move('challenging', 'Testing the think-first phases only');
      expect(next.body.inquiry.privateMode).toBe(true);
      expect(await notes(peer)).not.toContain('After the reveal');

      // Turned off by hand: everything shows, and leaving the phase has nothing left to reveal.
      await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { privateMode: false });
      expect(await notes(peer)).toContain('After the reveal');
      const history = async () =>
        (await member.client.get(`/api/inquiries/${inquiryId}/phases`)).body.items.at(-1);
      await move('synthesizing', 'Testing the think-first phases only');
      expect(await history()).toMatchObject({ to: 'synthesizing', privacy: null });
    });

    it('announces the automatic reveal with the same live events as a reveal by hand', async () => {
      const manual = await team({ privateMode: true });
      const auto = await team({ privatePhases: ['framing'] });
      const eventsOf = async (t: typeof manual, act: () => Promise<unknown>) => {
        await contribute(t.member, t.inquiryId, { kind: 'idea', body: 'Hidden until the reveal' });
        const since = (await t.read(t.peer)).lastSeq;
        const stream = await openStream(server, t.peer, t.inquiryId, since);
        await ready(stream);
        await act();
        await stream.waitFor((m) => m.some((x) => x.type === 'notes.revealed'), 'the reveal');
        const types = stream.events().map((e) => e.type);
        const revealed = stream.events().find((e) => e.type === 'notes.revealed')?.data;
        await stream.close();
        return { types, revealed };
      };
      const byHand = await eventsOf(manual, () =>
        manual.facilitator.client.post(`/api/inquiries/${manual.inquiryId}/reveal`),
      );
      const byMove = await eventsOf(auto, () => auto.move('exploring'));
      expect(byHand).toEqual({
        types: ['inquiry.updated', 'notes.revealed'],
        revealed: { reason: 'revealed' },
      });
      expect(byMove).toEqual(byHand);
      expect(await auto.notes(auto.peer)).toContain('Hidden until the reveal');
    });
  });
});
