import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryCardResponse, LibraryList } from '../../contract/library.js';
import type { Proposal } from '../../domain/mechanics/consent.js';
import { saveProposal } from '../store/conclusions.js';
import { newId, now } from '../store/ids.js';
import { MAX_STAYED_OPEN } from '../store/library.js';
import { postgresUnavailable } from './databases.js';
import { contribute, createInquiry, createTeam, join, type Person, signUp } from './factories.js';
import { startServer, type TestServer } from './server.js';

// The library: concluded inquiries as cards. A card says what was concluded, what it rests on, what stayed
// open and who can explain it — and, like the board, never names an anonymous author to anyone but them
// nor shows a note that private mode still hides from the viewer.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL library suite: ${postgresReason}`);

const TEACH_BACK =
  'Late samples forced a reshoot nine days later, and that made us miss the booked print slot, so the ' +
  'catalogue waited eleven more days for the next one. An early sample deadline stops the chain.';

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('library on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database });
  });
  afterAll(() => server?.close());

  const move = async (facilitator: Person, inquiryId: string, phase: string) => {
    const reply = await facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, {
      phase,
      overrideReason: 'Moving on for the test',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };
  const PHASES = ['framing', 'exploring', 'challenging', 'synthesizing', 'reflecting', 'concluded'];
  /** Moves phase by phase (with a reason where a gate waits) from `from` to `to`. */
  const walk = async (facilitator: Person, inquiryId: string, from: string, to: string) => {
    for (const phase of PHASES.slice(PHASES.indexOf(from) + 1, PHASES.indexOf(to) + 1)) {
      await move(facilitator, inquiryId, phase);
    }
  };

  it.skipIf(Boolean(skip))(
    'a concluded inquiry reads as a card: conclusion, what it rests on, what stayed open, who can explain it',
    async () => {
      const team = await createTeam(server);
      const { facilitator, member, owner, workspaceId } = team;
      const peer = await signUp(server, 'Pat Peer');
      await join(owner, workspaceId, peer, 'member');
      const inquiryId = await createInquiry(facilitator, workspaceId, {
        title: 'Late catalogue',
        question: 'Where did the three weeks go?',
        mode: 'cooperative',
        participantIds: [member.id, peer.id],
      });
      await move(facilitator, inquiryId, 'exploring');
      const evidence = await contribute(member, inquiryId, {
        kind: 'evidence',
        body: 'Samples for **14 products** came after the shoot.',
      });
      const secret = await contribute(peer, inquiryId, {
        kind: 'assumption',
        body: 'Suppliers ignore deadlines without a penalty.',
        anonymous: true,
      });
      const open = await contribute(member, inquiryId, { kind: 'question', body: 'Who books the printer?' });
      const answered = await contribute(member, inquiryId, { kind: 'question', body: 'When was the shoot?' });
      await member.client.patch(`/api/contributions/${answered.id}`, { state: 'answered' });
      const unknown = await contribute(facilitator, inquiryId, {
        kind: 'unknown',
        body: 'What a backup slot costs.',
      });
      await contribute(member, inquiryId, { kind: 'idea', body: 'A sample deadline.' });

      await walk(facilitator, inquiryId, 'exploring', 'synthesizing');
      const base = `/api/inquiries/${inquiryId}/conclusion`;
      const proposed = await facilitator.client.post(base, {
        text: 'Late samples cost a reshoot and the print slot.',
        restsOn: [evidence.id, secret.id],
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);

      // Before adoption the card has the question and what is open, and no conclusion yet.
      const early = await member.client.get(`/api/inquiries/${inquiryId}/card`);
      expect(early.status).toBe(200);
      expect(early.body.card).toMatchObject({ conclusion: null, restsOn: [], concludedAt: null });

      await member.client.post(`${base}/endorse`);
      await peer.client.post(`${base}/endorse`);
      expect((await facilitator.client.post(`${base}/adopt`)).status).toBe(200);
      await move(facilitator, inquiryId, 'reflecting');
      const reflection = { learned: 'Nine days became twenty.', keep: 'Dates', change: 'Ask earlier' };
      const reflected = await member.client.put(`/api/inquiries/${inquiryId}/reflections/mine`, {
        ...reflection,
        stillUnclear: 'Whether suppliers keep a deadline.',
        teachBack: TEACH_BACK,
      });
      expect(reflected.status, JSON.stringify(reflected.body)).toBe(200);
      await peer.client.put(`/api/inquiries/${inquiryId}/reflections/mine`, {
        ...reflection,
        stillUnclear: '   ',
        teachBack: `${TEACH_BACK} A backup slot helps too.`,
      });
      await move(facilitator, inquiryId, 'concluded');

      const reply = await member.client.get(`/api/inquiries/${inquiryId}/card`);
      expect(reply.status).toBe(200);
      const { card } = LibraryCardResponse.parse(reply.body);
      expect(card.inquiry).toEqual({
        id: inquiryId,
        title: 'Late catalogue',
        question: 'Where did the three weeks go?',
        phase: 'concluded',
      });
      expect(card.conclusion).toBe('Late samples cost a reshoot and the print slot.');
      expect(card.concludedAt).not.toBeNull();
      expect(card.restsOn.map((n) => n.id)).toEqual([evidence.id, secret.id]);
      expect(card.restsOn[0]).toMatchObject({
        kind: 'evidence',
        author: { id: member.id, name: member.name },
      });
      // The anonymous note names nobody to the member…
      expect(card.restsOn[1]?.author).toBeNull();
      expect(card.stayedOpen.map((n) => n.id).sort()).toEqual([secret.id, open.id, unknown.id].sort());
      expect(card.stayedOpen.find((n) => n.id === secret.id)?.author).toBeNull();
      expect(JSON.stringify([card.restsOn, card.stayedOpen])).not.toContain(peer.id);
      expect(card.stillUnclear).toEqual(['Whether suppliers keep a deadline.']);
      expect(card.canExplain.map((p) => p.id).sort()).toEqual([member.id, peer.id].sort());
      expect(card.participantCount).toBe(3);

      // …but its author sees themself.
      const own = LibraryCardResponse.parse((await peer.client.get(`/api/inquiries/${inquiryId}/card`)).body);
      expect(own.card.restsOn[1]?.author).toEqual({ id: peer.id, name: peer.name });

      // The library lists it with the same card.
      const library = await member.client.get(`/api/workspaces/${workspaceId}/library`);
      expect(library.status).toBe(200);
      const list = LibraryList.parse(library.body);
      expect(list.items.map((c) => c.inquiry.id)).toEqual([inquiryId]);
      expect(list.items[0]?.restsOn[1]?.author).toBeNull();
      expect(list.items[0]?.concludedAt).toBe(card.concludedAt);
    },
  );

  it.skipIf(Boolean(skip))(
    'lists only concluded inquiries, the most recently concluded first, a page at a time',
    async () => {
      const { facilitator, member, workspaceId, inquiryId: stillOpen } = await createTeam(server);
      const concluded: string[] = [];
      for (const title of ['First', 'Second', 'Third']) {
        const id = await createInquiry(facilitator, workspaceId, { title, participantIds: [member.id] });
        await walk(facilitator, id, 'framing', 'concluded');
        concluded.push(id);
      }
      const url = `/api/workspaces/${workspaceId}/library`;
      const first = LibraryList.parse((await member.client.get(`${url}?limit=2`)).body);
      expect(first.items.map((c) => c.inquiry.title)).toEqual(['Third', 'Second']);
      expect(first.nextCursor).not.toBeNull();
      const second = LibraryList.parse(
        (await member.client.get(`${url}?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)).body,
      );
      expect(second.items.map((c) => c.inquiry.id)).toEqual([concluded[0]]);
      expect(second.nextCursor).toBeNull();
      expect(JSON.stringify([first, second])).not.toContain(stillOpen);

      const bad = await member.client.get(`${url}?cursor=nonsense`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('query.cursor');
      expect((await member.client.get(`${url}?limit=0`)).status).toBe(400);
    },
  );

  it.skipIf(Boolean(skip))('leaves out notes private mode still hides from the viewer', async () => {
    const { facilitator, member, owner, workspaceId } = await createTeam(server);
    const peer = await signUp(server, 'Quinn Quiet');
    await join(owner, workspaceId, peer, 'member');
    const created = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
      title: 'Think first',
      question: 'What should we try?',
      participantIds: [member.id, peer.id],
      privateMode: true,
    });
    const inquiryId = created.body.inquiry.id as string;
    const mine = await contribute(member, inquiryId, { kind: 'question', body: 'Mine, still open' });
    const hiddenQuestion = await contribute(peer, inquiryId, { kind: 'question', body: 'Held back, open' });
    const hiddenEvidence = await contribute(peer, inquiryId, {
      kind: 'evidence',
      body: 'Held back evidence',
    });
    // A conclusion adopted while notes are still hidden (set directly: the flow would reveal first).
    const at = new Date().toISOString();
    const proposal: Proposal = {
      versions: [
        {
          version: 1,
          text: 'Try it.',
          restsOn: [hiddenEvidence.id, mine.id],
          proposedBy: peer.id,
          proposedAt: at,
        },
      ],
      endorsements: [],
      objections: [],
      adopted: { version: 1, by: facilitator.id, at, basis: 'facilitator' },
    };
    expect(await saveProposal(server.database.db, inquiryId, proposal, 0)).toBe(true);

    const seen = LibraryCardResponse.parse(
      (await member.client.get(`/api/inquiries/${inquiryId}/card`)).body,
    );
    expect(seen.card.conclusion).toBe('Try it.');
    expect(seen.card.restsOn.map((n) => n.id)).toEqual([mine.id]);
    expect(seen.card.stayedOpen.map((n) => n.id)).toEqual([mine.id]);
    expect(JSON.stringify(seen.card)).not.toContain('Held back');

    const author = LibraryCardResponse.parse(
      (await peer.client.get(`/api/inquiries/${inquiryId}/card`)).body,
    );
    expect(author.card.restsOn.map((n) => n.id)).toEqual([hiddenEvidence.id]);
    expect(author.card.stayedOpen.map((n) => n.id)).toEqual([hiddenQuestion.id]);

    await facilitator.client.post(`/api/inquiries/${inquiryId}/reveal`);
    const after = LibraryCardResponse.parse(
      (await member.client.get(`/api/inquiries/${inquiryId}/card`)).body,
    );
    expect(after.card.restsOn.map((n) => n.id)).toEqual([hiddenEvidence.id, mine.id]);
    expect(after.card.stayedOpen.map((n) => n.id).sort()).toEqual([mine.id, hiddenQuestion.id].sort());
  });

  it.skipIf(Boolean(skip))('shows at most the oldest 100 notes that stayed open', async () => {
    const { member, inquiryId, noteId } = await createTeam(server);
    const rows = Array.from({ length: MAX_STAYED_OPEN + 5 }, (_, n) => ({
      id: newId(),
      inquiry_id: inquiryId,
      author_id: member.id,
      kind: 'question' as const,
      body: `Open question ${n}`,
      confidence: 'leaning' as const,
      state: 'open' as const,
      anonymous: 0,
      created_at: now(),
      updated_at: now(),
      perspective: null,
    }));
    await server.database.db.insertInto('contributions').values(rows).execute();
    const { card } = LibraryCardResponse.parse(
      (await member.client.get(`/api/inquiries/${inquiryId}/card`)).body,
    );
    expect(card.stayedOpen).toHaveLength(MAX_STAYED_OPEN);
    // The factory's hypothesis came first and is still untested.
    expect(card.stayedOpen[0]?.id).toBe(noteId);
    expect(card.stayedOpen.at(-1)?.body).toBe(`Open question ${MAX_STAYED_OPEN - 2}`);
  });

  it.skipIf(Boolean(skip))('is 404 for an inquiry of another workspace', async () => {
    const { outsider, inquiryId, workspaceId } = await createTeam(server);
    expect((await outsider.client.get(`/api/inquiries/${inquiryId}/card`)).status).toBe(404);
    expect((await outsider.client.get(`/api/workspaces/${workspaceId}/library`)).status).toBe(404);
  });
});
