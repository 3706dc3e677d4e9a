import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GATE_SETTINGS,
  expectedParticipants,
  type GateContribution,
  type GateFacts,
  type GateLink,
  type GateResult,
  gateInto,
  gateSettingsProblems,
  moveConflict,
  moveRule,
  NEEDS_A_NOTE,
  NEEDS_CONCLUSION,
  NEEDS_PARTICIPANTS,
  NEEDS_QUESTION,
  participationGate,
  responsesToOthers,
} from './gates.js';
import { NEEDS_REFLECTION, type Reflection } from './reflection.js';

const people = { facilitatorId: 'f', participantIds: ['f', 'a', 'b'] };

/** A note by `authorId`; the id says whose it is ("a1" is a's first note). */
const note = (id: string, authorId: string): GateContribution => ({ id, authorId, kind: 'idea' });
const link = (fromId: string, toId: string, kind: GateLink['kind'] = 'builds_on'): GateLink => ({
  fromId,
  toId,
  kind,
});

describe('expectedParticipants', () => {
  it('leaves the facilitator out by default, and lists each person once', () => {
    expect(expectedParticipants({ facilitatorId: 'f', participantIds: ['a', 'f', 'b', 'a'] }, false)).toEqual(
      ['a', 'b'],
    );
  });
  it('puts the facilitator in when the settings say so, even if not listed as a participant', () => {
    expect(expectedParticipants({ facilitatorId: 'f', participantIds: ['a'] }, true)).toEqual(['f', 'a']);
  });
});

describe('responsesToOthers', () => {
  const notes = [note('a1', 'a'), note('a2', 'a'), note('b1', 'b')];
  it('counts every link kind to someone else’s note, once per pair of notes', () => {
    const links = [
      link('a1', 'b1', 'builds_on'),
      link('a1', 'b1', 'supports'),
      link('a2', 'b1', 'challenges'),
      link('b1', 'a1', 'answers'),
    ];
    const counts = responsesToOthers(notes, links);
    expect(counts.get('a')).toBe(2);
    expect(counts.get('b')).toBe(1);
  });
  it('ignores links between one’s own notes and links to notes that are gone', () => {
    const counts = responsesToOthers(notes, [link('a1', 'a2'), link('a1', 'deleted'), link('deleted', 'b1')]);
    expect(counts.size).toBe(0);
  });
});

describe('participationGate (into synthesizing)', () => {
  it('is met when each participant has a note and has built on or challenged someone else’s', () => {
    const notes = [note('a1', 'a'), note('b1', 'b')];
    const out = participationGate(people, notes, [link('a1', 'b1'), link('b1', 'a1', 'challenges')]);
    expect(out).toEqual({ met: true, missing: [], groupNeeds: [] });
  });

  it('says who the group is waiting for and what each still needs', () => {
    const out = participationGate(people, [note('a1', 'a')], []);
    expect(out.met).toBe(false);
    expect(out.missing).toEqual([
      { userId: 'a', needs: ['build on or challenge someone else’s note'] },
      { userId: 'b', needs: ['1 more contribution', 'build on or challenge someone else’s note'] },
    ]);
  });

  it('does not wait for the facilitator by default, but can', () => {
    const notes = [note('a1', 'a'), note('b1', 'b')];
    const links = [link('a1', 'b1'), link('b1', 'a1')];
    expect(participationGate(people, notes, links).met).toBe(true);
    const withFacilitator = participationGate(people, notes, links, {
      ...DEFAULT_GATE_SETTINGS,
      includeFacilitator: true,
    });
    expect(withFacilitator.missing).toEqual([
      { userId: 'f', needs: ['1 more contribution', 'build on or challenge someone else’s note'] },
    ]);
  });

  it('does not let the facilitator’s notes count for anyone else', () => {
    const out = participationGate(people, [note('f1', 'f'), note('f2', 'f')], [link('f1', 'f2')]);
    expect(out.missing.map((m) => m.userId)).toEqual(['a', 'b']);
  });

  it('applies per-inquiry minimums and counts what is still missing', () => {
    const settings = { ...DEFAULT_GATE_SETTINGS, minContributions: 3, minBuildOnsOrChallenges: 2 };
    const notes = [note('a1', 'a'), note('b1', 'b'), note('b2', 'b'), note('b3', 'b')];
    const out = participationGate(people, notes, [link('b1', 'a1'), link('b2', 'a1')], settings);
    expect(out.missing).toEqual([
      { userId: 'a', needs: ['2 more contributions', 'build on or challenge 2 more of others’ notes'] },
    ]);
  });

  it('is met by anyone when both minimums are 0 — but never with nobody to wait for', () => {
    const none = { ...DEFAULT_GATE_SETTINGS, minContributions: 0, minBuildOnsOrChallenges: 0 };
    expect(participationGate(people, [], [], none).met).toBe(true);
    const alone = participationGate({ facilitatorId: 'f', participantIds: ['f'] }, [note('f1', 'f')], []);
    expect(alone).toEqual({ met: false, missing: [], groupNeeds: [NEEDS_PARTICIPANTS] });
  });
});

