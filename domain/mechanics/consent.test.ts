import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AdoptionContext,
  adopt,
  answerObjection,
  type ConsentResult,
  consentState,
  currentVersion,
  endorse,
  letObjectionStand,
  mayAdopt,
  object,
  type Proposal,
  propose,
  revise,
  withdrawObjection,
} from './consent.js';

// f facilitates; a proposes; b and c are the rest of the group.
const everyone = ['f', 'a', 'b', 'c'];
const collaborative: AdoptionContext = { mode: 'collaborative', facilitatorId: 'f' };
const cooperative: AdoptionContext = { mode: 'cooperative', facilitatorId: 'f' };
const T = '2025-01-01T10:00:00Z';

function must(r: ConsentResult): Proposal {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.proposal;
}
const draft = { text: 'Aurora fails on price, not quality.', restsOn: ['n1', 'n2'], by: 'a', at: T };
const proposal = () => must(propose(draft));
const endorsedBy = (p: Proposal, ...ids: string[]) => ids.reduce((q, id) => must(endorse(q, id, T)), p);
const objection = (id: string, userId: string) => ({
  id,
  userId,
  reason: 'We never asked the chains.',
  at: T,
});

describe('propose and revise', () => {
  it('starts at version 1, resting on the notes given (each once)', () => {
    const p = must(propose({ ...draft, restsOn: ['n1', 'n1', 'n2'] }));
    expect(currentVersion(p)).toEqual({
      version: 1,
      text: draft.text,
      restsOn: ['n1', 'n2'],
      proposedBy: 'a',
      proposedAt: T,
    });
    expect(p.adopted).toBeNull();
  });
  it('needs text and at least one note to rest on', () => {
    expect(propose({ ...draft, text: '  ' })).toMatchObject({ ok: false, code: 'empty_text' });
    expect(propose({ ...draft, restsOn: [] })).toMatchObject({ ok: false, code: 'rests_on_nothing' });
  });
  it('a new version resets endorsements but keeps the objection history', () => {
    let p = endorsedBy(proposal(), 'a', 'b');
    p = must(object(p, objection('o1', 'c')));
    p = must(revise(p, { ...draft, text: 'Aurora fails on price for small shops.', by: 'b' }));
    expect(currentVersion(p)).toMatchObject({ version: 2, proposedBy: 'b' });
    expect(p.versions).toHaveLength(2);
    expect(p.objections).toHaveLength(1);
    const s = consentState(p, everyone);
    expect(s.consented).toEqual([]);
    expect(s.waitingFor).toEqual(everyone);
    // c's objection was to version 1: it is history, not a block on version 2.
    expect(s.openObjections).toEqual([]);
  });
});

