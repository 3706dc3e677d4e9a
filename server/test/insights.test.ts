import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS } from '../../domain/insights/prompts.js';
import { INSIGHT_RULES } from '../../domain/insights/rules.js';
import { postgresUnavailable, REDIS_URL, redisUnavailable } from './databases.js';
import { contribute, createInquiry, createTeam, join, type Person, signUp } from './factories.js';
import { on, startServer, type TestServer, twoInstances } from './server.js';

// The facilitator's console over HTTP: findings for a constructed inquiry, who may see them, anonymity and
// private mode, updates applied incrementally, asking a suggested question and seeing it answered, and the
// workspace's prompt library and thresholds.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL insights suite: ${postgresReason}`);
const redisReason = await redisUnavailable();

// any: tests read response bodies loosely; the contract is checked by the server
type Json = any;

/** Every time-based rule fires at once, so a test need not wait an hour. */
const IMMEDIATE = {
  untestedAssumptionMinutes: 0,
  unusedEvidenceMinutes: 0,
  unsupportedHypothesisMinutes: 0,
  unansweredQuestionMinutes: 0,
  silentParticipantMinutes: 0,
};

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('the facilitator’s console on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database });
  });
  afterAll(async () => {
    if (!skip) await server.close();
  });

  /** A team with a second member, thresholds that fire at once, an inquiry past framing. */
  async function team(extra: Record<string, unknown> = {}) {
    if (skip) return null;
    const t = await createTeam(server);
    const peer = await signUp(server, 'Pat Peer');
    await join(t.owner, t.workspaceId, peer, 'member');
    const settings = await t.owner.client.put(`/api/workspaces/${t.workspaceId}/insight-settings`, IMMEDIATE);
    expect(settings.status).toBe(200);
    const inquiryId = await createInquiry(t.facilitator, t.workspaceId, {
      participantIds: [t.member.id, peer.id],
      ...extra,
    });
    const moved = await t.facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, {
      phase: 'exploring',
    });
    expect(moved.status).toBe(200);
    return { ...t, peer, inquiryId };
  }
  const insights = async (person: Person, inquiryId: string) => {
    const reply = await person.client.get(`/api/inquiries/${inquiryId}/insights`);
    expect(reply.status).toBe(200);
    return reply;
  };
  const findingsOf = (body: Json, rule: string) => body.findings.filter((f: Json) => f.rule === rule);

  it('finds what the rules describe, with explanations, subjects and questions; facilitator and owners only', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    const assumption = await contribute(t.member, t.inquiryId, {
      kind: 'assumption',
      body: 'Customers leave because of **price**',
    });
    const reply = await insights(t.facilitator, t.inquiryId);
    const body = reply.body;
    const untested = findingsOf(body, 'untested_assumption');
    expect(untested).toHaveLength(1);
    expect(untested[0]).toMatchObject({
      id: `untested_assumption:${assumption.id}`,
      subjects: [{ type: 'contribution', id: assumption.id }],
      addressedTo: null,
      asked: null,
    });
    expect(untested[0].explanation).toContain('“Customers leave because of price”');
    expect(untested[0].question).toContain(
      'Are we sure about this assumption: “Customers leave because of price”?',
    );
    // Pat has not written anything: a silent participant, addressed by name.
    const silent = findingsOf(body, 'silent_participant');
    expect(silent.map((f: Json) => f.subjects[0].id)).toEqual([t.peer.id]);
    expect(silent[0].addressedTo).toEqual({ id: t.peer.id, name: 'Pat Peer' });
    expect(silent[0].question).toMatch(/^@\[Pat Peer\], /);
    expect(body.participation.people.find((p: Json) => p.user.id === t.member.id).contributions).toBe(1);
    expect(body.understanding).toEqual({ before: null, after: null });
    expect(body.resilience.inquiry.subject.id).toBe(t.inquiryId);

    expect((await t.owner.client.get(`/api/inquiries/${t.inquiryId}/insights`)).status).toBe(200);
    expect((await t.member.client.get(`/api/inquiries/${t.inquiryId}/insights`)).status).toBe(403);
    expect((await t.outsider.client.get(`/api/inquiries/${t.inquiryId}/insights`)).status).toBe(404);
  });

  it('does not depend on who wrote an anonymous note: not in any subject, count, network or address', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    // The untested-assumption prompt addresses the note's author: an anonymous author is never addressed.
    const prompts = (await t.facilitator.client.get(`/api/workspaces/${t.workspaceId}/prompts`)).body.items;
    const prompt = prompts.find((p: Json) => p.rule === 'untested_assumption');
    await t.facilitator.client.put(`/api/workspaces/${t.workspaceId}/prompts/${prompt.id}`, {
      text: 'Is {note} something we checked?',
      addressedTo: 'person',
    });
    const views: Json[] = [];
    for (const author of [t.member, t.peer]) {
      const inquiryId = await createInquiry(t.facilitator, t.workspaceId, {
        participantIds: [t.member.id, t.peer.id],
      });
      await t.facilitator.client.post(`/api/inquiries/${inquiryId}/phase`, { phase: 'exploring' });
      const anon = await contribute(author, inquiryId, {
        kind: 'assumption',
        body: 'Margins are fine',
        anonymous: true,
      });
      const other = await contribute(t.facilitator, inquiryId, { kind: 'idea', body: 'Call five customers' });
      await author.client.post(`/api/contributions/${anon.id}/links`, { toId: other.id, kind: 'builds_on' });
      // Thanks for the anonymous note count for nobody: they would tell who did not write it.
      await t.facilitator.client.put(`/api/contributions/${anon.id}/acknowledgement`);
      const body = (await insights(t.facilitator, inquiryId)).body;
      const finding = findingsOf(body, 'untested_assumption')[0];
      expect(finding.addressedTo).toBeNull();
      expect(finding.question).toBe('Is “Margins are fine” something we checked?');
      // Names instead of ids, ids of notes and times dropped: what is left must be the same either way.
      const nameOf = new Map([
        [t.member.id, 'M'],
        [t.peer.id, 'M'],
        [t.facilitator.id, 'F'],
      ]);
      views.push({
        findings: body.findings.map((f: Json) => ({
          rule: f.rule,
          users: f.subjects.filter((s: Json) => s.type === 'user').map((s: Json) => s.id),
          explanation: f.explanation.replace(/Mia Member|Pat Peer/g, 'M'),
        })),
        people: body.participation.people.map((p: Json) => ({
          ...p,
          user: null,
          firstContributionAt: null,
          lastContributionAt: null,
        })),
        anonymous: body.participation.anonymousContributions,
        network: body.participation.network.map((e: Json) => [nameOf.get(e.from), nameOf.get(e.to), e.count]),
        timeline: body.participation.timeline.map((r: Json) => ({
          ...r,
          start: null,
          userId: nameOf.get(r.userId),
        })),
        balance: {
          ...body.participation.balance,
          topVoice: nameOf.get(body.participation.balance.topVoice?.id),
        },
      });
      expect(body.participation.anonymousContributions).toBe(1);
      for (const p of body.participation.people)
        expect(p).toMatchObject({ buildOns: 0, acknowledgementsGiven: 0, acknowledgementsReceived: 0 });
    }
    // Both members are silent in both inquiries, so the silent findings name each of them once.
    const silent = (v: Json) =>
      v.findings
        .filter((f: Json) => f.rule === 'silent_participant')
        .flatMap((f: Json) => f.users)
        .sort();
    expect(silent(views[0])).toEqual([t.member.id, t.peer.id].sort());
    expect(silent(views[1])).toEqual(silent(views[0]));
    const { findings: a, ...restA } = views[0];
    const { findings: b, ...restB } = views[1];
    expect(restB).toEqual(restA);
    expect(b.map((f: Json) => f.explanation).sort()).toEqual(a.map((f: Json) => f.explanation).sort());
  });

  it('keeps private-mode notes out of an owner’s view and quotes no hidden note to the group', async (ctx) => {
    const t = await team({ privateMode: true });
    if (!t) return ctx.skip();
    const hidden = await contribute(t.member, t.inquiryId, {
      kind: 'question',
      body: 'Is the churn in one region?',
    });
    const facilitatorView = (await insights(t.facilitator, t.inquiryId)).body;
    const open = findingsOf(facilitatorView, 'unanswered_question');
    expect(open.map((f: Json) => f.id)).toEqual([`unanswered_question:${hidden.id}`]);
    // The facilitator reads it, but the question they would post may not quote it to those who cannot.
    expect(open[0].question).toContain('a note not everyone can see yet');
    expect(open[0].question).not.toContain('churn in one region');
    expect(
      facilitatorView.participation.people.find((p: Json) => p.user.id === t.member.id).contributions,
    ).toBe(1);

    const ownerView = (await insights(t.owner, t.inquiryId)).body;
    expect(JSON.stringify(ownerView.findings)).not.toContain(hidden.id);
    expect(ownerView.participation.people.find((p: Json) => p.user.id === t.member.id).contributions).toBe(0);

    expect((await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/reveal`)).status).toBe(200);
    const afterReveal = (await insights(t.owner, t.inquiryId)).body;
    expect(findingsOf(afterReveal, 'unanswered_question')[0].question).toContain(
      '“Is the churn in one region?”',
    );
  });

  it('applies a new note to the cached engine: the finding clears on the next read without a rebuild', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    const question = await contribute(t.member, t.inquiryId, { kind: 'question', body: 'Which channel?' });
    const first = await insights(t.facilitator, t.inquiryId);
    expect(first.headers.get('server-timing')).toContain('desc="cold"');
    expect(findingsOf(first.body, 'unanswered_question')).toHaveLength(1);
    await contribute(t.peer, t.inquiryId, {
      kind: 'evidence',
      body: 'Mostly the web shop',
      links: [{ toId: question.id, kind: 'answers' }],
    });
    const second = await insights(t.facilitator, t.inquiryId);
    expect(second.headers.get('server-timing')).toContain('desc="warm"');
    expect(findingsOf(second.body, 'unanswered_question')).toHaveLength(0);
    // Pat has spoken now, so Pat is no longer silent.
    expect(findingsOf(second.body, 'silent_participant').map((f: Json) => f.subjects[0].id)).not.toContain(
      t.peer.id,
    );
    expect(second.body.seq).toBeGreaterThan(first.body.seq);
  });

  it('asks a suggested question, shows it asked, then answered, and clears the finding when the group takes it up', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    const assumption = await contribute(t.member, t.inquiryId, {
      kind: 'assumption',
      body: 'Price drives churn',
    });
    const findingId = `untested_assumption:${assumption.id}`;
    const ask = (id: string) =>
      t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/insights/ask`, { findingId: id });
    expect(
      (await t.member.client.post(`/api/inquiries/${t.inquiryId}/insights/ask`, { findingId })).status,
    ).toBe(403);
    expect((await ask('untested_assumption:nothing')).status).toBe(404);

    const asked = await ask(findingId);
    expect(asked.status).toBe(201);
    expect(asked.body.contribution).toMatchObject({ kind: 'question', author: { id: t.facilitator.id } });
    expect(asked.body.contribution.body).toContain('“Price drives churn”');
    expect(asked.body.finding.asked).toMatchObject({
      contributionId: asked.body.contribution.id,
      answered: false,
    });
    expect((await ask(findingId)).status).toBe(409);
    const questionId = asked.body.contribution.id;
    // The question replies to the note it is about.
    const board = (await t.member.client.get(`/api/inquiries/${t.inquiryId}/contributions`)).body;
    expect(board.links).toContainEqual(
      expect.objectContaining({ fromId: questionId, toId: assumption.id, kind: 'builds_on' }),
    );

    let body = (await insights(t.facilitator, t.inquiryId)).body;
    expect(body.findings.find((f: Json) => f.id === findingId).asked).toMatchObject({
      contributionId: questionId,
      answered: false,
    });

    // An answer to the question: asked and answered, but the assumption is still untested.
    await contribute(t.peer, t.inquiryId, {
      kind: 'idea',
      body: 'We could ask in the exit survey',
      links: [{ toId: questionId, kind: 'answers' }],
    });
    body = (await insights(t.facilitator, t.inquiryId)).body;
    expect(body.findings.find((f: Json) => f.id === findingId).asked.answered).toBe(true);
    expect(body.askedPrompts[0]).toMatchObject({
      findingId,
      contributionId: questionId,
      answered: true,
      findingOpen: true,
    });

    // Evidence that challenges the assumption: the finding clears; the console still lists the question.
    await contribute(t.peer, t.inquiryId, {
      kind: 'evidence',
      body: 'Exit survey: price is fifth',
      links: [{ toId: assumption.id, kind: 'challenges' }],
    });
    body = (await insights(t.facilitator, t.inquiryId)).body;
    expect(body.findings.find((f: Json) => f.id === findingId)).toBeUndefined();
    expect(body.askedPrompts[0]).toMatchObject({ findingId, answered: true, findingOpen: false });
  });

  it('asks a silent participant by name: an @mention they are told about', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    await contribute(t.member, t.inquiryId, { kind: 'idea', body: 'A first idea' });
    const asked = await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/insights/ask`, {
      findingId: `silent_participant:${t.peer.id}`,
    });
    expect(asked.status).toBe(201);
    expect(asked.body.contribution.body).toMatch(/^@\[Pat Peer\], what are you seeing/);
    const inbox = (await t.peer.client.get('/api/notifications')).body.items;
    expect(inbox).toContainEqual(
      expect.objectContaining({ kind: 'mention', subjectId: asked.body.contribution.id }),
    );
    await contribute(t.peer, t.inquiryId, {
      kind: 'unknown',
      body: 'I don’t know yet; I’d need the regional numbers',
      links: [{ toId: asked.body.contribution.id, kind: 'answers' }],
    });
    const body = (await insights(t.facilitator, t.inquiryId)).body;
    expect(findingsOf(body, 'silent_participant').map((f: Json) => f.subjects[0].id)).not.toContain(
      t.peer.id,
    );
    expect(body.askedPrompts[0]).toMatchObject({ answered: true, findingOpen: false });
  });

  it('keeps a prompt library per workspace: defaults, edits checked for placeholders, reset', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    const base = `/api/workspaces/${t.workspaceId}/prompts`;
    const list = (await t.facilitator.client.get(base)).body.items;
    expect(list.map((p: Json) => p.rule)).toEqual([...INSIGHT_RULES]);
    expect(list.map((p: Json) => p.text)).toEqual(INSIGHT_RULES.map((r) => DEFAULT_PROMPTS[r].text));
    expect((await t.member.client.get(base)).status).toBe(403);
    expect((await t.outsider.client.get(base)).status).toBe(404);

    const silent = list.find((p: Json) => p.rule === 'silent_participant');
    const bad = await t.facilitator.client.put(`${base}/${silent.id}`, {
      text: 'What about {note}?',
      addressedTo: 'person',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'body.text' })]);
    const edited = await t.facilitator.client.put(`${base}/${silent.id}`, {
      text: 'What would you add, {person}?',
      addressedTo: 'group',
    });
    expect(edited.status).toBe(200);
    const body = (await insights(t.facilitator, t.inquiryId)).body;
    const finding = findingsOf(body, 'silent_participant').find((f: Json) => f.subjects[0].id === t.peer.id);
    expect(finding).toMatchObject({
      question: 'What would you add, Pat Peer?',
      addressedTo: null,
      promptId: silent.id,
    });

    // Another workspace's prompt is not there to edit.
    const elsewhere = (
      await t.outsider.client.put(`/api/workspaces/${t.outsiderWorkspaceId}/insight-settings`, {})
    ).status;
    expect(elsewhere).toBe(200);
    const foreign = (await t.outsider.client.get(`/api/workspaces/${t.outsiderWorkspaceId}/prompts`)).body
      .items[0];
    expect(
      (await t.facilitator.client.put(`${base}/${foreign.id}`, { text: 'x?', addressedTo: 'group' })).status,
    ).toBe(404);

    const reset = await t.facilitator.client.post(`${base}/reset`, { rule: 'silent_participant' });
    expect(reset.status).toBe(200);
    expect(reset.body.items.find((p: Json) => p.id === silent.id)).toMatchObject(
      DEFAULT_PROMPTS.silent_participant,
    );
  });

  it('validates thresholds and lets only owners tune them', async (ctx) => {
    const t = await team();
    if (!t) return ctx.skip();
    const path = `/api/workspaces/${t.workspaceId}/insight-settings`;
    const read = (await t.facilitator.client.get(path)).body;
    expect(read.thresholds).toMatchObject(IMMEDIATE);
    expect(read.defaults.untestedAssumptionMinutes).toBe(60);
    expect((await t.facilitator.client.put(path, { dominantVoiceShare: 0.6 })).status).toBe(403);
    const bad = await t.owner.client.put(path, {
      dominantVoiceGini: 2,
      untestedAssumptionMinutes: -1,
      nope: 1,
    });
    expect(bad.status).toBe(400);
    const ok = await t.owner.client.put(path, { untestedAssumptionMinutes: 90 });
    expect(ok.body.thresholds).toMatchObject({ untestedAssumptionMinutes: 90, unusedEvidenceMinutes: 0 });
    await contribute(t.member, t.inquiryId, { kind: 'assumption', body: 'Fresh assumption' });
    expect(findingsOf((await insights(t.facilitator, t.inquiryId)).body, 'untested_assumption')).toHaveLength(
      0,
    );
  });
});

describe.skipIf(redisReason !== null || postgresReason !== null)('the console on two instances', () => {
  const pair = twoInstances(REDIS_URL, { beforeAll, afterAll });

  it('an engine on one instance hears changes written through the other', async () => {
    const t = await createTeam(pair.a);
    await t.owner.client.put(`/api/workspaces/${t.workspaceId}/insight-settings`, IMMEDIATE);
    const onB = on(pair.b, t.facilitator);
    const question = await contribute(t.member, t.inquiryId, { kind: 'question', body: 'Who churns?' });
    const first = await onB.client.get(`/api/inquiries/${t.inquiryId}/insights`);
    expect(first.body.findings.map((f: Json) => f.id)).toContain(`unanswered_question:${question.id}`);
    await contribute(t.member, t.inquiryId, {
      kind: 'evidence',
      body: 'Small shops',
      links: [{ toId: question.id, kind: 'answers' }],
    });
    const second = await onB.client.get(`/api/inquiries/${t.inquiryId}/insights`);
    expect(second.headers.get('server-timing')).toContain('desc="warm"');
    expect(second.body.findings.map((f: Json) => f.id)).not.toContain(`unanswered_question:${question.id}`);
  });
});
