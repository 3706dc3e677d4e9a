import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountabilityPanels,
  type PanelContribution,
  type PanelInput,
  type PanelLink,
  type PersonPanel,
} from './accountability.js';
import type { Reflection } from './reflection.js';

const note = (
  id: string,
  authorId: string,
  anonymous = false,
  kind: PanelContribution['kind'] = 'idea',
): PanelContribution => ({
  id,
  authorId,
  kind,
  anonymous,
});
const link = (fromId: string, toId: string, kind: PanelLink['kind'] = 'builds_on'): PanelLink => ({
  fromId,
  toId,
  kind,
});
const empty: PanelInput = {
  participantIds: ['a', 'b', 'c'],
  contributions: [],
  links: [],
  acknowledgements: [],
  helpRequests: [],
  reflections: [],
  commitments: [],
};
const row = (panels: PersonPanel[], userId: string) => {
  const p = panels.find((x) => x.userId === userId);
  if (!p) throw new Error(`no panel for ${userId}`);
  return p;
};
const complete: Omit<Reflection, 'userId'> = {
  learned: 'Price beats quality for small shops.',
  stillUnclear: 'The chains.',
  keep: 'Evidence first.',
  change: 'Challenge earlier.',
  teachBack:
    'Small shops left after the price rise and went to the cheaper rival, so we test a smaller pack in three regions before touching anything else.',
};

