import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  LINK_KINDS,
  type LinkKind,
  type Phase,
} from '../model.js';
import { InsightsEngine } from './engine.js';
import { referenceFindings, referenceParticipation } from './reference.js';
import { DEFAULT_INSIGHT_THRESHOLDS, type InsightRule, type InsightThresholds } from './rules.js';
import type { InsightChange, InsightLink, InsightNote, InsightPerson, InsightSnapshot } from './types.js';

const T0 = Date.parse('2026-11-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

const FAC = uuid(1);
const ANN = uuid(2);
const BO = uuid(3);
const CY = uuid(4);
const people: InsightPerson[] = [
  { id: FAC, name: 'Fran Facilitator', perspective: null, joinedAt: at(0) },
  { id: ANN, name: 'Ann Member', perspective: null, joinedAt: at(0) },
  { id: BO, name: 'Bo Member', perspective: null, joinedAt: at(0) },
  { id: CY, name: 'Cy Member', perspective: null, joinedAt: at(0) },
];

let next = 100;
function note(
  kind: ContributionKind,
  authorId: string,
  minute: number,
  extra: Partial<InsightNote> = {},
): InsightNote {
  return {
    id: uuid(next++),
    authorId,
    authorName: people.find((p) => p.id === authorId)?.name ?? 'Someone',
    anonymous: false,
    kind,
    state: kind === 'assumption' || kind === 'hypothesis' ? 'untested' : kind === 'question' ? 'open' : null,
    body: `A ${kind} by ${authorId.slice(-2)}`,
    createdAt: at(minute),
    perspective: null,
    ...extra,
  };
}
function link(from: InsightNote, to: InsightNote, kind: LinkKind, minute: number): InsightLink {
  return { id: uuid(next++), fromId: from.id, toId: to.id, kind, createdAt: at(minute) };
}

function snapshot(parts: Partial<InsightSnapshot>): InsightSnapshot {
  return {
    inquiryId: uuid(9),
    createdAt: at(0),
    phase: 'exploring',
    facilitatorId: FAC,
    activeSince: at(0),
    conclusionProposed: false,
    participants: people,
    notes: [],
    links: [],
    acknowledgements: [],
    ...parts,
  };
}

const T: InsightThresholds = DEFAULT_INSIGHT_THRESHOLDS;
const rulesAt = (s: InsightSnapshot, minute: number, t: InsightThresholds = T) =>
  new InsightsEngine(s).findings(T0 + minute * 60_000, t);
const fired = (s: InsightSnapshot, minute: number, rule: InsightRule, t: InsightThresholds = T) =>
  rulesAt(s, minute, t).filter((f) => f.rule === rule);

/** A group where everyone has spoken recently and nothing is pending: the rules stay quiet on it. */
function healthy(): InsightNote[] {
  return [note('idea', ANN, 0), note('idea', BO, 1), note('idea', CY, 2), note('idea', FAC, 3)];
}

describe('each detector fires on its case and stays silent on the near miss', () => {
  type Row = {
    rule: InsightRule;
    name: string;
    fires: () => [InsightSnapshot, number];
    misses: () => [InsightSnapshot, number];
  };
  const rows: Row[] = [
    {
      rule: 'untested_assumption',
      name: 'an assumption with no support or challenge for an hour',
      fires: () => [snapshot({ notes: [note('assumption', ANN, 0)] }), 60],
      misses: () => [snapshot({ notes: [note('assumption', ANN, 0)] }), 59],
    },
    {
      rule: 'untested_assumption',
      name: 'a challenge tests it',
      fires: () => {
        const a = note('assumption', ANN, 0);
        const e = note('evidence', BO, 1);
        return [snapshot({ notes: [a, e], links: [link(e, a, 'builds_on', 2)] }), 90];
      },
      misses: () => {
        const a = note('assumption', ANN, 0);
        const e = note('evidence', BO, 1);
        return [snapshot({ notes: [a, e], links: [link(e, a, 'challenges', 2)] }), 90];
      },
    },
    {
      rule: 'unused_evidence',
      name: 'evidence no hypothesis or idea uses',
      fires: () => {
        const e = note('evidence', ANN, 0);
        return [snapshot({ notes: [e, note('hypothesis', BO, 1)] }), 60];
      },
      misses: () => {
        const e = note('evidence', ANN, 0);
        const h = note('hypothesis', BO, 1);
        return [snapshot({ notes: [e, h], links: [link(e, h, 'supports', 2)] }), 60];
      },
    },
    {
      rule: 'unsupported_hypothesis',
      name: 'a hypothesis resting on no evidence',
      fires: () => {
        const h = note('hypothesis', ANN, 0);
        const q = note('question', BO, 1);
        return [snapshot({ notes: [h, q], links: [link(q, h, 'builds_on', 2)] }), 60];
      },
      misses: () => {
        const h = note('hypothesis', ANN, 0);
        const e = note('evidence', BO, 1);
        return [snapshot({ notes: [h, e], links: [link(h, e, 'builds_on', 2)] }), 60];
      },
    },
    {
      rule: 'unanswered_question',
      name: 'a question open for two hours',
      fires: () => [snapshot({ notes: [note('question', ANN, 0)] }), 120],
      misses: () => {
        const q = note('question', ANN, 0);
        const a = note('idea', BO, 10);
        return [snapshot({ notes: [q, a], links: [link(a, q, 'answers', 11)] }), 120];
      },
    },
    {
      rule: 'unanswered_question',
      name: 'marked answered by its author',
      fires: () => [snapshot({ notes: [note('question', ANN, 0)] }), 500],
      misses: () => [snapshot({ notes: [note('question', ANN, 0, { state: 'answered' })] }), 500],
    },
    {
      rule: 'silent_participant',
      name: 'a member with no note two hours after the inquiry opened',
      fires: () => [snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 1)] }), 120],
      misses: () => [
        snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 1), note('idea', CY, 119)] }),
        120,
      ],
    },
    {
      rule: 'silent_participant',
      name: 'only early: the group went on for two hours after their last note',
      fires: () => [
        snapshot({ notes: [note('idea', CY, 0), note('idea', ANN, 100), note('idea', BO, 125)] }),
        130,
      ],
      misses: () => [
        snapshot({ notes: [note('idea', CY, 10), note('idea', ANN, 100), note('idea', BO, 125)] }),
        130,
      ],
    },
    {
      rule: 'silent_participant',
      name: 'an anonymous note does not count for anyone (it would name its author)',
      fires: () => [
        snapshot({
          notes: [note('idea', ANN, 0), note('idea', BO, 1), note('idea', CY, 100, { anonymous: true })],
        }),
        121,
      ],
      misses: () => [
        snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 1), note('idea', CY, 100)] }),
        121,
      ],
    },
    {
      rule: 'silent_participant',
      name: 'nobody is silent while the inquiry is being framed',
      fires: () => [snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 1)] }), 300],
      misses: () => [snapshot({ phase: 'framing', activeSince: null, notes: [note('idea', ANN, 0)] }), 300],
    },
    {
      rule: 'dominant_voice',
      name: 'one voice above half of the notes',
      fires: () => [
        snapshot({
          notes: [
            ...Array.from({ length: 5 }, (_, i) => note('idea', ANN, i)),
            note('idea', BO, 6),
            note('idea', CY, 7),
            note('idea', FAC, 8),
          ],
        }),
        10,
      ],
      misses: () => [
        snapshot({
          notes: [
            ...Array.from({ length: 4 }, (_, i) => note('idea', ANN, i)),
            note('idea', BO, 6),
            note('idea', BO, 6),
            note('idea', CY, 7),
            note('idea', FAC, 8),
          ],
        }),
        10,
      ],
    },
    {
      rule: 'dominant_voice',
      name: 'too few notes to judge',
      fires: () => [
        snapshot({
          notes: [...Array.from({ length: 7 }, (_, i) => note('idea', ANN, i)), note('idea', BO, 8)],
        }),
        10,
      ],
      misses: () => [
        snapshot({
          notes: [...Array.from({ length: 6 }, (_, i) => note('idea', ANN, i)), note('idea', BO, 8)],
        }),
        10,
      ],
    },
    {
      rule: 'facilitator_dominance',
      name: 'the facilitator above 1.5 × a fair share (instructor trap)',
      fires: () => [
        snapshot({
          notes: [
            ...Array.from({ length: 4 }, (_, i) => note('idea', FAC, i)),
            note('idea', ANN, 5),
            note('idea', BO, 6),
            note('idea', CY, 7),
            note('idea', CY, 8),
          ],
        }),
        10,
      ],
      misses: () => [
        snapshot({
          notes: [
            ...Array.from({ length: 3 }, (_, i) => note('idea', FAC, i)),
            note('idea', ANN, 5),
            note('idea', BO, 6),
            note('idea', CY, 7),
            note('idea', CY, 8),
            note('idea', ANN, 9),
          ],
        }),
        10,
      ],
    },
    {
      rule: 'no_challenges',
      name: 'ten notes and no challenge',
      fires: () => [
        snapshot({
          notes: Array.from({ length: 10 }, (_, i) => note('idea', [ANN, BO, CY, FAC][i % 4] as string, i)),
        }),
        12,
      ],
      misses: () => {
        const notes = Array.from({ length: 10 }, (_, i) =>
          note('idea', [ANN, BO, CY, FAC][i % 4] as string, i),
        );
        return [
          snapshot({
            notes,
            links: [link(notes[1] as InsightNote, notes[0] as InsightNote, 'challenges', 11)],
          }),
          12,
        ];
      },
    },
    {
      rule: 'premature_convergence',
      name: 'synthesizing with a question still open',
      fires: () => [snapshot({ phase: 'synthesizing', notes: [note('question', ANN, 0)] }), 1],
      misses: () => [snapshot({ phase: 'challenging', notes: [note('question', ANN, 0)] }), 1],
    },
    {
      rule: 'premature_convergence',
      name: 'a synthesizing note while an assumption is untested',
      fires: () => {
        const a = note('assumption', ANN, 0);
        const i = note('insight', BO, 1);
        const x = note('idea', CY, 2);
        return [snapshot({ notes: [a, i, x], links: [link(i, x, 'synthesizes', 3)] }), 4];
      },
      misses: () => {
        const a = note('assumption', ANN, 0);
        const i = note('insight', BO, 1);
        const x = note('idea', CY, 2);
        return [
          snapshot({ notes: [a, i, x], links: [link(i, x, 'synthesizes', 3), link(x, a, 'supports', 3)] }),
          4,
        ];
      },
    },
    {
      rule: 'unheard_lens',
      name: 'a lens with no named note from it',
      fires: () => [
        snapshot({
          participants: people.map((p) => (p.id === CY ? { ...p, perspective: 'finance' } : p)),
          notes: [...healthy(), note('idea', CY, 4, { perspective: 'finance', anonymous: true })],
        }),
        5,
      ],
      misses: () => [
        snapshot({
          participants: people.map((p) => (p.id === CY ? { ...p, perspective: 'finance' } : p)),
          notes: [...healthy(), note('idea', CY, 4, { perspective: 'finance' })],
        }),
        5,
      ],
    },
  ];

  for (const row of rows) {
    it(`${row.rule}: ${row.name}`, () => {
      const [hit, hitAt] = row.fires();
      const [miss, missAt] = row.misses();
      expect(fired(hit, hitAt, row.rule)).toHaveLength(1);
      expect(fired(miss, missAt, row.rule)).toHaveLength(0);
    });
  }

  it('a healthy group raises nothing', () => {
    expect(rulesAt(snapshot({ notes: healthy() }), 10)).toEqual([]);
  });
});