describe('consentState', () => {
  it('is adoptable when every participant, the facilitator included, has endorsed', () => {
    const s = consentState(endorsedBy(proposal(), ...everyone), everyone);
    expect(s.adoptable).toBe(true);
    expect(s.consented.map((c) => c.how)).toEqual(['endorsed', 'endorsed', 'endorsed', 'endorsed']);
  });
  it('waits for whoever has not answered, in the participants’ order', () => {
    const s = consentState(endorsedBy(proposal(), 'b', 'f'), everyone);
    expect(s).toMatchObject({ version: 1, adoptable: false, waitingFor: ['a', 'c'] });
  });
  it('is blocked by an open objection, and the objector is not "waited for": the answer is', () => {
    const p = must(object(endorsedBy(proposal(), 'f', 'a', 'b'), objection('o1', 'c')));
    const s = consentState(p, everyone);
    expect(s.adoptable).toBe(false);
    expect(s.waitingFor).toEqual([]);
    expect(s.openObjections.map((o) => o.id)).toEqual(['o1']);
  });
  it('counts an answered objection as consent: heard, not necessarily agreed', () => {
    let p = must(object(endorsedBy(proposal(), 'f', 'a', 'b'), objection('o1', 'c')));
    p = must(
      answerObjection(
        p,
        { objectionId: 'o1', by: 'a', response: 'The chains follow small-shop prices.', at: T },
        'f',
      ),
    );
    expect(consentState(p, everyone)).toMatchObject({ adoptable: true, openObjections: [] });
    expect(consentState(p, everyone).consented.at(-1)).toEqual({ userId: 'c', how: 'objection_answered' });
    const stood = must(letObjectionStand(p, 'o1', 'c', T));
    expect(stood.objections[0]?.status).toBe('stands_answered');
    expect(consentState(stood, everyone).adoptable).toBe(true);
  });
  it('counts a withdrawn objection as consent', () => {
    const p = must(withdrawObjection(must(object(proposal(), objection('o1', 'c'))), 'o1', 'c', T));
    expect(consentState(p, ['c']).consented).toEqual([{ userId: 'c', how: 'objection_withdrawn' }]);
  });
  it('needs every objection of a person answered, not just one', () => {
    let p = must(object(proposal(), objection('o1', 'c')));
    p = must(object(p, { ...objection('o2', 'c'), reason: 'And the data is from last year.' }));
    p = must(
      answerObjection(p, { objectionId: 'o1', by: 'f', response: 'We asked two chains.', at: T }, 'f'),
    );
    expect(consentState(p, ['c']).openObjections.map((o) => o.id)).toEqual(['o2']);
  });
  it('ignores people who are not participants, and is never adoptable with nobody', () => {
    const p = must(object(endorsedBy(proposal(), 'a', 'outsider'), objection('o1', 'gone')));
    expect(consentState(p, ['a'])).toMatchObject({ adoptable: true, openObjections: [] });
    expect(consentState(p, []).adoptable).toBe(false);
  });
});

describe('endorse and object', () => {
  it('endorsing twice changes nothing', () => {
    const once = endorsedBy(proposal(), 'b');
    expect(must(endorse(once, 'b', '2025-02-02T00:00:00Z'))).toEqual(once);
  });
  it('objecting takes back one’s endorsement; endorsing needs one’s open objection withdrawn first', () => {
    let p = must(object(endorsedBy(proposal(), 'b'), objection('o1', 'b')));
    expect(p.endorsements).toEqual([]);
    expect(endorse(p, 'b', T)).toMatchObject({ ok: false, code: 'open_objection' });
    p = must(endorse(must(withdrawObjection(p, 'o1', 'b', T)), 'b', T));
    expect(consentState(p, ['b']).consented).toEqual([{ userId: 'b', how: 'endorsed' }]);
  });
  it('an objection needs a reason and a fresh id', () => {
    expect(object(proposal(), { ...objection('o1', 'b'), reason: 'no' })).toMatchObject({
      ok: false,
      code: 'no_reason',
    });
    const p = must(object(proposal(), objection('o1', 'b')));
    expect(object(p, objection('o1', 'c'))).toMatchObject({ ok: false, code: 'duplicate_id' });
  });
});

