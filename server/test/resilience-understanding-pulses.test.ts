import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInquiryResilience } from '../insights/resilience.js';
import { loadUnderstanding } from '../insights/understanding.js';
import { postgresUnavailable } from './databases.js';
import { contribute, createInquiry, createTeam, join, type Person, signUp } from './factories.js';
import { openStream, ready, type Stream } from './live-client.js';
import { Client, startServer, type TestServer } from './server.js';

// The console's private parts (#5): knowledge resilience, the shared-understanding check and the
// psychological-safety pulse. Every response body and live message of a scenario is recorded, so the
// tests can show that no individual pulse answer, ranking or anonymous author ever leaves the server.

const postgresReason = await postgresUnavailable();
if (postgresReason)
  console.warn(`Skipping the PostgreSQL resilience/understanding/pulse suite: ${postgresReason}`);

const TEACH_BACK =
  'We learned that returns rise because the new supplier cut the sizes smaller, so customers order two sizes and send one back; fixing the size chart should bring returns down.';

/** Records every response body any recorded client receives. */
class Recorder {
  bodies: string[] = [];
  /** Each body with the id of the person who received it. */
  received: { to: string; text: string }[] = [];
  watch(person: Person): Person {
    const original = person.client.request.bind(person.client);
    const client = person.client as Client & { request: Client['request'] };
    client.request = async (...args: Parameters<Client['request']>) => {
      const reply = await original(...args);
      const text = JSON.stringify(reply.body);
      this.bodies.push(text);
      this.received.push({ to: person.id, text });
      return reply;
    };
    client.get = (path: string) => client.request('GET', path);
    client.post = (path: string, body?: unknown) => client.request('POST', path, body);
    client.patch = (path: string, body?: unknown) => client.request('PATCH', path, body);
    client.put = (path: string, body?: unknown) => client.request('PUT', path, body);
    client.delete = (path: string) => client.request('DELETE', path);
    return person;
  }
  everything(streams: Stream[]): string[] {
    return [...this.bodies, ...streams.flatMap((s) => s.messages.map((m) => JSON.stringify(m)))];
  }
}