describe('gateSettingsProblems', () => {
  it('accepts whole numbers from 0 to 20', () => {
    expect(gateSettingsProblems(DEFAULT_GATE_SETTINGS)).toEqual([]);
    expect(
      gateSettingsProblems({ minContributions: 0, minBuildOnsOrChallenges: 20, includeFacilitator: true }),
    ).toEqual([]);
  });
  it.each([-1, 1.5, 21, Number.NaN])('refuses %d', (n) => {
    expect(gateSettingsProblems({ ...DEFAULT_GATE_SETTINGS, minContributions: n })).toHaveLength(1);
    expect(gateSettingsProblems({ ...DEFAULT_GATE_SETTINGS, minBuildOnsOrChallenges: n })[0]).toMatch(
      /build-ons/,
    );
  });
});

const reflectionBy = (userId: string): Reflection => ({
  userId,
  learned: 'Price matters more than we thought.',
  stillUnclear: 'What the chains will do.',
  keep: 'Evidence first.',
  change: 'Challenge earlier.',
  teachBack:
    'Small shops left us after the price rise and went to the cheaper rival, so we test a smaller pack in three regions before changing anything else.',
});

describe('gateInto', () => {
  const base: GateFacts = { ...people };
  it('has nothing to pass into framing', () => {
    expect(gateInto('framing', base).met).toBe(true);
  });
  it('opens exploring with a question and someone besides the facilitator', () => {
    expect(gateInto('exploring', { ...base, question: 'Why is Aurora failing?' }).met).toBe(true);
    expect(gateInto('exploring', base).groupNeeds).toEqual([NEEDS_QUESTION]);
    expect(
      gateInto('exploring', { facilitatorId: 'f', participantIds: ['f'], question: '  ' }).groupNeeds,
    ).toEqual([NEEDS_QUESTION, NEEDS_PARTICIPANTS]);
  });
  it('opens challenging once there is a note to challenge', () => {
    expect(gateInto('challenging', base).groupNeeds).toEqual([NEEDS_A_NOTE]);
    expect(gateInto('challenging', { ...base, contributions: [note('f1', 'f')] }).met).toBe(true);
  });
  it('opens synthesizing by the participation gate and its settings', () => {
    expect(gateInto('synthesizing', base).missing.map((m) => m.userId)).toEqual(['a', 'b']);
    const facts = { ...base, contributions: [note('a1', 'a')] };
    const relaxed = { ...DEFAULT_GATE_SETTINGS, minBuildOnsOrChallenges: 0 };
    expect(gateInto('synthesizing', facts, relaxed).missing).toEqual([
      { userId: 'b', needs: ['1 more contribution'] },
    ]);
  });
  it('opens reflecting only with an adopted conclusion', () => {
    expect(gateInto('reflecting', base).groupNeeds).toEqual([NEEDS_CONCLUSION]);
    expect(gateInto('reflecting', { ...base, conclusionAdopted: true }).met).toBe(true);
  });
  it('opens concluded when every expected participant has reflected', () => {
    expect(gateInto('concluded', { ...base, reflections: [reflectionBy('a')] }).missing).toEqual([
      { userId: 'b', needs: [NEEDS_REFLECTION] },
    ]);
    expect(gateInto('concluded', { ...base, reflections: [reflectionBy('a'), reflectionBy('b')] }).met).toBe(
      true,
    );
    const all = { ...DEFAULT_GATE_SETTINGS, includeFacilitator: true };
    expect(
      gateInto('concluded', { ...base, reflections: [reflectionBy('a'), reflectionBy('b')] }, all).met,
    ).toBe(false);
  });
  it('does not count a pasted teach-back when the conclusion is known', () => {
    const pasted = { ...reflectionBy('a'), teachBack: reflectionBy('b').teachBack };
    const facts = {
      ...base,
      reflections: [pasted, reflectionBy('b')],
      conclusionText: reflectionBy('b').teachBack,
    };
    expect(gateInto('concluded', facts).missing.map((m) => m.userId)).toEqual(['a', 'b']);
  });
});

