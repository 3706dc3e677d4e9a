import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNTHESIS_FIELD, synthesisDocumentName } from '../../contract/collab.js';
import { SearchResponse } from '../../contract/library.js';
import type { Proposal } from '../../domain/mechanics/consent.js';
import { DocumentStore } from '../collab/document-store.js';
import { rebuildSearchIndex } from '../search/indexer.js';
import { saveProposal, saveReflection } from '../store/conclusions.js';
import { postgresUnavailable } from './databases.js';
import { contribute, createInquiry, createTeam, join, type Person, signUp } from './factories.js';
import { startServer, type TestServer } from './server.js';

// The library's search through the real server on both databases: what it finds from each source,
// filters and facets, phrases and prefixes, pages, bad input, and that it follows edits, deletions and
// phase moves. Visibility across random workspaces is the property test in search-visibility.test.ts.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL search suite: ${postgresReason}`);

// any: tests read response bodies loosely; each is checked against the contract where it matters
type Json = any;

async function search(person: Person, workspaceId: string, query: Record<string, string | number> = {}) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const reply = await person.client.get(`/api/workspaces/${workspaceId}/search?${params}`);
  if (reply.status === 200) SearchResponse.parse(reply.body);
  return reply;
}
const ids = (body: Json): string[] => body.items.map((h: Json) => h.id);
const facet = (body: Json, name: string) =>
  Object.fromEntries(body.facets[name].map((f: Json) => [f.value, f.count]));

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('search on $database', ({ database, skip }) => {
  let server: TestServer;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let second: string;
  let notes: Record<string, string>;
  beforeAll(async () => {
    if (skip) return;
    server = await startServer({ database });
    team = await createTeam(server);
    const { facilitator, member, workspaceId, inquiryId } = team;
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, {
      context: 'Customers of the turbine pumps complained in spring.',
    });
    second = await createInquiry(facilitator, workspaceId, {
      title: 'Nordic market entry',
      question: 'How do we enter the Nordic market with our pricing?',
      participantIds: [member.id],
    });
    const q = await contribute(member, second, {
      kind: 'question',
      body: 'Which distributors cover Norway?',
    });
    const e = await contribute(facilitator, second, {
      kind: 'evidence',
      body: 'Pricing in Sweden is **twenty percent** above ours.',
    });
    const a = await contribute(member, second, {
      kind: 'assumption',
      body: 'Nordic buyers value durability over pricing.',
      anonymous: true,
    });
    notes = { question: q.id, evidence: e.id, assumption: a.id };
  });
  afterAll(() => server?.close());

  it.skipIf(Boolean(skip))('finds notes and framings, ranked, with snippets as parts', async () => {
    const reply = await search(team.member, team.workspaceId, { q: 'pricing' });
    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(ids(body).sort()).toEqual(
      [`contribution:${notes.evidence}`, `contribution:${notes.assumption}`, `inquiry:${second}`].sort(),
    );
    expect(body.total).toBe(3);
    expect(body.totalIsExact).toBe(true);
    const evidence = body.items.find((h: Json) => h.id === `contribution:${notes.evidence}`);
    expect(evidence.snippet.some((p: Json) => p.match && /pricing/i.test(p.text))).toBe(true);
    expect(evidence.snippet.map((p: Json) => p.text).join('')).not.toContain('**');
    expect(evidence.title).toMatch(/^Evidence: Pricing in Sweden/);
    expect(evidence.author).toEqual({ id: team.facilitator.id, name: team.facilitator.name });
    expect(evidence.inquiry).toEqual({ id: second, title: 'Nordic market entry', phase: 'framing' });
    // Stemming: "prices" finds "pricing".
    const stemmed = await search(team.member, team.workspaceId, { q: 'prices' });
    expect(stemmed.body.total).toBe(3);
    // The inquiry's context is searchable too.
    expect(ids((await search(team.member, team.workspaceId, { q: 'turbine' })).body)).toEqual([
      `inquiry:${team.inquiryId}`,
    ]);
  });

  it.skipIf(Boolean(skip))(
    'names an anonymous author only to that author, in hits and in facets',
    async () => {
      const other = await search(team.facilitator, team.workspaceId, { q: 'durability' });
      expect(other.body.items[0].author).toBeNull();
      expect(other.body.facets.person).toEqual([]);
      const byMember = await search(team.facilitator, team.workspaceId, {
        q: 'nordic',
        personId: team.member.id,
      });
      expect(ids(byMember.body)).toEqual([]);
      const own = await search(team.member, team.workspaceId, { q: 'durability' });
      expect(own.body.items[0].author.id).toBe(team.member.id);
      const ownFilter = await search(team.member, team.workspaceId, {
        q: 'nordic',
        personId: team.member.id,
      });
      expect(ids(ownFilter.body)).toEqual([`contribution:${notes.assumption}`]);
    },
  );

  it.skipIf(Boolean(skip))('filters, and counts facets that ignore their own filter', async () => {
    const all = await search(team.member, team.workspaceId, { q: 'pricing' });
    expect(facet(all.body, 'source')).toEqual({ contribution: 2, inquiry: 1 });
    expect(facet(all.body, 'kind')).toEqual({ evidence: 1, assumption: 1 });
    const evidence = await search(team.member, team.workspaceId, { q: 'pricing', kind: 'evidence' });
    expect(ids(evidence.body)).toEqual([`contribution:${notes.evidence}`]);
    // The kind facet still offers the other kinds; the source facet follows the kind filter.
    expect(facet(evidence.body, 'kind')).toEqual({ evidence: 1, assumption: 1 });
    expect(facet(evidence.body, 'source')).toEqual({ contribution: 1 });
    const framings = await search(team.member, team.workspaceId, { q: 'pricing', source: 'inquiry' });
    expect(ids(framings.body)).toEqual([`inquiry:${second}`]);
    expect(facet(framings.body, 'source')).toEqual({ contribution: 2, inquiry: 1 });
    const open = await search(team.member, team.workspaceId, { kind: 'assumption', state: 'untested' });
    expect(ids(open.body)).toEqual([`contribution:${notes.assumption}`]);
    const inquiry = await search(team.member, team.workspaceId, { inquiryId: team.inquiryId });
    expect(ids(inquiry.body).sort()).toEqual(
      [`inquiry:${team.inquiryId}`, `contribution:${team.noteId}`].sort(),
    );
    const framing = await search(team.member, team.workspaceId, { phase: 'exploring' });
    expect(framing.body.items).toEqual([]);
    expect(facet(framing.body, 'phase')).toEqual({ framing: 6 });
    const future = await search(team.member, team.workspaceId, { from: '2999-01-01' });
    expect(future.body.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const untilToday = await search(team.member, team.workspaceId, { to: today });
    expect(untilToday.body.total).toBe(6);
  });

  it.skipIf(Boolean(skip))('matches "phrases" as phrases and the last word as a prefix', async () => {
    expect((await search(team.member, team.workspaceId, { q: '"twenty percent"' })).body.total).toBe(1);
    expect((await search(team.member, team.workspaceId, { q: '"percent twenty"' })).body.total).toBe(0);
    expect((await search(team.member, team.workspaceId, { q: 'distrib' })).body.total).toBe(1);
    expect((await search(team.member, team.workspaceId, { q: 'distrib sweden' })).body.total).toBe(0);
    // Anything typed is words, never syntax.
    for (const q of ['"', 'AND OR NOT', 'pric* NEAR(', "o'brien : -x", '((', '\u0001', '%_\\']) {
      expect((await search(team.member, team.workspaceId, { q })).status).toBe(200);
    }
  });

  it.skipIf(Boolean(skip))('pages with a cursor, newest first when browsing', async () => {
    const first = await search(team.member, team.workspaceId, { limit: 4 });
    expect(first.body.items).toHaveLength(4);
    expect(first.body.total).toBe(6);
    const times = first.body.items.map((h: Json) => h.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const rest = await search(team.member, team.workspaceId, { limit: 4, cursor: first.body.nextCursor });
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    expect(new Set([...ids(first.body), ...ids(rest.body)]).size).toBe(6);
  });

  it.skipIf(Boolean(skip))('answers bad input with 400 and the fields', async () => {
    for (const [query, path] of [
      [{ limit: 0 }, 'query.limit'],
      [{ kind: 'rumour' }, 'query.kind'],
      [{ from: 'yesterday' }, 'query.from'],
      [{ q: 'x'.repeat(201) }, 'query.q'],
      [{ cursor: 'not-a-cursor' }, 'query.cursor'],
      [{ unknown: 1 }, 'query.unknown'],
    ] as const) {
      const reply = await search(team.member, team.workspaceId, query);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);

      expect(reply.body.error.fields.map((f: Json) => f.path)).toContain(path);
    }
  });

  it.skipIf(Boolean(skip))('follows edits, deletions and phase moves', async () => {
    const note = await contribute(team.member, second, {
      kind: 'idea',
      body: 'Partner with a fjord logistics firm.',
    });
    expect((await search(team.member, team.workspaceId, { q: 'fjord' })).body.total).toBe(1);
    const edit = await team.member.client.patch(`/api/contributions/${note.id}`, {
      body: 'Partner with a rail firm.',
    });
    expect(edit.status).toBe(200);
    expect((await search(team.member, team.workspaceId, { q: 'fjord' })).body.total).toBe(0);
    expect((await search(team.member, team.workspaceId, { q: 'rail' })).body.total).toBe(1);
    const answered = await team.member.client.patch(`/api/contributions/${notes.question}`, {
      state: 'answered',
    });
    expect(answered.status).toBe(200);
    const byState = await search(team.member, team.workspaceId, { q: 'distributors', state: 'answered' });
    expect(byState.body.total).toBe(1);
    expect((await team.member.client.delete(`/api/contributions/${note.id}`)).status).toBe(204);
    expect((await search(team.member, team.workspaceId, { q: 'rail' })).body.total).toBe(0);
    const moved = await team.facilitator.client.post(`/api/inquiries/${second}/phase`, {
      phase: 'exploring',
      overrideReason: 'Testing the search.',
    });
    expect(moved.status).toBe(200);
    const exploring = await search(team.member, team.workspaceId, { q: 'nordic', phase: 'exploring' });
    expect(exploring.body.total).toBe(2);
    expect(exploring.body.items[0].inquiry.phase).toBe('exploring');
  });

  it.skipIf(Boolean(skip))('finds the adopted conclusion, reflections and the synthesis', async () => {
    const db = server.database.db;
    const proposal: Proposal = {
      versions: [
        {
          version: 1,
          text: 'Enter Norway through a kayak retailer.',
          restsOn: [],
          by: team.facilitator.id,
          at: new Date().toISOString(),
        },
      ] as unknown as Proposal['versions'],
      endorsements: [],
      objections: [],
      adopted: null,
    };
    await db.transaction().execute((trx) => saveProposal(trx, second, proposal, 0));
    expect((await search(team.member, team.workspaceId, { q: 'kayak' })).body.total).toBe(0);
    const adopted = {
      ...proposal,
      adopted: {
        version: 1,
        by: team.facilitator.id,
        at: new Date().toISOString(),
        basis: 'consent' as const,
      },
    };
    await db.transaction().execute((trx) => saveProposal(trx, second, adopted, 1));
    const conclusion = await search(team.member, team.workspaceId, { q: 'kayak' });
    expect(ids(conclusion.body)).toEqual([`conclusion:${second}`]);
    expect(conclusion.body.items[0].author).toBeNull();

    await saveReflection(db, second, {
      userId: team.member.id,
      learned: 'Snowmobile dealers resell accessories.',
      stillUnclear: '',
      keep: '',
      change: '',
      teachBack: '',
    });
    const reflection = await search(team.owner, team.workspaceId, { q: 'snowmobile' });
    expect(ids(reflection.body)).toEqual([`reflection:${second}:${team.member.id}`]);
    expect(reflection.body.items[0].author.id).toBe(team.member.id);
    expect(facet(reflection.body, 'person')).toEqual({ [team.member.id]: 1 });

    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Reindeer leather is the premium line.')]);
    doc.getXmlFragment(SYNTHESIS_FIELD).insert(0, [paragraph]);
    const store = new DocumentStore(db);
    // any: the payload carries far more than the store reads
    await store.onStoreDocument({ documentName: synthesisDocumentName(second), document: doc } as any);
    expect(ids((await search(team.member, team.workspaceId, { q: 'reindeer' })).body)).toEqual([
      `synthesis:${second}`,
    ]);

    // A renamed inquiry: its own entry is reindexed, the others show the new title through the join.
    const renamed = await team.facilitator.client.patch(`/api/inquiries/${second}`, {
      title: 'Nordic entry',
    });
    expect(renamed.status).toBe(200);
    const kayak = (await search(team.member, team.workspaceId, { q: 'kayak' })).body.items[0];
    expect([kayak.title, kayak.inquiry.title]).toEqual(['Nordic entry', 'Nordic entry']);

    // Rebuilding from scratch gives the same index.
    const before = (await search(team.member, team.workspaceId, { limit: 50 })).body;
    await rebuildSearchIndex(db);
    const after = (await search(team.member, team.workspaceId, { limit: 50 })).body;
    expect(ids(after).sort()).toEqual(ids(before).sort());
    expect(after.facets).toEqual(before.facets);
  });

  it.skipIf(Boolean(skip))('suggests related inquiries and open questions while framing', async () => {
    const reply = await team.member.client.get(
      `/api/workspaces/${team.workspaceId}/related?${new URLSearchParams({ text: 'Should we sell kayaks in Norway? Distributors matter.' })}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.inquiries[0].inquiry.id).toBe(second);
    expect(reply.body.inquiries[0].conclusion).toBe('Enter Norway through a kayak retailer.');
    // The question was answered above, so only what is still open is suggested.
    expect(reply.body.openQuestions.map((q: Json) => q.contributionId)).not.toContain(notes.question);
    const untested = await team.member.client.get(
      `/api/workspaces/${team.workspaceId}/related?${new URLSearchParams({ text: 'durability of products' })}`,
    );
    expect(untested.body.openQuestions.map((q: Json) => q.contributionId)).toEqual([notes.assumption]);
    const empty = await team.member.client.get(`/api/workspaces/${team.workspaceId}/related?text=`);
    expect(empty.status).toBe(400);
  });

  it.skipIf(Boolean(skip))('keeps workspaces apart', async () => {
    const elsewhere = await createInquiry(team.outsider, team.outsiderWorkspaceId, {
      title: 'Nordic pricing elsewhere',
    });
    await contribute(team.outsider, elsewhere, { body: 'Pricing pricing pricing.' });
    const mine = await search(team.member, team.workspaceId, { q: 'pricing', limit: 50 });
    expect(mine.body.items.every((h: Json) => h.inquiry.id !== elsewhere)).toBe(true);
    expect((await search(team.outsider, team.workspaceId, { q: 'pricing' })).status).toBe(404);
    const stranger = await signUp(server, 'Sam Stranger');
    await join(team.outsider, team.outsiderWorkspaceId, stranger, 'member');
    expect((await search(stranger, team.outsiderWorkspaceId, { q: 'pricing' })).body.total).toBe(2);
  });
});
