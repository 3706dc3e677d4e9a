import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canSeeLink,
  canSeeNote,
  canSeeTyping,
  HIDDEN_EXPLANATIONS,
  hiddenReason,
  isRevealed,
  leaderStillWaits,
  membersYetToPost,
  type PrivacyContext,
  type PrivacySettings,
  privacyOnPhaseMove,
  reveal,
  startsPrivate,
  THINK_FIRST_PHASES,
  type TimedNote,
  visibleNotes,
} from './private-mode.js';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 9, minute)).toISOString();
const open: PrivacySettings = { privateMode: false, leaderSpeaksLast: false, revealedAt: null };

function ctx(settings: Partial<PrivacySettings>, postedIds: string[] = []): PrivacyContext {
  return {
    settings: { ...open, ...settings },
    facilitatorId: 'f',
    participantIds: ['f', 'a', 'b'],
    postedIds,
  };
}
const byA: TimedNote = { authorId: 'a', createdAt: at(10) };
const byF: TimedNote = { authorId: 'f', createdAt: at(10) };

describe('without private mode or leader-speaks-last', () => {
  it('shows everything to everyone', () => {
    for (const viewer of ['f', 'a', 'b', 'owner']) {
      expect(canSeeNote(ctx({}), viewer, byA)).toBe(true);
      expect(canSeeNote(ctx({}), viewer, byF)).toBe(true);
      expect(canSeeTyping(ctx({}), viewer, 'a')).toBe(true);
    }
  });
});

describe('private mode', () => {
  const c = ctx({ privateMode: true });
  it('hides a member’s note from the other members until revealed', () => {
    expect(hiddenReason(c, 'b', byA)).toBe('private_until_reveal');
    expect(canSeeNote(c, 'owner', byA)).toBe(false);
  });
  it('always shows authors their own notes', () => {
    expect(canSeeNote(c, 'a', byA)).toBe(true);
  });
  it('shows members’ notes to the facilitator before the reveal', () => {
    expect(canSeeNote(c, 'f', byA)).toBe(true);
  });
  it('hides the facilitator’s notes from members too: nobody anchors the group', () => {
    expect(hiddenReason(c, 'a', byF)).toBe('private_until_reveal');
  });
  it('reveals what was posted up to the reveal, and keeps later notes private', () => {
    const revealed = ctx({ privateMode: true, revealedAt: at(10) });
    expect(canSeeNote(revealed, 'b', byA)).toBe(true);
    expect(canSeeNote(revealed, 'b', { authorId: 'a', createdAt: at(11) })).toBe(false);
  });
  it('hides typing from other members, whatever has been revealed', () => {
    const revealed = ctx({ privateMode: true, revealedAt: at(59) });
    expect(canSeeTyping(revealed, 'b', 'a')).toBe(false);
    expect(canSeeTyping(revealed, 'f', 'a')).toBe(true);
    expect(canSeeTyping(revealed, 'a', 'a')).toBe(true);
  });
  it('treats unreadable times as not revealed', () => {
    expect(isRevealed({ ...open, revealedAt: 'soon' }, at(1))).toBe(false);
    expect(isRevealed({ ...open, revealedAt: at(5) }, 'yesterday')).toBe(false);
  });
});

describe('leader speaks last', () => {
  it('hides the facilitator’s notes from members until every member has posted', () => {
    const waiting = ctx({ leaderSpeaksLast: true }, ['a']);
    expect(membersYetToPost(waiting)).toEqual(['b']);
    expect(leaderStillWaits(waiting)).toBe(true);
    expect(hiddenReason(waiting, 'a', byF)).toBe('leader_speaks_last');
    expect(canSeeTyping(waiting, 'a', 'f')).toBe(false);
    const allIn = ctx({ leaderSpeaksLast: true }, ['a', 'b']);
    expect(canSeeNote(allIn, 'a', byF)).toBe(true);
    expect(canSeeTyping(allIn, 'a', 'f')).toBe(true);
  });
  it('does not hide members’ notes, nor the facilitator’s from the facilitator', () => {
    const waiting = ctx({ leaderSpeaksLast: true });
    expect(canSeeNote(waiting, 'b', byA)).toBe(true);
    expect(canSeeNote(waiting, 'f', byF)).toBe(true);
  });
  it('waits again for a participant added later who has not posted', () => {
    const grown: PrivacyContext = {
      ...ctx({ leaderSpeaksLast: true }, ['a', 'b']),
      participantIds: ['f', 'a', 'b', 'c'],
    };
    expect(canSeeNote(grown, 'a', byF)).toBe(false);
  });
  it('combines with private mode: both must let the note through', () => {
    const both = ctx({ privateMode: true, leaderSpeaksLast: true, revealedAt: at(30) }, ['a']);
    expect(hiddenReason(both, 'a', byF)).toBe('leader_speaks_last');
    expect(hiddenReason(both, 'a', { authorId: 'f', createdAt: at(31) })).toBe('private_until_reveal');
  });
});

