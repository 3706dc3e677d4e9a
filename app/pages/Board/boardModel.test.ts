import { describe, expect, it } from 'vitest';
import type { Contribution, Link } from '../../../contract/contributions.js';
import { ANONYMOUS, groupByKind, matches, NO_FILTERS, repliesIndex, threadRoots } from './boardModel.js';

let n = 0;
function note(p: Partial<Contribution>): Contribution {
  n += 1;
  return {
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    inquiryId: 'i',
    kind: 'idea',
    body: 'x',
    confidence: 'leaning',
    state: null,
    anonymous: false,
    author: { id: 'u1', name: 'Ana' },
    isMine: false,
    createdAt: `2025-01-01T00:00:${String(n).padStart(2, '0')}Z`,
    updatedAt: `2025-01-01T00:00:${String(n).padStart(2, '0')}Z`,
    perspective: null,
    acknowledgements: 0,
    acknowledgedByMe: false,
    ...p,
  };
}
function link(from: Contribution, to: Contribution, kind: Link['kind'] = 'builds_on'): Link {
  return {
    id: `${from.id}-${to.id}`,
    fromId: from.id,
    toId: to.id,
    kind,
    createdBy: null,
    createdAt: from.createdAt,
  };
}

describe('board model', () => {
  it('groups by kind in canonical order, newest first', () => {
    const a = note({ kind: 'hypothesis' });
    const b = note({ kind: 'question' });
    const c = note({ kind: 'hypothesis' });
    const groups = groupByKind([a, b, c]);
    expect(groups.map((g) => g.kind)).toEqual(['question', 'hypothesis']);
    expect(groups[1]?.items.map((x) => x.id)).toEqual([c.id, a.id]);
  });

  it('filters by person without ever matching an anonymous note to its author', () => {
    const named = note({ author: { id: 'u2', name: 'Ben' } });
    const anon = note({ anonymous: true, author: null });
    expect(matches(named, { ...NO_FILTERS, person: 'u2' })).toBe(true);
    expect(matches(anon, { ...NO_FILTERS, person: 'u2' })).toBe(false);
    expect(matches(anon, { ...NO_FILTERS, person: ANONYMOUS })).toBe(true);
    const mineAnon = note({ anonymous: true, author: { id: 'u2', name: 'Ben' }, isMine: true });
    expect(matches(mineAnon, { ...NO_FILTERS, person: 'u2' })).toBe(false);
  });

  it('indexes replies by target and finds thread roots', () => {
    const q = note({ kind: 'question' });
    const h = note({ kind: 'hypothesis' });
    const e = note({ kind: 'evidence' });
    const links = [link(h, q, 'answers'), link(e, h, 'supports')];
    const idx = repliesIndex([q, h, e], links);
    expect(idx.get(q.id)?.map((r) => r.from.id)).toEqual([h.id]);
    expect(idx.get(h.id)?.[0]?.link.kind).toBe('supports');
    expect(threadRoots([q, h, e], links).map((c) => c.id)).toEqual([q.id]);
    // A reply whose target is filtered out becomes a root.
    expect(threadRoots([h, e], links).map((c) => c.id)).toEqual([h.id]);
  });
});