describe('accountabilityPanels', () => {
  it('gives every participant a row, in order, all zero to start', () => {
    const panels = accountabilityPanels({ ...empty, participantIds: ['b', 'a', 'b'] }, 'a');
    expect(panels.map((p) => p.userId)).toEqual(['b', 'a']);
    expect(panels[0]).toMatchObject({
      contributions: 0,
      buildOnsGiven: 0,
      reflection: 'missing',
      commitments: { open: 0, done: 0, dropped: 0 },
    });
    expect(Object.values(panels[0]?.contributionsByKind ?? {})).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('counts contributions, in total and by kind', () => {
    const input = {
      ...empty,
      contributions: [
        note('a1', 'a', false, 'question'),
        note('a2', 'a', false, 'evidence'),
        note('b1', 'b'),
      ],
    };
    const a = row(accountabilityPanels(input, 'c'), 'a');
    expect(a.contributions).toBe(2);
    expect(a.contributionsByKind).toMatchObject({ question: 1, evidence: 1, idea: 0 });
  });

  it('counts build-ons and challenges given and received, between different people only', () => {
    const input = {
      ...empty,
      contributions: [note('a1', 'a'), note('a2', 'a'), note('b1', 'b'), note('c1', 'c')],
      links: [
        link('a1', 'b1', 'builds_on'),
        link('a1', 'b1', 'supports'), // same pair, same side: counted once
        link('a2', 'b1', 'challenges'),
        link('c1', 'a1', 'answers'),
        link('c1', 'b1', 'synthesizes'),
        link('a1', 'a2', 'builds_on'), // one's own note: not interaction
        link('a1', 'gone'),
      ],
    };
    const panels = accountabilityPanels(input, 'c');
    expect(row(panels, 'a')).toMatchObject({
      buildOnsGiven: 1,
      challengesGiven: 1,
      buildOnsReceived: 1,
      challengesReceived: 0,
    });
    expect(row(panels, 'b')).toMatchObject({ buildOnsGiven: 0, buildOnsReceived: 2, challengesReceived: 1 });
    expect(row(panels, 'c')).toMatchObject({ buildOnsGiven: 2, buildOnsReceived: 0 });
  });

  it('counts acknowledgements from others, once per person and note', () => {
    const input = {
      ...empty,
      contributions: [note('a1', 'a')],
      acknowledgements: [
        { contributionId: 'a1', userId: 'b' },
        { contributionId: 'a1', userId: 'b' },
        { contributionId: 'a1', userId: 'c' },
        { contributionId: 'a1', userId: 'a' },
        { contributionId: 'gone', userId: 'b' },
      ],
    };
    expect(row(accountabilityPanels(input, 'b'), 'a').acknowledgementsReceived).toBe(2);
  });

  it('counts help given to someone else', () => {
    const input = {
      ...empty,
      helpRequests: [
        { requesterId: 'a', answeredBy: 'b' },
        { requesterId: 'c', answeredBy: 'b' },
        { requesterId: 'b', answeredBy: 'b' },
        { requesterId: 'a', answeredBy: null },
      ],
    };
    const panels = accountabilityPanels(input, 'a');
    expect(panels.map((p) => p.helpGiven)).toEqual([0, 2, 0]);
  });

  it('shows each reflection as missing, incomplete or complete, by the latest one', () => {
    const input = {
      ...empty,
      reflections: [
        { userId: 'a', ...complete },
        { userId: 'b', ...complete },
        { userId: 'b', ...complete, teachBack: 'Agreed.' },
      ],
    };
    expect(accountabilityPanels(input, 'a').map((p) => p.reflection)).toEqual([
      'complete',
      'incomplete',
      'missing',
    ]);
    const pasted = {
      ...input,
      reflections: [{ userId: 'a', ...complete }],
      conclusionText: complete.teachBack,
    };
    expect(row(accountabilityPanels(pasted, 'a'), 'a').reflection).toBe('incomplete');
  });

  it('counts commitments by status', () => {
    const input = {
      ...empty,
      commitments: [
        { ownerId: 'a', status: 'open' as const },
        { ownerId: 'a', status: 'done' as const },
        { ownerId: 'a', status: 'done' as const },
        { ownerId: 'z', status: 'open' as const },
      ],
    };
    expect(row(accountabilityPanels(input, 'b'), 'a').commitments).toEqual({ open: 1, done: 2, dropped: 0 });
  });

  it('leaves out people who are not participants', () => {
    const input = { ...empty, contributions: [note('z1', 'z'), note('a1', 'a')], links: [link('z1', 'a1')] };
    const panels = accountabilityPanels(input, 'a');
    expect(panels.map((p) => p.userId)).toEqual(['a', 'b', 'c']);
    expect(row(panels, 'a').buildOnsReceived).toBe(1);
  });
});

describe('anonymous notes in the panels', () => {
  const input: PanelInput = {
    ...empty,
    contributions: [note('a1', 'a', true), note('b1', 'b')],
    links: [link('a1', 'b1'), link('b1', 'a1', 'challenges')],
    acknowledgements: [{ contributionId: 'a1', userId: 'c' }],
  };
  it('count in the author’s own row when the author looks', () => {
    const a = row(accountabilityPanels(input, 'a'), 'a');
    expect(a).toMatchObject({
      contributions: 1,
      buildOnsGiven: 1,
      challengesReceived: 1,
      acknowledgementsReceived: 1,
    });
  });
  it('count for nobody when someone else looks, not even on the other end of a link', () => {
    const panels = accountabilityPanels(input, 'b');
    expect(row(panels, 'a')).toMatchObject({
      contributions: 0,
      buildOnsGiven: 0,
      challengesReceived: 0,
      acknowledgementsReceived: 0,
    });
    // Counting "b's note was built on" would tell, by whether it moved, if the anonymous note was b's own.
    expect(row(panels, 'b')).toMatchObject({ buildOnsReceived: 0, challengesGiven: 0 });
  });

  it('property: the panels never depend on who wrote an anonymous note the viewer did not write', () => {
    const people = ['a', 'b', 'c'];
    const person = fc.constantFrom(...people);
    const arbitraryInput = fc
      .array(fc.record({ author: person, anonymous: fc.boolean(), otherAuthor: person }), {
        minLength: 1,
        maxLength: 8,
      })
      .chain((notes) => {
        const ids = notes.map((_, i) => `n${i}`);
        const id = fc.constantFrom(...ids);
        const kind = fc.constantFrom('builds_on' as const, 'challenges' as const);
        return fc.record({
          notes: fc.constant(notes),
          links: fc.array(fc.record({ fromId: id, toId: id, kind }), { maxLength: 12 }),
          acks: fc.array(fc.record({ contributionId: id, userId: person }), { maxLength: 8 }),
          viewer: person,
        });
      });
    fc.assert(
      fc.property(arbitraryInput, ({ notes, links, acks, viewer }) => {
        const panels = (authorOf: (n: (typeof notes)[number]) => string) =>
          accountabilityPanels(
            {
              ...empty,
              contributions: notes.map((n, i) => note(`n${i}`, authorOf(n), n.anonymous)),
              links,
              acknowledgements: acks,
            },
            viewer,
          );
        // Move every anonymous note the viewer did not write to another non-viewer author: nothing may change.
        const hiddenAuthor = (n: (typeof notes)[number]) =>
          n.anonymous && n.author !== viewer && n.otherAuthor !== viewer ? n.otherAuthor : n.author;
        expect(panels(hiddenAuthor)).toEqual(panels((n) => n.author));
      }),
      { numRuns: 500 },
    );
  });
});