describe('what a finding says', () => {
  it('names the note, the age and the threshold, with the subjects and what fills the prompt', () => {
    const a = note('assumption', ANN, 0, { body: '**Customers** leave because of *price*.\n\nMore below.' });
    const [finding] = fired(snapshot({ notes: [a] }), 150, 'untested_assumption');
    expect(finding).toMatchObject({
      id: `untested_assumption:${a.id}`,
      severity: 'warning',
      subjects: [{ type: 'contribution', id: a.id }],
      fill: { noteId: a.id, personIds: [] },
    });
    expect(finding?.explanation).toBe(
      'The assumption “Customers leave because of price.” has had no note supporting or challenging it for 2 h (threshold: 1 h).',
    );
  });

  it('grows louder at four times its threshold', () => {
    const s = snapshot({ notes: [note('assumption', ANN, 0)] });
    expect(fired(s, 239, 'untested_assumption')[0]?.severity).toBe('warning');
    expect(fired(s, 240, 'untested_assumption')[0]?.severity).toBe('alert');
  });

  it('names the silent person and the dominant voice, never an anonymous author', () => {
    const notes = [
      ...Array.from({ length: 7 }, (_, i) => note('idea', ANN, i)),
      note('idea', BO, 7),
      ...Array.from({ length: 5 }, (_, i) => note('idea', CY, 10 + i, { anonymous: true })),
    ];
    const findings = rulesAt(snapshot({ notes }), 200);
    const users = findings.flatMap((f) => f.subjects.filter((s) => s.type === 'user').map((s) => s.id));
    expect(findings.find((f) => f.rule === 'dominant_voice')?.subjects).toEqual([{ type: 'user', id: ANN }]);
    // Cy wrote five anonymous notes: Cy shows as silent, as anyone with no named note would.
    expect(findings.find((f) => f.id === `silent_participant:${CY}`)).toBeDefined();
    const part = new InsightsEngine(snapshot({ notes })).participation();
    expect(part.anonymousContributions).toBe(5);
    expect(part.people.find((p) => p.user.id === CY)?.contributions).toBe(0);
    expect(users).not.toContain(undefined);
  });

  it('a silence threshold of 0 flags only those with no named note at all', () => {
    const s = snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 50)] });
    const silent = fired(s, 60, 'silent_participant', { ...T, silentParticipantMinutes: 0 });
    expect(silent.map((f) => f.subjects[0]?.id)).toEqual([CY]);
  });

  it('tunable thresholds change what fires', () => {
    const s = snapshot({ notes: [note('question', ANN, 0)] });
    expect(fired(s, 30, 'unanswered_question')).toHaveLength(0);
    expect(fired(s, 30, 'unanswered_question', { ...T, unansweredQuestionMinutes: 30 })).toHaveLength(1);
  });
});