const vector = (answers: number[]) => JSON.stringify(answers);

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('resilience, understanding and pulses on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database });
  });
  afterAll(async () => {
    if (!skip) await server.close();
  });

  /** The team of createTeam plus three more participants of its inquiry, all recorded. */
  async function bigTeam(recorder: Recorder) {
    const t = await createTeam(server);
    const [p2, p3, p4, bystander] = await Promise.all([
      signUp(server, 'Pia Two'),
      signUp(server, 'Quinn Three'),
      signUp(server, 'Rae Four'),
      signUp(server, 'Sam Bystander'),
    ]);
    for (const p of [p2, p3, p4]) await join(t.owner, t.workspaceId, p, 'member');
    await join(t.owner, t.workspaceId, bystander, 'member');
    await t.facilitator.client.patch(`/api/inquiries/${t.inquiryId}`, {
      participantIds: [t.member.id, p2.id, p3.id, p4.id],
    });
    for (const p of [t.owner, t.facilitator, t.member, p2, p3, p4, bystander, t.outsider]) recorder.watch(p);
    return { ...t, p2, p3, p4, bystander };
  }

  const setPhase = (inquiryId: string, phase: 'synthesizing' | 'reflecting' | 'exploring') =>
    server.database.db.updateTable('inquiries').set({ phase }).where('id', '=', inquiryId).execute();

  describe.skipIf(skip)('psychological-safety pulse', () => {
    it('opens one pulse per scope even when two requests race', async () => {
      const t = await createTeam(server);
      const both = await Promise.all(
        [t.facilitator, t.facilitator, t.owner].map((p) =>
          p.client.post(`/api/workspaces/${t.workspaceId}/pulses`, {}),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const list = await t.owner.client.get(`/api/workspaces/${t.workspaceId}/pulses`);
      expect(list.body.items.filter((p: { closedAt: string | null }) => p.closedAt === null)).toHaveLength(1);
    });

    it('asks everyone who answers a pulse through the inbox, and answering marks it read', async () => {
      const t = await bigTeam(new Recorder());
      const inbox = async (p: Person) =>
        (await p.client.get('/api/notifications')).body.items.filter(
          (n: { kind: string }) => n.kind === 'pulse_open',
        );
      const pulse = (await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/pulses`, {})).body.pulse;
      const [asked] = await inbox(t.member);
      expect(asked).toMatchObject({ subjectId: pulse.id, inquiryId: t.inquiryId, readAt: null });
      expect(asked.actor.id).toBe(t.facilitator.id);
      expect(await inbox(t.facilitator)).toEqual([]);
      expect(await inbox(t.bystander)).toEqual([]);
      await t.member.client.post(`/api/pulses/${pulse.id}/responses`, { answers: [4, 4, 4, 4, 4, 4, 4] });
      expect((await inbox(t.member))[0].readAt).not.toBeNull();
      expect((await inbox(t.p2))[0].readAt).toBeNull();

      // A team pulse asks every member but whoever opened it.
      const team = (await t.owner.client.post(`/api/workspaces/${t.workspaceId}/pulses`, {})).body.pulse;
      const teamAsked = async (p: Person) =>
        (await inbox(p)).filter((n: { subjectId: string }) => n.subjectId === team.id);
      expect(await teamAsked(t.owner)).toEqual([]);
      for (const p of [t.facilitator, t.member, t.p2]) {
        expect(await teamAsked(p)).toMatchObject([{ inquiryId: null, workspaceId: t.workspaceId }]);
      }
    });

    it('keeps answers apart from people: counts only, nulls under k, figures once closed, 409 on a second answer', async () => {
      const recorder = new Recorder();
      const t = await bigTeam(recorder);
      const streams = await Promise.all(
        [t.facilitator, t.member, t.p2].map((p) => openStream(server, p, t.inquiryId)),
      );
      await Promise.all(streams.map(ready));

      expect(
        (await t.facilitator.client.patch(`/api/workspaces/${t.workspaceId}/settings`, { pulseThreshold: 3 }))
          .status,
      ).toBe(403);
      const tooLow = await t.owner.client.patch(`/api/workspaces/${t.workspaceId}/settings`, {
        pulseThreshold: 2,
      });
      expect([tooLow.status, tooLow.body.error.fields[0].path]).toEqual([400, 'body.pulseThreshold']);
      expect(
        (await t.member.client.get(`/api/workspaces/${t.workspaceId}/settings`)).body.settings.pulseThreshold,
      ).toBe(5);
      const set = await t.owner.client.patch(`/api/workspaces/${t.workspaceId}/settings`, {
        pulseThreshold: 3,
      });
      expect(set.body.settings.pulseThreshold).toBe(3);

      expect((await t.member.client.post(`/api/inquiries/${t.inquiryId}/pulses`, {})).status).toBe(403);
      const opened = await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/pulses`, {});
      expect(opened.status).toBe(201);
      const pulse = opened.body.pulse;
      expect(pulse).toMatchObject({ inquiryId: t.inquiryId, threshold: 3, responses: 0, closedAt: null });
      expect((await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/pulses`, {})).status).toBe(409);

      const A = [1, 7, 2, 6, 1, 7, 7];
      const B = [3, 5, 3, 5, 3, 5, 5];
      const C = [2, 6, 1, 6, 2, 6, 6];
      const answer = (p: Person, answers: number[], comment?: string) =>
        p.client.post(`/api/pulses/${pulse.id}/responses`, { answers, ...(comment ? { comment } : {}) });

      const bad = await answer(t.member, [1, 2, 3]);
      expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'body.answers']);
      const first = await answer(t.member, A, 'Meetings feel rushed.');
      expect(first.status).toBe(201);
      expect(first.body.pulse).toMatchObject({ responses: 1, answeredByMe: true });
      const again = await answer(t.member, B);
      expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
      // The facilitator does not answer their own inquiry's pulse; a member outside the inquiry cannot.
      expect((await answer(t.facilitator, B)).status).toBe(403);
      expect((await answer(t.bystander, B)).status).toBe(403);
      expect((await answer(t.outsider, B)).status).toBe(404);

      const results = () => t.member.client.get(`/api/pulses/${pulse.id}/results`);
      expect((await results()).body).toMatchObject({
        responses: 1,
        threshold: 3,
        score: null,
        items: null,
        comments: null,
      });
      await answer(t.p2, B);
      await answer(t.p3, C, 'I can say when I disagree.');
      // Three answers, still open: nothing but the count, so no later view differs from this one by one person.
      expect((await results()).body).toMatchObject({
        responses: 3,
        score: null,
        items: null,
        comments: null,
      });
      const listed = (await t.p2.client.get(`/api/inquiries/${t.inquiryId}/pulses`)).body.items[0];
      expect(listed).toMatchObject({ id: pulse.id, responses: 3, answeredByMe: true });
      expect((await t.p4.client.get(`/api/inquiries/${t.inquiryId}/pulses`)).body.items[0].answeredByMe).toBe(
        false,
      );

      expect((await t.member.client.post(`/api/pulses/${pulse.id}/close`)).status).toBe(403);
      const closed = await t.facilitator.client.post(`/api/pulses/${pulse.id}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.pulse.closedAt).not.toBeNull();
      expect((await answer(t.p4, C)).status).toBe(409);

      const shown = (await results()).body;
      // Raw means 2, 6, 2, 17/3, 2, 6, 6; items 1, 3 and 5 reversed (8 − 2 = 6).
      expect(shown.responses).toBe(3);
      expect(shown.items.map((i: { mean: number }) => i.mean)).toEqual(
        [6, 6, 6, 17 / 3, 6, 6, 6].map((m) => expect.closeTo(m, 10)),
      );
      expect(shown.score).toBeCloseTo((36 + 17 / 3) / 7, 10);
      // Two comments under k = 3 stay hidden.
      expect(shown.comments).toBeNull();
      expect(shown.trend).toEqual([
        { pulseId: pulse.id, openedAt: pulse.openedAt, score: expect.closeTo(shown.score, 10) },
      ]);

      // The answers table holds scores and a random UUIDv4, nothing about who or when.
      const rows = await server.database.db
        .selectFrom('pulse_answers')
        .selectAll()
        .where('pulse_id', '=', pulse.id)
        .execute();
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual([
          'id',
          'item1',
          'item2',
          'item3',
          'item4',
          'item5',
          'item6',
          'item7',
          'pulse_id',
        ]);
        expect(row.id[14]).toBe('4');
      }

      await Promise.all(
        streams.map((s) =>
          s.waitFor((m) => m.filter((x) => x.type === 'pulses.changed').length >= 2, 'pulse events'),
        ),
      );
      for (const s of streams) {
        for (const m of s.messages.filter((x) => x.type === 'pulses.changed'))
          expect(m.data).toEqual({ inquiryId: t.inquiryId });
      }
      const seen = recorder.everything(streams);
      for (const v of [A, B, C]) expect(seen.filter((text) => text.includes(vector(v)))).toEqual([]);
      expect(seen.filter((text) => text.includes('Meetings feel rushed.'))).toEqual([]);
      await Promise.all(streams.map((s) => s.close()));
    });

    it('shows a team pulse’s comments, shuffled, only with at least k of them, and trends over closed pulses', async () => {
      const recorder = new Recorder();
      const t = await bigTeam(recorder);
      await t.owner.client.patch(`/api/workspaces/${t.workspaceId}/settings`, { pulseThreshold: 3 });
      expect((await t.member.client.post(`/api/workspaces/${t.workspaceId}/pulses`, {})).status).toBe(403);
      const past = await t.facilitator.client.post(`/api/workspaces/${t.workspaceId}/pulses`, {
        closesAt: '2020-01-01T00:00:00Z',
      });
      expect([past.status, past.body.error.fields[0].path]).toEqual([400, 'body.closesAt']);

      const open = async () =>
        (await t.facilitator.client.post(`/api/workspaces/${t.workspaceId}/pulses`, {})).body.pulse;
      const first = await open();
      for (const p of [t.member, t.p2, t.p3]) {
        expect(
          (await p.client.post(`/api/pulses/${first.id}/responses`, { answers: [4, 4, 4, 4, 4, 4, 4] }))
            .status,
        ).toBe(201);
      }
      // Whoever opened a team pulse does not answer it.
      expect(
        (
          await t.facilitator.client.post(`/api/pulses/${first.id}/responses`, {
            answers: [4, 4, 4, 4, 4, 4, 4],
          })
        ).status,
      ).toBe(403);
      await t.facilitator.client.post(`/api/pulses/${first.id}/close`);

      const second = await open();
      const comments = ['More time to think.', 'Good debate.', 'Fewer status meetings.', 'Safe to disagree.'];
      const people = [t.member, t.p2, t.p3, t.bystander];
      for (const [i, p] of people.entries()) {
        await p.client.post(`/api/pulses/${second.id}/responses`, {
          answers: [1, 7, 1, 7, 1, 7, 7],
          comment: comments[i],
        });
      }
      // An owner may close anyone's pulse.
      expect((await t.owner.client.post(`/api/pulses/${second.id}/close`)).status).toBe(200);
      const shown = (await t.bystander.client.get(`/api/pulses/${second.id}/results`)).body;
      expect(shown.score).toBe(7);
      expect([...shown.comments].sort()).toEqual([...comments].sort());
      expect(shown.trend.map((p: { pulseId: string; score: number }) => [p.pulseId, p.score])).toEqual([
        [first.id, 4],
        [second.id, 7],
      ]);
      // A pulse with a closing time closes by itself once it passes: no more answers, results from then on.
      const timed = (
        await t.facilitator.client.post(`/api/workspaces/${t.workspaceId}/pulses`, {
          closesAt: new Date(Date.now() + 60_000).toISOString(),
        })
      ).body.pulse;
      for (const p of [t.member, t.p2, t.p3]) {
        await p.client.post(`/api/pulses/${timed.id}/responses`, { answers: [5, 5, 5, 5, 5, 5, 5] });
      }
      expect((await t.p4.client.get(`/api/pulses/${timed.id}/results`)).body.score).toBeNull();
      const deadline = new Date(Date.now() - 1_000).toISOString();
      await server.database.db
        .updateTable('pulses')
        .set({ closes_at: deadline })
        .where('id', '=', timed.id)
        .execute();
      expect(
        (await t.p4.client.post(`/api/pulses/${timed.id}/responses`, { answers: [5, 5, 5, 5, 5, 5, 5] }))
          .status,
      ).toBe(409);
      const afterDeadline = (await t.p4.client.get(`/api/pulses/${timed.id}/results`)).body;
      // Raw 5 everywhere: items 1, 3 and 5 reversed to 3 → (3·3 + 4·5) / 7.
      expect(afterDeadline.score).toBeCloseTo(29 / 7, 10);
      expect(afterDeadline.trend.map((p: { pulseId: string }) => p.pulseId)).toEqual([
        first.id,
        second.id,
        timed.id,
      ]);
      const team = (await t.p4.client.get(`/api/workspaces/${t.workspaceId}/pulses`)).body.items;
      expect(team.map((p: { id: string }) => p.id)).toEqual([timed.id, second.id, first.id]);
      expect((await t.outsider.client.get(`/api/pulses/${second.id}/results`)).status).toBe(404);
    });
  });

  describe.skipIf(skip)('shared understanding check', () => {
    it('keeps each ranking and theory to its author and shows only agreement, once closed', async () => {
      const recorder = new Recorder();
      const t = await bigTeam(recorder);
      const streams = await Promise.all([t.facilitator, t.p2].map((p) => openStream(server, p, t.inquiryId)));
      await Promise.all(streams.map(ready));
      await contribute(t.p2, t.inquiryId, { kind: 'hypothesis', body: 'Price rose too much.' });
      await contribute(t.p3, t.inquiryId, {
        kind: 'hypothesis',
        body: 'Delivery got slower.',
        anonymous: true,
      });
      const base = `/api/inquiries/${t.inquiryId}/understanding`;

      expect((await t.member.client.post(base, { stage: 'exploring' })).status).toBe(403);
      const opened = await t.facilitator.client.post(base, { stage: 'exploring' });
      expect(opened.status).toBe(201);
      const check = opened.body.check;
      expect(check.items.map((i: { label: string }) => i.label)).toEqual([
        'Returns went up after the supplier change.',
        'Price rose too much.',
        'Delivery got slower.',
      ]);
      expect(check.items[0].contributionId).toBe(t.noteId);
      expect((await t.facilitator.client.post(base, { stage: 'exploring' })).status).toBe(409);
      const badItem = await t.facilitator.client.post(base, {
        stage: 'reflecting',
        items: [{ label: 'x', contributionId: '00000000-0000-4000-8000-000000000000' }, { label: 'y' }],
      });
      expect([badItem.status, badItem.body.error.fields[0].path]).toEqual([
        400,
        'body.items.0.contributionId',
      ]);

      const [a, b, c] = check.items.map((i: { id: string }) => i.id) as [string, string, string];
      const respond = (p: Person, ranking: string[], theory: string) =>
        p.client.put(`/api/understanding/${check.id}/response`, { ranking, theory });
      const notPermutation = await respond(t.member, [a, a, b], 'x');
      expect([notPermutation.status, notPermutation.body.error.fields[0].path]).toEqual([
        400,
        'body.ranking',
      ]);
      const missing = await respond(t.member, [a, b], 'x');
      expect([missing.status, missing.body.error.fields[0].path]).toEqual([400, 'body.ranking']);
      expect((await respond(t.bystander, [a, b, c], 'x')).status).toBe(403);

      const memberTheory = 'Sizing drives it. The supplier cut smaller.';
      const mine = await respond(t.member, [c, a, b], memberTheory);
      expect(mine.status).toBe(200);
      expect(mine.body.check.myResponse).toEqual({ ranking: [c, a, b], theory: memberTheory });
      await respond(t.p2, [c, a, b], 'Same here, sizing. Price matters less.');
      await respond(t.p3, [c, b, a], 'Sizing first. Then delivery.');

      const p2View = (await t.p2.client.get(base)).body.items[0];
      expect(p2View.responses).toBe(3);
      expect(p2View.myResponse.theory).toBe('Same here, sizing. Price matters less.');
      expect((await t.facilitator.client.get(base)).body.items[0].myResponse).toBeNull();

      // Open: only the count, no figures.
      expect((await loadUnderstanding(server.database.db, t.inquiryId)).before).toEqual({
        checkId: check.id,
        stage: 'exploring',
        responses: 3,
        w: null,
        items: [],
      });
      expect((await t.member.client.post(`/api/understanding/${check.id}/close`)).status).toBe(403);
      expect((await t.facilitator.client.post(`/api/understanding/${check.id}/close`)).status).toBe(200);
      expect((await respond(t.p4, [a, b, c], 'Too late.')).status).toBe(409);

      const { before, after } = await loadUnderstanding(server.database.db, t.inquiryId);
      expect(after).toBeNull();
      // Ranks a: 2, 2, 3; b: 3, 3, 2; c: 1, 1, 1 → rank sums 7, 8, 3 around 6: S = 14, W = 12·14 / (9·24) = 7/9.
      expect(before?.w).toBeCloseTo(7 / 9, 10);
      expect(before?.items.map((i) => [i.id, i.meanRank])).toEqual([
        [a, 7 / 3],
        [b, 8 / 3],
        [c, 1],
      ]);

      await Promise.all(
        streams.map((s) =>
          s.waitFor((m) => m.some((x) => x.type === 'understanding.changed'), 'check events'),
        ),
      );
      // Each theory and ranking reached its author's own replies only: no other person's reply and no live
      // message carries it.
      const live = streams.flatMap((s) => s.messages.map((m) => JSON.stringify(m)));
      const onlyTo = (authorId: string, secret: string) => {
        expect(recorder.received.some((r) => r.to === authorId && r.text.includes(secret))).toBe(true);
        const leaked = recorder.received.filter((r) => r.to !== authorId && r.text.includes(secret));
        expect(leaked.map((r) => r.to)).toEqual([]);
        expect(live.filter((text) => text.includes(secret))).toEqual([]);
      };
      onlyTo(t.member.id, memberTheory);
      onlyTo(t.p3.id, 'Sizing first. Then delivery.');
      onlyTo(t.p3.id, JSON.stringify([c, b, a]));
      for (const s of streams) {
        for (const m of s.messages.filter((x) => x.type === 'understanding.changed'))
          expect(m.data).toEqual({ inquiryId: t.inquiryId });
      }
      await Promise.all(streams.map((s) => s.close()));
    });
  });

  describe.skipIf(skip)('knowledge resilience', () => {
    it('finds who can explain each inquiry and conclusion, the bus factor, and what is lost when someone is away', async () => {
      const recorder = new Recorder();
      const t = await bigTeam(recorder);
      // p2 contributes only anonymously: never a holder, never named.
      const hidden = await contribute(t.p2, t.inquiryId, {
        kind: 'evidence',
        body: 'Returns data 2024',
        anonymous: true,
      });
      await setPhase(t.inquiryId, 'synthesizing');
      const conclusion = `/api/inquiries/${t.inquiryId}/conclusion`;
      const proposed = await t.facilitator.client.post(conclusion, {
        text: 'Sizing drives returns.',
        restsOn: [t.noteId, hidden.id],
      });
      expect(proposed.status).toBe(200);
      await t.member.client.post(`${conclusion}/endorse`);
      await t.facilitator.client.post(`${conclusion}/endorse`);
      await t.p2.client.post(`${conclusion}/endorse`);
      await setPhase(t.inquiryId, 'reflecting');
      const reflection = { learned: 'a', stillUnclear: 'b', keep: 'c', change: 'd' };
      expect(
        (
          await t.p3.client.put(`/api/inquiries/${t.inquiryId}/reflections/mine`, {
            ...reflection,
            teachBack: TEACH_BACK,
          })
        ).status,
      ).toBe(200);
      // Too short to explain anything.
      await t.p4.client.put(`/api/inquiries/${t.inquiryId}/reflections/mine`, {
        ...reflection,
        teachBack: 'Agreed, sizing.',
      });

      const inquiry = await loadInquiryResilience(server.database.db, t.inquiryId);
      const holders = (k: typeof inquiry.inquiry) =>
        Object.fromEntries(k.holders.map((h) => [h.user.id, [h.reasons.join('+'), h.canExplain]]));
      expect(holders(inquiry.inquiry)).toEqual({
        [t.facilitator.id]: ['contributed+endorsed', true],
        [t.member.id]: ['contributed+endorsed', true],
        [t.p3.id]: ['taught_back', true],
        // p2 endorsed; the anonymous note does not make them a contributor.
        [t.p2.id]: ['endorsed', false],
      });
      expect(inquiry.inquiry.busFactor).toBe(3);
      expect(inquiry.conclusions).toHaveLength(1);
      expect(inquiry.conclusions[0]?.subject).toEqual({
        type: 'conclusion',
        id: t.inquiryId,
        title: 'Sizing drives returns.',
      });
      expect(inquiry.conclusions[0]?.busFactor).toBe(3);
      const away = Object.fromEntries(
        inquiry.away.map((a) => [a.user.id, [a.busFactorAfter, a.lost.length]]),
      );
      expect(away[t.facilitator.id]).toEqual([2, 0]);
      expect(away[t.p4.id]).toEqual([3, 0]);

      // A second inquiry that only the member can explain: the member is a single point of failure.
      const solo = await createInquiry(t.facilitator, t.workspaceId, {
        title: 'Nordic entry',
        participantIds: [t.member.id],
      });
      const soloNote = await contribute(t.member, solo, {
        kind: 'evidence',
        body: 'Distributors want 40% margin',
      });
      await setPhase(solo, 'synthesizing');
      await t.member.client.post(`/api/inquiries/${solo}/conclusion`, {
        text: 'Go through one distributor.',
        restsOn: [soloNote.id],
      });
      await t.member.client.post(`/api/inquiries/${solo}/conclusion/endorse`);

      const route = `/api/workspaces/${t.workspaceId}/resilience`;
      expect((await t.member.client.get(route)).status).toBe(403);
      expect((await t.outsider.client.get(route)).status).toBe(404);
      const view = await t.owner.client.get(route);
      expect(view.status).toBe(200);
      const topics = Object.fromEntries(
        view.body.topics.map((x: { inquiry: { id: string }; busFactor: number }) => [
          x.inquiry.id,
          x.busFactor,
        ]),
      );
      expect(topics[t.inquiryId]).toBe(3);
      expect(topics[solo]).toBe(1);
      expect(view.body.singlePointsOfFailure).toEqual([
        { user: { id: t.member.id, name: t.member.name }, topics: [solo] },
      ]);
      const memberAway = view.body.away.find((a: { user: { id: string } }) => a.user.id === t.member.id);
      expect(memberAway).toEqual({
        user: { id: t.member.id, name: t.member.name },
        busFactorAfter: 0,
        lost: [{ type: 'inquiry', id: solo, title: 'Nordic entry' }],
      });
      expect((await t.facilitator.client.get(route)).status).toBe(200);
      // The anonymous author is named nowhere in the workspace view.
      expect(JSON.stringify(view.body)).not.toContain(t.p2.id);
    });
  });
});
