import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contribution, Link } from '../../contract/contributions.js';
import type { Board } from '../api/endpoints.js';
import { TEMP_PREFIX as BOARD_TEMP_PREFIX } from '../pages/Board/useBoardData.js';
import { applyBoardEvent, applyBoardEvents, type BoardEvent, isBoardEvent, TEMP_PREFIX } from './board.js';

let n = 0;
function note(p: Partial<Contribution> = {}): Contribution {
  n += 1;
  const at = `2025-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`;
  return {
    id: `c${n}`,
    inquiryId: 'i1',
    kind: 'evidence',
    body: `Note ${n}`,
    confidence: 'leaning',
    state: 'open',
    anonymous: false,
    author: { id: 'u2', name: 'Bea' },
    isMine: false,
    createdAt: at,
    updatedAt: at,
    perspective: null,
    acknowledgements: 0,
    acknowledgedByMe: false,
    ...p,
  };
}
function link(p: Partial<Link> & Pick<Link, 'fromId' | 'toId'>): Link {
  n += 1;
  return { id: `l${n}`, kind: 'supports', createdBy: 'u2', createdAt: '2025-01-01T00:00:00Z', ...p };
}
let seq = 0;
type DataOf<T extends BoardEvent['type']> = T extends 'contribution.created' | 'contribution.updated'
  ? Contribution
  : T extends 'link.created'
    ? Link
    : { id: string };
const ev = <T extends BoardEvent['type']>(type: T, data: DataOf<T>): BoardEvent =>
  ({ seq: ++seq, at: '2025-01-01T00:00:00Z', type, data }) as BoardEvent;

const empty: Board = { items: [], links: [] };