describe('participation', () => {
  it('counts notes, build-ons, challenges and thanks per person; anonymous notes only as a number', () => {
    const a = note('hypothesis', ANN, 0);
    const b = note('evidence', BO, 5);
    const c = note('idea', CY, 6, { anonymous: true });
    const s = snapshot({
      notes: [a, b, c],
      links: [
        link(b, a, 'supports', 7),
        link(b, a, 'builds_on', 8),
        link(b, a, 'challenges', 9),
        link(c, a, 'builds_on', 9),
      ],
      acknowledgements: [
        { contributionId: a.id, userId: BO, at: at(10) },
        { contributionId: c.id, userId: ANN, at: at(11) },
      ],
    });
    const p = new InsightsEngine(s).participation();
    const bo = p.people.find((x) => x.user.id === BO);
    const ann = p.people.find((x) => x.user.id === ANN);
    expect(bo).toMatchObject({
      contributions: 1,
      buildOns: 1,
      challenges: 1,
      acknowledgementsGiven: 1,
      share: 0.5,
    });
    // Thanks for an anonymous note count for nobody: it would tell who did not write it.
    expect(ann).toMatchObject({ contributions: 1, acknowledgementsReceived: 1, acknowledgementsGiven: 0 });
    expect(p.anonymousContributions).toBe(1);
    expect(p.network).toEqual([{ from: BO, to: ANN, count: 2 }]);
    expect(p.bucket).toBe('hour');
    expect(p.timeline).toEqual([
      { start: at(0), userId: ANN, contributions: 1, buildOns: 0, acknowledgements: 0 },
      { start: at(0), userId: BO, contributions: 1, buildOns: 1, acknowledgements: 1 },
    ]);
    expect(p.balance).toMatchObject({ gini: 0.5, topShare: 0.5, facilitatorShare: 0, fairShare: 0.25 });
  });

  it('chooses days and weeks for longer inquiries', () => {
    const days = new InsightsEngine(
      snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 60 * 24 * 5)] }),
    ).participation();
    expect(days.bucket).toBe('day');
    expect(days.timeline.map((r) => r.start)).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-07T00:00:00.000Z',
    ]);
    const weeks = new InsightsEngine(
      snapshot({ notes: [note('idea', ANN, 0), note('idea', BO, 60 * 24 * 100)] }),
    ).participation();
    expect(weeks.bucket).toBe('week');
    // 2026-11-02 is a Monday.
    expect(weeks.timeline[0]?.start).toBe('2026-11-02T00:00:00.000Z');
  });
});