describe('answering and settling objections', () => {
  const withObjection = () => must(object(proposal(), objection('o1', 'c')));
  const answer = (by: string, response = 'We checked the chains too.') => ({
    objectionId: 'o1',
    by,
    response,
    at: T,
  });

  it('is answered by the proposer of that version or the facilitator only', () => {
    expect(answerObjection(withObjection(), answer('a'), 'f').ok).toBe(true);
    expect(answerObjection(withObjection(), answer('f'), 'f').ok).toBe(true);
    expect(answerObjection(withObjection(), answer('b'), 'f')).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    expect(answerObjection(withObjection(), answer('c'), 'f')).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
  });
  it('records the answer once, and needs words in it', () => {
    const p = must(answerObjection(withObjection(), answer('a'), 'f'));
    expect(p.objections[0]).toMatchObject({
      status: 'answered',
      answer: { by: 'a', response: 'We checked the chains too.' },
    });
    expect(answerObjection(p, answer('f'), 'f')).toMatchObject({ ok: false, code: 'wrong_status' });
    expect(answerObjection(withObjection(), answer('a', ' '), 'f')).toMatchObject({
      ok: false,
      code: 'no_reason',
    });
    expect(answerObjection(withObjection(), { ...answer('a'), objectionId: 'nope' }, 'f')).toMatchObject({
      ok: false,
      code: 'unknown_objection',
    });
  });
  it('is withdrawn or left standing by the objector only; standing needs an answer first', () => {
    const p = withObjection();
    expect(withdrawObjection(p, 'o1', 'a', T)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(letObjectionStand(p, 'o1', 'c', T)).toMatchObject({ ok: false, code: 'wrong_status' });
    const answered = must(answerObjection(p, answer('a'), 'f'));
    expect(letObjectionStand(answered, 'o1', 'a', T)).toMatchObject({ ok: false, code: 'not_allowed' });
    const stood = must(letObjectionStand(answered, 'o1', 'c', '2025-01-02T00:00:00Z'));
    expect(stood.objections[0]).toMatchObject({
      status: 'stands_answered',
      settledAt: '2025-01-02T00:00:00Z',
    });
    expect(withdrawObjection(stood, 'o1', 'c', T)).toMatchObject({ ok: false, code: 'wrong_status' });
  });
});

describe('mayAdopt and adopt', () => {
  it('collaborative: the facilitator cannot adopt alone; their endorsement is one voice', () => {
    const p = endorsedBy(proposal(), 'f');
    const d = mayAdopt(p, everyone, collaborative, 'f');
    expect(d).toMatchObject({ allowed: false, waitingFor: ['a', 'b', 'c'] });
    expect(!d.allowed && d.message).toBe(
      'The group adopts this conclusion by consent; still waiting for 3 to endorse or object.',
    );
    expect(adopt(p, everyone, collaborative, 'f', T)).toMatchObject({ ok: false, code: 'not_allowed' });
  });
  it('collaborative: once the group consents any participant may record the adoption', () => {
    const p = endorsedBy(proposal(), ...everyone);
    expect(mayAdopt(p, everyone, collaborative, 'b')).toEqual({ allowed: true, basis: 'consent' });
    const adopted = must(adopt(p, everyone, collaborative, 'b', T));
    expect(adopted.adopted).toEqual({ version: 1, by: 'b', at: T, basis: 'consent' });
    expect(mayAdopt(p, everyone, collaborative, 'outsider').allowed).toBe(false);
  });
  it('collaborative: a facilitator with no group cannot adopt even with every voice in', () => {
    const p = endorsedBy(proposal(), 'f');
    expect(mayAdopt(p, ['f'], collaborative, 'f')).toMatchObject({ allowed: false });
  });
  it('names open objections in the refusal', () => {
    const p = must(object(endorsedBy(proposal(), 'f', 'a', 'b'), objection('o1', 'c')));
    const d = mayAdopt(p, everyone, collaborative, 'a');
    expect(!d.allowed && d.message).toMatch(/1 objection\(s\) to answer/);
  });
  it('cooperative: the facilitator may adopt at any time, on their authority; nobody else may', () => {
    const p = must(object(proposal(), objection('o1', 'c')));
    expect(mayAdopt(p, everyone, cooperative, 'f')).toEqual({ allowed: true, basis: 'facilitator' });
    expect(mayAdopt(p, everyone, cooperative, 'a').allowed).toBe(false);
    expect(mayAdopt(endorsedBy(proposal(), ...everyone), everyone, cooperative, 'f')).toEqual({
      allowed: true,
      basis: 'consent',
    });
    const adopted = must(adopt(p, everyone, cooperative, 'f', T));
    expect(adopted.objections[0]?.status).toBe('open'); // the objection stays on record
  });
  it('freezes the proposal once adopted', () => {
    const p = must(adopt(endorsedBy(proposal(), ...everyone), everyone, collaborative, 'a', T));
    expect(adopt(p, everyone, collaborative, 'a', T)).toMatchObject({ ok: false, code: 'adopted' });
    expect(revise(p, draft)).toMatchObject({ ok: false, code: 'adopted' });
    expect(endorse(p, 'a', T)).toMatchObject({ ok: false, code: 'adopted' });
    expect(object(p, objection('o9', 'b'))).toMatchObject({ ok: false, code: 'adopted' });
    expect(withdrawObjection(p, 'o9', 'b', T)).toMatchObject({ ok: false, code: 'adopted' });
  });
  it('keeps everything as plain JSON', () => {
    const p = must(adopt(endorsedBy(proposal(), ...everyone), everyone, collaborative, 'a', T));
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('consent properties', () => {
  // Random histories of acts by the group; whatever happens, adoption by consent means what it says.
  const people = ['f', 'a', 'b', 'c'] as const;
  const person = fc.constantFrom(...people);
  type Act =
    | { type: 'endorse' | 'object' | 'revise'; by: string }
    | { type: 'answer' | 'withdraw' | 'stand'; by: string; pick: number };
  // Weighted so that a fair share of histories end adoptable, and the property is tested both ways.
  const act: fc.Arbitrary<Act> = fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('endorse' as const), by: person }), weight: 6 },
    { arbitrary: fc.record({ type: fc.constant('object' as const), by: person }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('answer' as const), by: person, pick: fc.nat() }), weight: 4 },
    {
      arbitrary: fc.record({ type: fc.constant('withdraw' as const), by: person, pick: fc.nat() }),
      weight: 1,
    },
    { arbitrary: fc.record({ type: fc.constant('stand' as const), by: person, pick: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ type: fc.constant('revise' as const), by: person }), weight: 1 },
  );

  function run(acts: Act[]): Proposal {
    let p = proposal();
    acts.forEach((x, i) => {
      const target = p.objections.length
        ? p.objections[('pick' in x ? x.pick : 0) % p.objections.length]?.id
        : undefined;
      let r: ConsentResult = { ok: true, proposal: p };
      if (x.type === 'endorse') r = endorse(p, x.by, T);
      if (x.type === 'object')
        r = object(p, { id: `o${i}`, userId: x.by, reason: 'Not convinced yet.', at: T });
      if (x.type === 'revise') r = revise(p, { ...draft, text: `Version ${i}`, by: x.by });
      if (target && x.type === 'answer')
        r = answerObjection(p, { objectionId: target, by: x.by, response: 'Here is why.', at: T }, 'f');
      if (target && x.type === 'withdraw') r = withdrawObjection(p, target, x.by, T);
      if (target && x.type === 'stand') r = letObjectionStand(p, target, x.by, T);
      if (r.ok) p = r.proposal;
    });
    return p;
  }

  it('adoptable means every voice endorsed the current version or had every objection to it answered', () => {
    const seen = new Set<boolean>();
    fc.assert(
      fc.property(fc.array(act, { maxLength: 40 }), (acts) => {
        const p = run(acts);
        const s = consentState(p, people);
        const v = currentVersion(p).version;
        const agrees = (id: string) => {
          const mine = p.objections.filter((o) => o.userId === id && o.version === v);
          if (mine.some((o) => o.status === 'open')) return false;
          return p.endorsements.some((e) => e.userId === id && e.version === v) || mine.length > 0;
        };
        expect(s.adoptable).toBe(people.every(agrees));
        seen.add(s.adoptable);
        expect(
          s.consented.length + s.waitingFor.length + new Set(s.openObjections.map((o) => o.userId)).size,
        ).toBe(people.length);
      }),
      { numRuns: 300 },
    );
    expect(seen).toEqual(new Set([true, false]));
  });

  it('in collaborative mode the facilitator adopts only what the group could adopt', () => {
    fc.assert(
      fc.property(fc.array(act, { maxLength: 40 }), (acts) => {
        const p = run(acts);
        expect(mayAdopt(p, people, collaborative, 'f').allowed).toBe(consentState(p, people).adoptable);
      }),
    );
  });

  it('never loses a version or an objection', () => {
    fc.assert(
      fc.property(fc.array(act, { maxLength: 40 }), (acts) => {
        const p = run(acts);
        const raised = acts.filter((x) => x.type === 'object').length;
        expect(p.objections).toHaveLength(raised);
        expect(p.versions.map((v) => v.version)).toEqual(p.versions.map((_, i) => i + 1));
      }),
    );
  });
});