describe('applying live events to the board', () => {
  it('uses the same temporary ids as the optimistic posts', () => {
    expect(TEMP_PREFIX).toBe(BOARD_TEMP_PREFIX);
  });

  it('tells board events from the rest of the stream', () => {
    expect(isBoardEvent({ type: 'contribution.created' })).toBe(true);
    expect(isBoardEvent({ type: 'link.deleted' })).toBe(true);
    expect(isBoardEvent({ type: 'notes.revealed' })).toBe(false);
    expect(isBoardEvent({ type: 'presence' })).toBe(false);
  });

  it('adds a new note at the end, and the same event twice changes nothing', () => {
    const a = note();
    const b = note();
    const start: Board = { items: [a], links: [] };
    const once = applyBoardEvent(start, ev('contribution.created', b));
    expect(once.items.map((c) => c.id)).toEqual([a.id, b.id]);
    const twice = applyBoardEvent(once, ev('contribution.created', b));
    expect(twice).toBe(once);
  });

  it('updates a note where it stands', () => {
    const [a, b, c] = [note(), note(), note()];
    const board: Board = { items: [a, b, c], links: [] };
    const edited = { ...b, body: 'Edited', updatedAt: '2025-02-01T00:00:00Z' };
    const next = applyBoardEvent(board, ev('contribution.updated', edited));
    expect(next.items.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    expect(next.items[1]?.body).toBe('Edited');
    expect(applyBoardEvent(next, ev('contribution.updated', edited))).toBe(next);
  });

  it('an update for a note it has not seen yet adds it (a replay that starts before the REST read)', () => {
    const a = note();
    expect(applyBoardEvent(empty, ev('contribution.updated', a)).items).toEqual([a]);
  });

  it('removes a deleted note with its links, and ignores a second delete', () => {
    const [a, b, c] = [note(), note(), note()];
    const ab = link({ fromId: b.id, toId: a.id });
    const cb = link({ fromId: c.id, toId: b.id });
    const ca = link({ fromId: c.id, toId: a.id });
    const board: Board = { items: [a, b, c], links: [ab, cb, ca] };
    const next = applyBoardEvent(board, ev('contribution.deleted', { id: b.id }));
    expect(next.items.map((x) => x.id)).toEqual([a.id, c.id]);
    expect(next.links).toEqual([ca]);
    expect(applyBoardEvent(next, ev('contribution.deleted', { id: b.id }))).toBe(next);
  });

  it('adds and removes links by id, idempotently', () => {
    const [a, b] = [note(), note()];
    const l = link({ fromId: b.id, toId: a.id });
    const board: Board = { items: [a, b], links: [] };
    const added = applyBoardEvent(board, ev('link.created', l));
    expect(added.links).toEqual([l]);
    expect(applyBoardEvent(added, ev('link.created', l))).toBe(added);
    const removed = applyBoardEvent(added, ev('link.deleted', { id: l.id }));
    expect(removed.links).toEqual([]);
    expect(applyBoardEvent(removed, ev('link.deleted', { id: l.id }))).toBe(removed);
  });

  describe('my own optimistic post', () => {
    const target = note();
    const temp = note({ id: `${TEMP_PREFIX}1-1`, isMine: true, kind: 'hypothesis', body: 'Mine' });
    const tempLink: Link = {
      id: `${temp.id}-link-0`,
      fromId: temp.id,
      toId: target.id,
      kind: 'answers',
      createdBy: 'me',
      createdAt: temp.createdAt,
    };
    const optimistic: Board = { items: [target, temp], links: [tempLink] };
    const real = note({ id: 'real-1', isMine: true, kind: 'hypothesis', body: 'Mine' });
    const realLink = link({ id: 'real-link', fromId: real.id, toId: target.id, kind: 'answers' });

    it('becomes the real note in place when its event comes first, links and all', () => {
      const next = applyBoardEvents(optimistic, [
        ev('contribution.created', real),
        ev('link.created', realLink),
      ]);
      expect(next.items.map((c) => c.id)).toEqual([target.id, real.id]);
      expect(next.links).toEqual([realLink]);
    });

    it('is not doubled when the POST answered first and the events follow', () => {
      // What useBoardData's onSuccess does with the answer: the temp card takes the real id.
      const answered: Board = {
        items: [target, real],
        links: [{ ...tempLink, fromId: real.id }],
      };
      const next = applyBoardEvents(answered, [
        ev('contribution.created', real),
        ev('link.created', realLink),
      ]);
      expect(next.items.map((c) => c.id)).toEqual([target.id, real.id]);
      expect(next.links).toEqual([realLink]);
    });

    it('is not mistaken for someone else’s note with the same words', () => {
      const theirs = note({ id: 'theirs', isMine: false, kind: 'hypothesis', body: 'Mine' });
      const next = applyBoardEvent(optimistic, ev('contribution.created', theirs));
      expect(next.items.map((c) => c.id)).toEqual([target.id, temp.id, 'theirs']);
    });
  });

  it('whatever the overlap between a REST read and a replay, the board ends as the log says (property)', () => {
    // A log of events; the REST read saw the state after some prefix of it; the stream replays from an
    // earlier point (possibly twice, as after a reconnect). The result never depends on the overlap.
    const opArb = fc.oneof(
      fc.record({ op: fc.constant('create' as const), k: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ op: fc.constant('update' as const), k: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ op: fc.constant('delete' as const), k: fc.integer({ min: 0, max: 5 }) }),
      fc.record({
        op: fc.constant('link' as const),
        k: fc.integer({ min: 0, max: 5 }),
        to: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ op: fc.constant('unlink' as const), k: fc.integer({ min: 0, max: 5 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (ops, readCut, replayCut, twice) => {
          const log: BoardEvent[] = [];
          const alive = new Set<number>();
          const links = new Map<number, Link>();
          let version = 0;
          for (const o of ops) {
            const id = `n${o.k}`;
            if (o.op === 'create' && !alive.has(o.k)) {
              alive.add(o.k);
              log.push(ev('contribution.created', note({ id, body: 'v0' })));
            } else if (o.op === 'update' && alive.has(o.k)) {
              version += 1;
              log.push(ev('contribution.updated', note({ id, body: `v${version}` })));
            } else if (o.op === 'delete' && alive.has(o.k)) {
              alive.delete(o.k);
              for (const [lk, l] of links) if (l.fromId === id || l.toId === id) links.delete(lk);
              log.push(ev('contribution.deleted', { id }));
            } else if (o.op === 'link' && alive.has(o.k) && alive.has(o.to) && o.k !== o.to) {
              const l = link({ id: `l${log.length}`, fromId: id, toId: `n${o.to}` });
              links.set(log.length, l);
              log.push(ev('link.created', l));
            } else if (o.op === 'unlink') {
              const first = [...links.entries()][0];
              if (first) {
                links.delete(first[0]);
                log.push(ev('link.deleted', { id: first[1].id }));
              }
            }
          }
          const read = readCut % (log.length + 1);
          const replayFrom = replayCut % (read + 1);
          const rest = applyBoardEvents(empty, log.slice(0, read));
          const replay = log.slice(replayFrom);
          const once = applyBoardEvents(rest, replay);
          const result = twice ? applyBoardEvents(once, replay) : once;
          const truth = applyBoardEvents(empty, log);
          const byId = <T extends { id: string }>(xs: T[]) =>
            [...xs].sort((a, b) => a.id.localeCompare(b.id));
          expect(byId(result.items)).toEqual(byId(truth.items));
          expect(byId(result.links)).toEqual(byId(truth.links));
        },
      ),
      { numRuns: 300 },
    );
  });
});