// ── incremental == cold ─────────────────────────────────────────────────────────────────────────────

type Op =
  | { op: 'note'; kind: ContributionKind; author: number; anonymous: boolean; lens: number; state: number }
  | { op: 'edit'; target: number; state: number; acks: number[] }
  | { op: 'delete'; target: number }
  | { op: 'link'; from: number; to: number; kind: LinkKind }
  | { op: 'unlink'; target: number }
  | { op: 'phase'; phase: Phase; facilitator: number }
  | { op: 'conclusion' }
  | { op: 'join'; person: number; lens: number }
  | { op: 'leave'; person: number }
  | { op: 'lenses'; lenses: number[] };

const PEOPLE = [FAC, ANN, BO, CY, uuid(5), uuid(6)];
const LENSES = [null, 'finance', 'customer'];
const PHASES: Phase[] = ['framing', 'exploring', 'challenging', 'synthesizing'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('note' as const),
      kind: fc.constantFrom(...CONTRIBUTION_KINDS),
      author: fc.nat(5),
      anonymous: fc.boolean(),
      lens: fc.nat(2),
      state: fc.nat(2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      target: fc.nat(40),
      state: fc.nat(2),
      acks: fc.array(fc.nat(5), { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), target: fc.nat(40) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('link' as const),
      from: fc.nat(40),
      to: fc.nat(40),
      kind: fc.constantFrom(...LINK_KINDS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unlink' as const), target: fc.nat(60) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('phase' as const),
      phase: fc.constantFrom(...PHASES),
      facilitator: fc.nat(1),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'conclusion' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('join' as const), person: fc.nat(5), lens: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('leave' as const), person: fc.nat(5) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('lenses' as const),
      lenses: fc.array(fc.nat(2), { minLength: 6, maxLength: 6 }),
    }),
  },
);

