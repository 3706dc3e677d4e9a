import { describe, expect, it } from 'vitest';
import type { Contribution, Link } from '../../../contract/contributions.js';
import {
  ANONYMOUS,
  excerpt,
  layoutMap,
  lensesOf,
  matchesMap,
  NO_MAP_FILTERS,
  NODE_H,
  NODE_W,
  threadsOf,
} from './mapModel.js';
import { generatedBoard } from './testBoard.js';

function note(id: string, over: Partial<Contribution> = {}): Contribution {
  return {
    id,
    inquiryId: 'i',
    kind: 'question',
    body: `Note ${id}`,
    confidence: 'leaning',
    state: null,
    anonymous: false,
    author: { id: 'u1', name: 'Ann' },
    isMine: false,
    createdAt: `2026-01-01T00:00:${id.padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    perspective: null,
    acknowledgements: 0,
    acknowledgedByMe: false,
    ...over,
  };
}

function link(id: string, fromId: string, toId: string, kind: Link['kind'] = 'builds_on'): Link {
  return { id, fromId, toId, kind, createdBy: null, createdAt: '2026-01-01T00:00:00.000Z' };
}

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < NODE_W && Math.abs(a.y - b.y) < NODE_H;
}

describe('knowledge map model', () => {
  it('filters by kind, person (anonymous never matches a person) and lens', () => {
    const q = note('1', { kind: 'question', perspective: 'finance' });
    const anon = note('2', { kind: 'idea', anonymous: true, author: null });
    expect(matchesMap(q, NO_MAP_FILTERS)).toBe(true);
    expect(matchesMap(q, { ...NO_MAP_FILTERS, kinds: ['idea'] })).toBe(false);
    expect(matchesMap(anon, { ...NO_MAP_FILTERS, kinds: ['idea'] })).toBe(true);
    expect(matchesMap(q, { ...NO_MAP_FILTERS, person: 'u1' })).toBe(true);
    expect(matchesMap(anon, { ...NO_MAP_FILTERS, person: 'u1' })).toBe(false);
    expect(matchesMap(anon, { ...NO_MAP_FILTERS, person: ANONYMOUS })).toBe(true);
    expect(matchesMap(q, { ...NO_MAP_FILTERS, lens: 'finance' })).toBe(true);
    expect(matchesMap(q, { ...NO_MAP_FILTERS, lens: 'data' })).toBe(false);
    expect(lensesOf([q, anon, note('3', { perspective: 'customer' })])).toEqual(['customer', 'finance']);
  });

  it('groups linked notes into threads and keeps a thread in one block, replies beneath', () => {
    const items = ['1', '2', '3', '4', '5'].map((id) => note(id));
    const links = [link('a', '2', '1'), link('b', '3', '1', 'challenges'), link('c', '5', '4')];
    expect(threadsOf(items, links)).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
    ]);
    const map = layoutMap(items, links);
    const p = (id: string) => map.positions.get(id) ?? { x: NaN, y: NaN };
    expect(p('2').y).toBeGreaterThan(p('1').y);
    expect(p('3').y).toBeGreaterThan(p('1').y);
    expect(map.thread.get('1')).toBe(map.thread.get('3'));
    expect(map.thread.get('4')).not.toBe(map.thread.get('1'));
    expect(map.links).toHaveLength(3);
  });

  it('ignores links to notes that are not on the map (hidden, deleted) and links that loop', () => {
    const items = [note('1'), note('2')];
    const map = layoutMap(items, [link('a', '2', '1'), link('b', '2', 'gone'), link('c', '1', '1')]);
    expect(map.links.map((l) => l.id)).toEqual(['a']);
    expect(map.positions.size).toBe(2);
  });

  it('lays out 2,000 notes quickly, every one placed, none on top of another', () => {
    const { items, links } = generatedBoard(2_000);
    const started = performance.now();
    const map = layoutMap(items, links);
    const ms = performance.now() - started;
    expect(map.positions.size).toBe(2_000);
    // Generous for a slow CI machine; it takes a fraction of this on a laptop.
    expect(ms).toBeLessThan(1_500);
    // Not a sliver: rows keep the map roughly as wide as it is tall, or wider.
    expect(map.width).toBeGreaterThan(1_000);
    const all = [...map.positions.values()].sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i];
        const b = all[j];
        if (!a || !b) continue;
        if (b.y - a.y >= NODE_H) break;
        expect(overlaps(a, b), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false);
      }
    }
  });

  it('makes a plain one-line excerpt of Markdown', () => {
    expect(excerpt('**Bold** and [a link](https://x.test)\n\n- item')).toBe('Bold and a link - item');
    expect(excerpt('x'.repeat(200), 20)).toHaveLength(20);
  });
});