describe('moveRule', () => {
  const met: GateResult = { met: true, missing: [], groupNeeds: [] };
  const closed: GateResult = {
    met: false,
    missing: [{ userId: 'b', needs: ['1 more contribution'] }],
    groupNeeds: [],
  };

  it('allows a forward step whose gate is met', () => {
    expect(moveRule('challenging', 'synthesizing', met)).toEqual({
      outcome: 'allowed',
      direction: 'forward',
      overridden: false,
    });
  });
  it('allows a step back whatever the gate says', () => {
    expect(moveRule('synthesizing', 'challenging', closed)).toEqual({
      outcome: 'allowed',
      direction: 'back',
      overridden: false,
    });
  });
  it('needs an override for a closed gate, and says what is missing', () => {
    expect(moveRule('challenging', 'synthesizing', closed)).toEqual({
      outcome: 'needs_override',
      message:
        'The group cannot move to synthesizing yet: waiting for 1 participant. The facilitator can move on anyway with a recorded reason.',
      missing: closed.missing,
      groupNeeds: [],
    });
    expect(moveRule('challenging', 'synthesizing', closed, ' ').outcome).toBe('needs_override');
  });
  it('passes a closed gate with a recorded reason, keeping what was missing', () => {
    expect(moveRule('challenging', 'synthesizing', closed, ' Bea is on leave ')).toEqual({
      outcome: 'allowed',
      direction: 'forward',
      overridden: true,
      reason: 'Bea is on leave',
      missing: closed.missing,
      groupNeeds: [],
    });
  });
  it('refuses skips, staying put and reopening a concluded inquiry, override or not', () => {
    for (const [from, to] of [
      ['exploring', 'synthesizing'],
      ['exploring', 'exploring'],
      ['concluded', 'reflecting'],
    ] as const) {
      expect(moveRule(from, to, met, 'we really want to').outcome).toBe('invalid');
    }
  });
  it('names group needs and waiting participants together', () => {
    const gate: GateResult = {
      met: false,
      missing: closed.missing.concat({ userId: 'c', needs: ['x'] }),
      groupNeeds: [NEEDS_CONCLUSION],
    };
    const out = moveRule('synthesizing', 'reflecting', gate);
    expect(out.outcome === 'needs_override' && out.message).toBe(
      'The group cannot move to reflecting yet: a conclusion adopted by consent; waiting for 2 participants. The facilitator can move on anyway with a recorded reason.',
    );
  });
});

describe('moveConflict', () => {
  const closed: GateResult = {
    met: false,
    missing: [{ userId: 'b', needs: ['1 more contribution'] }],
    groupNeeds: [],
  };
  it('shapes the API’s 409 body with who is missing', () => {
    const body = moveConflict(moveRule('challenging', 'synthesizing', closed));
    expect(body).toEqual({
      error: { code: 'conflict', message: expect.stringContaining('synthesizing'), missing: closed.missing },
    });
  });
  it('also answers an invalid move with a conflict, without anyone missing', () => {
    expect(moveConflict(moveRule('framing', 'concluded', closed))).toEqual({
      error: {
        code: 'conflict',
        message: 'From framing the inquiry can only move one step forward, to exploring.',
        missing: [],
      },
    });
  });
  it('is null for an allowed move', () => {
    expect(moveConflict(moveRule('exploring', 'framing', closed))).toBeNull();
  });
});