/** Applies a change to plain data, the obvious way: what the store would hold afterwards. */
function applyToSnapshot(s: InsightSnapshot, c: InsightChange): InsightSnapshot {
  switch (c.type) {
    case 'note.upserted': {
      const exists = s.notes.some((n) => n.id === c.note.id);
      const notes = exists
        ? s.notes.map((n) => (n.id === c.note.id ? { ...n, body: c.note.body, state: c.note.state } : n))
        : [...s.notes, c.note];
      let acknowledgements = s.acknowledgements;
      if (c.acknowledgedBy) {
        const keep = acknowledgements.filter(
          (a) => a.contributionId !== c.note.id || c.acknowledgedBy?.includes(a.userId),
        );
        const have = new Set(keep.filter((a) => a.contributionId === c.note.id).map((a) => a.userId));
        acknowledgements = [
          ...keep,
          ...c.acknowledgedBy
            .filter((u) => !have.has(u))
            .map((userId) => ({ contributionId: c.note.id, userId, at: c.at })),
        ];
      }
      return { ...s, notes, acknowledgements };
    }
    case 'note.deleted':
      return {
        ...s,
        notes: s.notes.filter((n) => n.id !== c.id),
        links: s.links.filter((l) => l.fromId !== c.id && l.toId !== c.id),
        acknowledgements: s.acknowledgements.filter((a) => a.contributionId !== c.id),
      };
    case 'link.added':
      return { ...s, links: [...s.links, c.link] };
    case 'link.removed':
      return { ...s, links: s.links.filter((l) => l.id !== c.id) };
    case 'inquiry.changed':
      return {
        ...s,
        phase: c.phase,
        facilitatorId: c.facilitatorId,
        activeSince: s.activeSince ?? (c.phase === 'framing' ? null : c.at),
      };
    case 'conclusion.proposed':
      return { ...s, conclusionProposed: true };
    case 'participant.joined':
      return s.participants.some((p) => p.id === c.person.id)
        ? s
        : { ...s, participants: [...s.participants, c.person] };
    case 'participant.left':
      return { ...s, participants: s.participants.filter((p) => p.id !== c.userId) };
    case 'participants.set':
      return { ...s, participants: c.participants };
  }
}