describe('links, lists and reveal', () => {
  it('shows a link only when both its notes are visible', () => {
    const c = ctx({ privateMode: true });
    expect(canSeeLink(c, 'b', { authorId: 'b', createdAt: at(1) }, byA)).toBe(false);
    expect(canSeeLink(c, 'a', { authorId: 'a', createdAt: at(1) }, byA)).toBe(true);
  });
  it('filters a list, keeping its order', () => {
    const notes = [byA, { authorId: 'b', createdAt: at(2) }, byF];
    expect(visibleNotes(ctx({ privateMode: true }), 'b', notes)).toEqual([notes[1]]);
  });
  it('moves the reveal forward only', () => {
    const once = reveal(open, at(10));
    expect(once.revealedAt).toBe(at(10));
    expect(reveal(once, at(5))).toBe(once);
    expect(reveal(once, at(20)).revealedAt).toBe(at(20));
    expect(() => reveal(open, 'now')).toThrow(RangeError);
  });
  it('explains each reason in plain words', () => {
    expect(Object.keys(HIDDEN_EXPLANATIONS).sort()).toEqual(['leader_speaks_last', 'private_until_reveal']);
  });
});

// The properties: for any inquiry, any settings, any note and any viewer, nothing the rules hide leaks to
// another member, and nothing is hidden that the rules do not hide.
const members = ['a', 'b', 'c', 'd'];
const arbitraryCase = fc.record({
  privateMode: fc.boolean(),
  leaderSpeaksLast: fc.boolean(),
  revealedAt: fc.option(fc.integer({ min: 0, max: 59 }), { nil: null }),
  participants: fc.subarray(members, { minLength: 1 }),
  posted: fc.subarray([...members, 'f']),
  author: fc.constantFrom('f', ...members),
  createdAt: fc.integer({ min: 0, max: 59 }),
  viewer: fc.constantFrom('f', 'owner', ...members),
});
type Case = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

function build(k: Case): { c: PrivacyContext; note: TimedNote } {
  return {
    c: {
      settings: {
        privateMode: k.privateMode,
        leaderSpeaksLast: k.leaderSpeaksLast,
        revealedAt: k.revealedAt === null ? null : at(k.revealedAt),
      },
      facilitatorId: 'f',
      participantIds: ['f', ...k.participants],
      postedIds: k.posted,
    },
    note: { authorId: k.author, createdAt: at(k.createdAt) },
  };
}

/** The rules written a second, independent way: is this note hidden from this viewer? */
function shouldHide(k: Case): boolean {
  if (k.viewer === k.author || k.viewer === 'f') return false;
  const unrevealed = k.revealedAt === null || k.createdAt > k.revealedAt;
  if (k.privateMode && unrevealed) return true;
  const someoneSilent = k.participants.some((p) => !k.posted.includes(p));
  return k.author === 'f' && k.leaderSpeaksLast && someoneSilent;
}

describe('visibility properties', () => {
  it('never shows a hidden note to another member, and never hides one it should show', () => {
    fc.assert(
      fc.property(arbitraryCase, (k) => {
        const { c, note } = build(k);
        expect(canSeeNote(c, k.viewer, note)).toBe(!shouldHide(k));
      }),
      { numRuns: 2000 },
    );
  });

  it('in private mode, an unrevealed member’s note reaches only its author and the facilitator', () => {
    fc.assert(
      fc.property(arbitraryCase, (k) => {
        fc.pre(k.privateMode && k.author !== 'f' && (k.revealedAt === null || k.createdAt > k.revealedAt));
        const { c, note } = build(k);
        const seers = ['f', 'owner', ...members].filter((v) => canSeeNote(c, v, note));
        expect(seers.sort()).toEqual([k.author, 'f'].sort());
      }),
    );
  });

  it('always shows authors their own notes and the facilitator every note', () => {
    fc.assert(
      fc.property(arbitraryCase, (k) => {
        const { c, note } = build(k);
        expect(canSeeNote(c, k.author, note)).toBe(true);
        expect(canSeeNote(c, 'f', note)).toBe(true);
      }),
    );
  });

  it('hides typing whenever a new note by the same person would be hidden', () => {
    fc.assert(
      fc.property(arbitraryCase, (k) => {
        const { c } = build(k);
        const newNote = { ...k, createdAt: 60 };
        expect(canSeeTyping(c, k.viewer, k.author)).toBe(!shouldHide(newNote));
        if (k.privateMode && k.viewer !== k.author && k.viewer !== 'f') {
          expect(canSeeTyping(c, k.viewer, k.author)).toBe(false);
        }
      }),
    );
  });

  it('never hides again what a reveal or more members posting has shown', () => {
    fc.assert(
      fc.property(
        arbitraryCase,
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...members),
        (k, later, poster) => {
          const { c, note } = build(k);
          if (!canSeeNote(c, k.viewer, note)) return;
          const revealedLater = { ...c, settings: reveal(c.settings, at(later)) };
          expect(canSeeNote(revealedLater, k.viewer, note)).toBe(true);
          const morePosted = { ...c, postedIds: [...c.postedIds, poster] };
          expect(canSeeNote(morePosted, k.viewer, note)).toBe(true);
        },
      ),
    );
  });
});