/** Turns a random op into a valid change against the current data, or null when it makes no sense. */
function toChange(s: InsightSnapshot, op: Op, minute: number, seq: number): InsightChange | null {
  const time = at(minute);
  const pick = <X>(list: readonly X[], i: number): X | undefined =>
    list.length === 0 ? undefined : list[i % list.length];
  const nameOf = (id: string) => `Person ${id.slice(-1)}`;
  switch (op.op) {
    case 'note': {
      const author = PEOPLE[op.author] as string;
      const states =
        op.kind === 'question'
          ? ['open', 'answered']
          : op.kind === 'assumption' || op.kind === 'hypothesis'
            ? ['untested', 'supported', 'refuted']
            : [null];
      return {
        type: 'note.upserted',
        at: time,
        note: {
          id: uuid(10_000 + seq),
          authorId: author,
          authorName: op.anonymous ? '' : nameOf(author),
          anonymous: op.anonymous,
          kind: op.kind,
          state: (states[0] ?? null) as InsightNote['state'],
          body: `note ${seq}`,
          createdAt: time,
          perspective: LENSES[op.lens] ?? null,
        },
      };
    }
    case 'edit': {
      const n = pick(s.notes, op.target);
      if (!n) return null;
      const states =
        n.kind === 'question'
          ? ['open', 'answered']
          : n.kind === 'assumption' || n.kind === 'hypothesis'
            ? ['untested', 'supported', 'refuted']
            : [null];
      const acks = [...new Set(op.acks.map((i) => PEOPLE[i] as string))].filter((u) => u !== n.authorId);
      return {
        type: 'note.upserted',
        at: time,
        note: {
          ...n,
          body: `edited ${seq}`,
          state: (states[op.state % states.length] ?? null) as InsightNote['state'],
        },
        acknowledgedBy: acks,
      };
    }
    case 'delete': {
      const n = pick(s.notes, op.target);
      return n ? { type: 'note.deleted', id: n.id, at: time } : null;
    }
    case 'link': {
      const from = pick(s.notes, op.from);
      const to = pick(s.notes, op.to);
      if (!from || !to || from.id === to.id) return null;
      if (op.kind === 'answers' && to.kind !== 'question') return null;
      if (s.links.some((l) => l.fromId === from.id && l.toId === to.id && l.kind === op.kind)) return null;
      return {
        type: 'link.added',
        at: time,
        link: { id: uuid(20_000 + seq), fromId: from.id, toId: to.id, kind: op.kind, createdAt: time },
      };
    }
    case 'unlink': {
      const l = pick(s.links, op.target);
      return l ? { type: 'link.removed', id: l.id, at: time } : null;
    }
    case 'phase':
      return {
        type: 'inquiry.changed',
        phase: op.phase,
        facilitatorId: PEOPLE[op.facilitator] as string,
        at: time,
      };
    case 'conclusion':
      return { type: 'conclusion.proposed', at: time };
    case 'join': {
      const id = PEOPLE[op.person] as string;
      return {
        type: 'participant.joined',
        at: time,
        person: { id, name: nameOf(id), perspective: LENSES[op.lens] ?? null, joinedAt: time },
      };
    }
    case 'leave':
      return { type: 'participant.left', userId: PEOPLE[op.person] as string, at: time };
    case 'lenses':
      return {
        type: 'participants.set',
        at: time,
        participants: s.participants.map((p, i) => ({
          ...p,
          perspective: LENSES[op.lenses[i] ?? 0] ?? null,
        })),
      };
  }
}

const thresholdsArb: fc.Arbitrary<InsightThresholds> = fc.record({
  untestedAssumptionMinutes: fc.integer({ min: 0, max: 120 }),
  unusedEvidenceMinutes: fc.integer({ min: 0, max: 120 }),
  unsupportedHypothesisMinutes: fc.integer({ min: 0, max: 120 }),
  unansweredQuestionMinutes: fc.integer({ min: 0, max: 120 }),
  silentParticipantMinutes: fc.integer({ min: 0, max: 120 }),
  dominantVoiceGini: fc.double({ min: 0, max: 1, noNaN: true }),
  dominantVoiceShare: fc.double({ min: 0, max: 1, noNaN: true }),
  facilitatorShareMultiple: fc.double({ min: 0.5, max: 4, noNaN: true }),
  noChallengesMinContributions: fc.integer({ min: 0, max: 20 }),
  balanceMinContributions: fc.integer({ min: 0, max: 20 }),
  prematureConvergenceOpenItems: fc.integer({ min: 0, max: 5 }),
  unheardLensMinContributions: fc.integer({ min: 0, max: 20 }),
});

describe('incremental == cold', () => {
  it('applying random changes one by one gives what a cold computation gives', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 150, size: 'max' }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 150, maxLength: 150 }),
        fc.integer({ min: 0, max: 600 }),
        thresholdsArb,
        (ops, gaps, later, thresholds) => {
          let s = snapshot({ participants: people.slice(0, 3), phase: 'framing', activeSince: null });
          const engine = new InsightsEngine(s);
          let minute = 0;
          for (const [i, op] of ops.entries()) {
            minute += gaps[i] ?? 1;
            const change = toChange(s, op, minute, i);
            if (!change) continue;
            engine.apply(change);
            s = applyToSnapshot(s, change);
            // Replaying a change (an event heard twice) changes nothing.
            if (i % 7 === 0) engine.apply(change);
            // Reading along the way (findings made earlier may be reused later) changes nothing either.
            if (i % 5 === 0) engine.findings(T0 + minute * 60_000, thresholds);
          }
          const now = T0 + (minute + later) * 60_000;
          const expected = referenceFindings(s, now, thresholds);
          expect(engine.findings(now, thresholds)).toEqual(expected);
          expect(new InsightsEngine(s).findings(now, thresholds)).toEqual(expected);
          expect(engine.participation()).toEqual(referenceParticipation(s));
          expect(new InsightsEngine(engine.snapshot()).participation()).toEqual(engine.participation());
        },
      ),
      { numRuns: 300 },
    );
  });
});