describe('think first per phase', () => {
  const listed = ['exploring', 'challenging'] as const;
  const now = at(30);

  it('turns private mode on when the group moves into a think-first phase, hiding nothing already seen', () => {
    const moved = privacyOnPhaseMove(open, listed, 'framing', 'exploring', now);
    expect(moved).toEqual({ settings: { ...open, privateMode: true, revealedAt: now }, effect: 'started' });
    // A note written before the move stays visible to everyone; one written after it is private.
    const c = (settings: PrivacySettings) => ({ ...ctx({}), settings });
    expect(canSeeNote(c(moved.settings), 'b', byA)).toBe(true);
    expect(canSeeNote(c(moved.settings), 'b', { authorId: 'a', createdAt: at(31) })).toBe(false);
  });

  it('keeps notes hidden while moving between two think-first phases', () => {
    const hidden = { ...open, privateMode: true, revealedAt: at(5) };
    expect(privacyOnPhaseMove(hidden, listed, 'exploring', 'challenging', now)).toEqual({
      settings: hidden,
      effect: null,
    });
  });

  it('reveals what was hidden and turns private mode off when the group moves on to an open phase', () => {
    const hidden = { ...open, privateMode: true, revealedAt: at(5) };
    const moved = privacyOnPhaseMove(hidden, listed, 'challenging', 'synthesizing', now);
    expect(moved).toEqual({ settings: { ...open, privateMode: false, revealedAt: now }, effect: 'revealed' });
    expect(canSeeNote({ ...ctx({}), settings: moved.settings }, 'b', byA)).toBe(true);
  });

  it('reveals on the way back too, when the earlier phase is not a think-first one', () => {
    const hidden = { ...open, privateMode: true };
    expect(privacyOnPhaseMove(hidden, ['challenging'], 'challenging', 'exploring', now).effect).toBe(
      'revealed',
    );
  });

  it('leaves the facilitator’s own choice alone between phases that are not listed', () => {
    const manual = { ...open, privateMode: true };
    expect(privacyOnPhaseMove(manual, listed, 'synthesizing', 'reflecting', now)).toEqual({
      settings: manual,
      effect: null,
    });
    expect(privacyOnPhaseMove(open, [], 'framing', 'exploring', now)).toEqual({
      settings: open,
      effect: null,
    });
  });

  it('has nothing to reveal when the facilitator already turned private mode off by hand', () => {
    expect(privacyOnPhaseMove(open, listed, 'challenging', 'synthesizing', now)).toEqual({
      settings: open,
      effect: null,
    });
  });

  it('never moves an earlier reveal back in time', () => {
    const later = { ...open, privateMode: true, revealedAt: at(40) };
    expect(privacyOnPhaseMove(later, listed, 'challenging', 'synthesizing', now).settings.revealedAt).toBe(
      at(40),
    );
  });

  it('starts in private mode when framing itself is a think-first phase', () => {
    expect(startsPrivate(['framing'])).toBe(true);
    expect(startsPrivate(['exploring'])).toBe(false);
    expect(THINK_FIRST_PHASES).not.toContain('concluded');
  });

  it('after any move, private mode is on exactly in listed phases (when it was driven by the phases)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...THINK_FIRST_PHASES]),
        fc.array(fc.constantFrom(...THINK_FIRST_PHASES), { minLength: 1, maxLength: 8 }),
        (phases, path) => {
          let settings: PrivacySettings = { ...open, privateMode: startsPrivate(phases) };
          let from: (typeof path)[number] = 'framing';
          for (const [i, to] of path.entries()) {
            settings = privacyOnPhaseMove(settings, phases, from, to, at(i + 1)).settings;
            from = to;
            const listedNow = phases.includes(to);
            if (listedNow) expect(settings.privateMode).toBe(true);
            if (!listedNow && phases.length > 0 && settings.privateMode) return false;
          }
          return true;
        },
      ),
    );
  });
});
